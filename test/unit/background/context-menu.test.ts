import { describe, expect, it } from 'vitest';
import { createContextMenu, CREATE_TICKET_MENU, type MenusApi } from '@/background/context-menu';
import { createShortcuts, SHORTCUTS } from '@/background/shortcuts';
import { createTabActions } from '@/background/tab-actions';
import { WEBMAIL_MATCHES } from '@/domain/zod-free/providers';
import { convId, observe } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';
import { english } from '@/test/support/translate';

const NO_CONVERSATION = 'No conversation is open in this tab.';

/** `urls`: what each tab shows now (a webmail thread unless the test says otherwise). */
async function setup(urls: Record<number, string | undefined> = {}) {
  const t = await createTestDesk();
  const created: unknown[] = [];
  const menus: MenusApi = { removeAll: async () => void created.splice(0), create: (props) => created.push(props) };
  const opened: string[] = [];
  const panels: Array<number | undefined> = [];
  const told: string[] = [];
  const stored: string[] = [];
  const actions = createTabActions({
    desk: t.desk,
    db: t.db,
    onStored: (type) => stored.push(type),
    tabUrl: async (tabId) => (tabId in urls ? urls[tabId] : 'https://mail.google.com/mail/u/0/#inbox/a'),
    say: english,
  });
  const deps = {
    actions,
    openPanel: async (tabId: number | undefined) => (panels.push(tabId), true),
    openTicketPage: async (id: string) => void opened.push(id),
    tell: async (m: string) => void told.push(m),
  };
  const menu = createContextMenu({ ...deps, menus, title: 'Create ticket' });
  const onCommand = createShortcuts(deps);
  return { ...t, menu, onCommand, created, opened, panels, told, stored };
}

describe('context menu "Create ticket"', () => {
  it('is registered once, on webmail pages, for page, selection and link', async () => {
    const { menu, created } = await setup();
    await menu.register();
    await menu.register();
    expect(created).toEqual([
      { id: CREATE_TICKET_MENU, title: 'Create ticket', contexts: ['page', 'selection', 'link'], documentUrlPatterns: WEBMAIL_MATCHES },
    ]);
  });

  it("creates a ticket for the tab's conversation with the selection as its description, then opens the panel", async () => {
    const { menu, desk, db, panels, stored } = await setup();
    await desk.execute(observe('a'), { tabId: 3 });
    const out = await menu.onClicked({ menuItemId: CREATE_TICKET_MENU, selectionText: '\n   The parcel never came.\n\n' }, 3);
    const ticket = await db.tickets.get(out.ticketId!);
    expect(ticket).toMatchObject({ description: 'The parcel never came.', source: 'context-menu', name: 'Subject a' });
    expect((await db.conversations.get(convId('a')))!.ticketId).toBe(ticket!.id);
    expect(panels).toEqual([3]);
    expect(stored).toEqual(['createTicket']);
  });

  it('shows the existing ticket instead of making a second one (rule 1)', async () => {
    const { menu, desk, db } = await setup();
    await desk.execute(observe('a'), { tabId: 3 });
    const first = await menu.onClicked({ menuItemId: CREATE_TICKET_MENU }, 3);
    const second = await menu.onClicked({ menuItemId: CREATE_TICKET_MENU }, 3);
    expect(second.ticketId).toBe(first.ticketId);
    expect(await db.tickets.count()).toBe(1);
  });

  it('tells the user why when the tab shows no conversation', async () => {
    const { menu, desk, told, db } = await setup();
    await desk.reportTab(4, 'https://mail.google.com/mail/u/0/#inbox', { status: 'ok' });
    expect(await menu.onClicked({ menuItemId: CREATE_TICKET_MENU }, 4)).toEqual({ ticketId: null, reason: NO_CONVERSATION });
    expect(told).toEqual([NO_CONVERSATION]);
    expect(await db.tickets.count()).toBe(0);
  });
});

describe('keyboard shortcuts', () => {
  it('open the panel; create a ticket for the open conversation; close its ticket (closing the conversation)', async () => {
    const { onCommand, desk, db, panels } = await setup();
    await desk.execute(observe('a'), { tabId: 5 });
    await onCommand(SHORTCUTS.openPanel, 5);
    expect(panels).toEqual([5]);
    await onCommand(SHORTCUTS.createTicket, 5);
    const [ticket] = await db.tickets.toArray();
    expect(ticket).toMatchObject({ source: 'manual', stageId: 'new' });
    await onCommand(SHORTCUTS.closeTicket, 5);
    expect((await db.tickets.get(ticket!.id))!.stageId).toBe('closed');
    expect((await db.conversations.get(convId('a')))!.state).toBe('closed');
  });

  it('say why when there is nothing to act on', async () => {
    const { onCommand, desk, told } = await setup();
    await onCommand(SHORTCUTS.closeTicket, 9);
    await desk.execute(observe('b'), { tabId: 6 });
    await onCommand(SHORTCUTS.closeTicket, 6);
    expect(told).toEqual([NO_CONVERSATION, 'This conversation has no ticket to close.']);
  });

  it('a tab that left the webmail for another site has no conversation, whatever was stored for it', async () => {
    // Tab 7 showed conversation a (with a ticket), then went to example.com: the browser gives no
    // address for a site Sidedesk may not read.
    const { onCommand, menu, desk, db, told } = await setup({ 7: undefined });
    await desk.execute(observe('a'), { tabId: 7 });
    const ticket = (await desk.execute({ type: 'createTicket', requestId: 'r-t', actor: 'agent', conversationId: convId('a'), draft: {} }))
      .ok;
    expect(ticket).toBe(true);
    await onCommand(SHORTCUTS.closeTicket, 7);
    expect((await db.tickets.toArray())[0]!.stageId).toBe('new');
    expect((await db.conversations.get(convId('a')))!.state).toBe('open');
    expect(await menu.onClicked({ menuItemId: CREATE_TICKET_MENU, selectionText: 'text from another site' }, 7)).toEqual({
      ticketId: null,
      reason: NO_CONVERSATION,
    });
    expect(told).toEqual([NO_CONVERSATION, NO_CONVERSATION]);
    // ...and the record is gone, so the panel and the popup stop showing conversation a there.
    expect(await db.tabs.get(7)).toBeUndefined();
  });
});
