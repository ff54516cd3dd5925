import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

describe('Firefox ESR: the sidebar (smoke)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('renders the card of the open conversation, and a stage change from it cascades', async () => {
    const mail = await session.webmailPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    const ext = await session.extensionPage('tickets.html', 'main.page');
    const [tab] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === GMAIL_SPEC.conversations[0].id,
      15_000,
    );
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent',
      conversationId: GMAIL_SPEC.conversations[0].id,
      draft: {},
    });
    expect(created.ok).toBe(true);

    const sidebar = await session.extensionPage(`sidepanel.html?tab=${tab.tabId}`, 'select[aria-label="Stage"]');
    await sidebar.setViewport({ width: 380, height: 700 });
    expect(await sidebar.$eval('.ticket-name', (el) => el.textContent)).toContain('Order #4411 did not arrive');
    await sidebar.select('select[aria-label="Stage"]', 'closed');
    await sidebar.waitForSelector('.toast', { timeout: 10_000 });
    expect(await sidebar.$eval('.toast span', (el) => el.textContent)).toBe('Ticket closed, and its conversations (1).');
    expect((await readTable(ext, 'conversations')).find((c) => c.id === GMAIL_SPEC.conversations[0].id).state).toBe('closed');
    await sidebar.screenshot({ path: join(SCREENSHOTS, 'firefox-sidebar.png') });
  });

  it('the popup reopens the closed ticket, and rule 4 reopens its lone conversation', async () => {
    const ext = await session.extensionPage('tickets.html', 'main.page');
    const [tab] = await readTable(ext, 'tabs');
    const popup = await session.extensionPage(`popup.html?tab=${tab.tabId}`, '#current-stage');
    await popup.select('#current-stage', 'waiting-on-contact');
    await popup.waitForSelector('.toast', { timeout: 10_000 });
    expect(await popup.$eval('.toast span', (el) => el.textContent)).toBe('Ticket reopened, and its conversation.');
    expect((await readTable(ext, 'tickets'))[0].stageId).toBe('waiting-on-contact');
    expect((await readTable(ext, 'conversations'))[0].state).toBe('open');
  });
});
