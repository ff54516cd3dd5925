import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, requestId, send } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
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
    const chipText = () => mail.$eval('sidedesk-chip >>> .chip', (el) => el.textContent ?? '').catch(() => '');
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
    await mail.screenshot({ path: join(SCREENSHOTS, 'firefox-chip-gmail.png') });
  });
});
