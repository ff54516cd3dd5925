import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, requestId, send } from './support/extension-page';
import { FIREFOX_UUID, launchFirefox, type FirefoxSession } from './support/firefox';
import { firefoxChipButton, readFirefoxChip } from './support/firefox-chip';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

describe('Firefox ESR: Gmail reader and chip (smoke)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('follows in-page navigation between two conversations and shows the chip', async () => {
    const mail = await session.webmailPage();
    await mail.goto(GMAIL_SPEC.listUrl);
    const ext = await session.extensionPage('tickets.html', 'main.page');
    const tabConversation = async () => (await readTable(ext, 'tabs')).map((t) => t.conversationId);
    for (const which of [0, 1] as const) {
      if (which === 1) await mail.evaluate(() => (location.hash = '#inbox'));
      await mail.waitForSelector('tr.zA');
      await (await mail.$$('tr.zA'))[which]!.click();
      await expect.poll(tabConversation, { timeout: 15_000 }).toEqual([GMAIL_SPEC.conversations[which].id]);
    }
    // The root is closed: the page (and puppeteer's `>>>`) cannot read the chip; BiDi can.
    const chipText = async () => (await readFirefoxChip(mail).catch(() => null))?.text ?? '';
    await expect.poll(chipText, { timeout: 10_000 }).toContain('Create ticket');
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent',
      conversationId: GMAIL_SPEC.conversations[1].id,
      draft: {},
    });
    expect(created.ok).toBe(true);
    await expect.poll(chipText, { timeout: 10_000 }).toContain('T-0001 Refund for #3920');
    expect((await readFirefoxChip(mail))?.mode).toBe('closed');
    expect(await mail.evaluate(() => document.querySelector('sidedesk-chip')?.shadowRoot === null)).toBe(true);
    await mail.screenshot({ path: join(SCREENSHOTS, 'firefox-chip-gmail.png') });
    // The agent's click (a real mouse click, so a trusted one) opens the ticket's record page.
    const ticketId = created.ok ? created.data.ticket.id : '';
    const button = await firefoxChipButton(mail);
    expect(button).not.toBeNull();
    const before = new Set(session.browser.targets());
    // Under BiDi a new moz-extension:// tab reports about:blank for a while: ask the page itself.
    const opened = session.browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: 10_000 });
    await mail.mouse.click(button!.x, button!.y);
    const record = (await (await opened).page())!;
    await expect
      .poll(() => record.evaluate(() => location.href).catch(() => ''), { timeout: 10_000 })
      .toBe(`moz-extension://${FIREFOX_UUID}/record.html?id=${ticketId}`);
  });
});
