import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { chipText } from './support/closed-chip';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

describe('Chromium in Polish (the seed document’s language)', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the panel, the chip and the cascade message speak Polish', async () => {
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    const ext = await session.extensionPage();
    const [tab] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === GMAIL_SPEC.conversations[0].id,
    );
    await expect.poll(() => chipText(mail), { timeout: 10_000 }).toContain('Utwórz zgłoszenie');
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      conversationId: GMAIL_SPEC.conversations[0].id,
      draft: {},
    });
    expect(created.ok).toBe(true);
    const panel = await session.extensionPage(`sidepanel.html?tab=${tab.tabId}`);
    await panel.setViewportSize({ width: 400, height: 720 });
    await panel.waitForSelector('.ticket-name');
    expect(await panel.locator('h2.section-title').allTextContents()).toEqual(['Zgłoszenie', 'Rozmowa', 'Kontakt']);
    expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^pl/);
    await panel.getByLabel('Etap').selectOption('closed');
    await expect.poll(() => panel.locator('.toast span').first().textContent()).toBe('Zgłoszenie zamknięte, a z nim jego rozmowy (1).');
    expect(await seriousViolations(panel)).toEqual([]);
    // The built-in stages speak the UI language too (the user has not renamed them).
    expect(await panel.locator('.stage-select option:checked').textContent()).toBe('Zamknięte');
    await expect.poll(() => chipText(mail), { timeout: 5000 }).toContain('Zamknięte');
    await panel.screenshot({ path: join(SCREENSHOTS, 'panel-ticket-pl.png') });
  });
});
