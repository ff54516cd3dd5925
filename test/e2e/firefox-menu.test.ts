import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { press, readTable, waitUntil } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER] = GMAIL_SPEC.conversations;
const MENU = 'sidedesk-create-ticket';

describe('Firefox ESR: the context menu (smoke, e2e build)', () => {
  let session: FirefoxSession;
  let mail: Page;
  let ext: Page;
  let tabId: number;

  beforeAll(async () => {
    session = await launchFirefox({ e2eBuild: true });
    mail = await session.webmailPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    ext = await session.extensionPage('tickets.html', 'main.page');
    [{ tabId }] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === ORDER.id,
      15_000,
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('"Create ticket" is registered at install: Firefox updates our item and refuses an unknown one', async () => {
    const update = (id: string) =>
      ext.evaluate(
        (i) =>
          (globalThis as any).browser.contextMenus.update(i, {}).then(
            () => 'updated',
            (e: Error) => `refused: ${e.message}`,
          ),
        id,
      );
    expect(await update(MENU)).toBe('updated');
    expect(await update('no-such-item')).toMatch(/^refused/);
  });

  it('with a selection, it creates the ticket with the selection as its description; the sidebar shows it', async () => {
    const reply = await press(ext, { sidedeskTest: 'menuClick', tabId, selectionText: '  Parcel stuck in Poznań since Monday.  ' });
    expect(reply.ok).toBe(true);
    const tickets = await readTable(ext, 'tickets');
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      id: reply.data.ticketId,
      name: ORDER.subject,
      description: 'Parcel stuck in Poznań since Monday.',
      source: 'context-menu',
    });
    const sidebar = await session.extensionPage(`sidepanel.html?tab=${tabId}`, '.ticket-name');
    expect(await sidebar.$eval('.ticket-name', (el) => el.textContent)).toContain(ORDER.subject);
    // Again on the same conversation: the same ticket (rule 1), never a second one.
    const again = await press(ext, { sidedeskTest: 'menuClick', tabId, selectionText: 'other' });
    expect(again.data.ticketId).toBe(reply.data.ticketId);
    expect(await readTable(ext, 'tickets')).toHaveLength(1);
  });

  it('with no conversation open, it says why and creates nothing', async () => {
    await mail.evaluate(() => void (location.hash = '#inbox'));
    await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === null,
      15_000,
    );
    const reply = await press(ext, { sidedeskTest: 'menuClick', tabId });
    expect(reply.data).toEqual({ ticketId: null, reason: 'No conversation is open in this tab.' });
    expect(await readTable(ext, 'tickets')).toHaveLength(1);
  });
});
