import { describe, expect, it } from 'vitest';
import { createContextMenu, CREATE_TICKET_MENU, type MenusApi } from '../../../messaging/context-menu';
import { WEBMAIL_MATCHES } from '../../../webmail/hosts';
import { convId, observe } from '../../support/builders';
import { createTestDesk } from '../../support/store';

async function setup() {
  const t = await createTestDesk();
  const created: unknown[] = [];
  const menus: MenusApi = { removeAll: async () => void created.splice(0), create: (props) => created.push(props) };
  const opened: string[] = [];
  const menu = createContextMenu({ desk: t.desk, db: t.db, menus, openTicketPage: async (id) => void opened.push(id) });
  return { ...t, menu, created, opened };
}

describe('context menu "Create ticket"', () => {
  it('is registered once, on webmail pages, for page, selection and link', async () => {
    const { menu, created } = await setup();
    await menu.register();
    await menu.register();
    expect(created).toEqual([{ id: CREATE_TICKET_MENU, title: 'Create ticket', contexts: ['page', 'selection', 'link'], documentUrlPatterns: WEBMAIL_MATCHES }]);
  });

  it("creates a ticket for the tab's conversation with the selection as its description", async () => {
    const { menu, desk, db } = await setup();
    await desk.execute(observe('a'), { tabId: 3 });
    const out = await menu.onClicked({ menuItemId: CREATE_TICKET_MENU, selectionText: 'The parcel never came.' }, 3);
    const ticket = await db.tickets.get(out.ticketId!);
    expect(ticket).toMatchObject({ description: 'The parcel never came.', source: 'context-menu', name: 'Subject a' });
    expect((await db.conversations.get(convId('a')))!.ticketId).toBe(ticket!.id);
  });

  it('opens the existing ticket instead of making a second one', async () => {
    const { menu, desk, db, opened } = await setup();
    await desk.execute(observe('a'), { tabId: 3 });
    const first = await menu.onClicked({ menuItemId: CREATE_TICKET_MENU }, 3);
    const second = await menu.onClicked({ menuItemId: CREATE_TICKET_MENU }, 3);
    expect(second.ticketId).toBe(first.ticketId);
    expect(opened).toEqual([first.ticketId]);
    expect(await db.tickets.count()).toBe(1);
  });

  it('says why when the tab shows no conversation', async () => {
    const { menu, desk } = await setup();
    await desk.reportTab(4, 'https://mail.google.com/mail/u/0/#inbox', 'ok');
    expect(await menu.onClicked({ menuItemId: CREATE_TICKET_MENU }, 4)).toEqual({ ticketId: null, reason: 'No conversation is open in this tab.' });
    expect(await menu.onClicked({ menuItemId: CREATE_TICKET_MENU }, 99)).toMatchObject({ ticketId: null });
  });
});
