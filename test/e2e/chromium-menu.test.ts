import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, stopServiceWorker, type ChromiumSession } from './support/chromium';
import { press, readTable, requestId, send, waitUntil } from './support/extension-page';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER, REFUND] = GMAIL_SPEC.conversations;

describe('Chromium: context menu and keyboard shortcuts (e2e build)', () => {
  let session: ChromiumSession;
  let mail: Page;
  let ext: Page;
  let tabId: number;
  const notifications = () => ext.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()).length);

  beforeAll(async () => {
    session = await launchChromium({ e2eBuild: true });
    mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    ext = await session.extensionPage();
    [{ tabId }] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === ORDER.id,
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Create ticket from the menu with a selection, the worker stopped first: the selection is the description, the panel shows it', async () => {
    await mail.waitForSelector('.a3s');
    const selection = await mail.evaluate(() => {
      const body = document.querySelector('.a3s div')!;
      const range = document.createRange();
      range.selectNodeContents(body);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selection).toContain('has not arrived');
    await stopServiceWorker(session, ext);
    const reply = await press(ext, { sidedeskTest: 'menuClick', tabId, selectionText: selection });
    expect(reply.ok).toBe(true);
    const [ticket] = await readTable(ext, 'tickets');
    expect(ticket).toMatchObject({ id: reply.data.ticketId, name: ORDER.subject, description: selection.trim(), source: 'context-menu' });
    const panel = await session.extensionPage(`sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.locator('.ticket-name').textContent()).toContain(ORDER.subject);
    await panel.getByRole('button', { name: 'View more ›' }).click();
    expect(await panel.locator('[data-property="description"] dd').textContent()).toBe(selection.trim());
    // Again on the same conversation: rule 1, the existing ticket, no second one.
    const again = await press(ext, { sidedeskTest: 'menuClick', tabId, selectionText: 'other text' });
    expect(again.data.ticketId).toBe(ticket.id);
    expect(await readTable(ext, 'tickets')).toHaveLength(1);
  });

  it('Chrome binds every suggested shortcut (it leaves a key it keeps for itself unbound, silently)', async () => {
    const commands = await ext.evaluate(() => (globalThis as any).chrome.commands.getAll());
    const keys = Object.fromEntries(
      commands
        .filter((c: { name: string }) => c.name !== '_execute_action')
        .map((c: { name: string; shortcut: string }) => [c.name, c.shortcut]),
    );
    expect(keys).toEqual({ 'open-panel': 'Alt+Shift+S', 'create-ticket': 'Alt+Shift+K', 'close-ticket': 'Alt+Shift+D' });
    // Named in the UI language on the browser's shortcuts page.
    expect(commands.find((c: { name: string }) => c.name === 'close-ticket').description).toBe("Close the open conversation's ticket");
  });

  it('Alt+Shift+D closes the open conversation’s ticket; Alt+Shift+K creates one for the next conversation', async () => {
    await press(ext, { sidedeskTest: 'command', name: 'close-ticket', tabId });
    expect((await readTable(ext, 'tickets'))[0].stageId).toBe('closed');
    expect((await readTable(ext, 'conversations')).find((c) => c.id === ORDER.id).state).toBe('closed');
    await mail.evaluate((t) => (location.hash = `#inbox/${t}`), '199a4cb2200f2a74');
    await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === REFUND.id,
    );
    await press(ext, { sidedeskTest: 'command', name: 'create-ticket', tabId });
    expect((await readTable(ext, 'conversations')).find((c) => c.id === REFUND.id).ticketId).not.toBeNull();
  });

  it('with no conversation open, the menu says why and creates nothing', async () => {
    await mail.evaluate(() => (location.hash = '#inbox'));
    await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === null,
    );
    const before = await notifications();
    const reply = await press(ext, { sidedeskTest: 'menuClick', tabId });
    expect(reply.data).toEqual({ ticketId: null, reason: 'No conversation is open in this tab.' });
    await expect.poll(notifications).toBe(before + 1);
    expect(await readTable(ext, 'tickets')).toHaveLength(2);
  });

  it('a notification about a followed contact, clicked, opens the ticket and goes away', async () => {
    const ticket = (await readTable(ext, 'tickets')).find((t) => t.contactEmail === ORDER.contactEmail);
    expect(
      (
        await send(ext, 'command', {
          type: 'followContact',
          requestId: requestId(),
          actor: 'agent@sidedesk.test',
          email: ORDER.contactEmail,
          followed: true,
        })
      ).ok,
    ).toBe(true);
    const ids = async () => Object.keys(await ext.evaluate(() => (globalThis as any).chrome.notifications.getAll()));
    const before = await ids();
    await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'waiting-on-us',
    });
    const id = (await waitUntil(
      async () => (await ids()).find((i) => !before.includes(i)),
      (found) => found !== undefined,
    ))!;
    expect(id.startsWith('sidedesk|ticket|')).toBe(true);
    const [record] = await Promise.all([session.context.waitForEvent('page'), press(ext, { sidedeskTest: 'notificationClick', id })]);
    await record.waitForLoadState();
    expect(record.url()).toBe(`chrome-extension://${session.extensionId}/record.html?id=${ticket.id}`);
    await expect.poll(async () => (await ids()).includes(id)).toBe(false);
  });
});
