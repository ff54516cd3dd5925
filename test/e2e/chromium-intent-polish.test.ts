import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothSchemes } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER] = GMAIL_SPEC.conversations;
const DAY = 86_400_000;

/** What the agent sees of choices, toasts, the focus, earlier conversations and the trash, in
 * Polish, light and dark: for review, and held to the same accessibility check as the rest. */
describe('Chromium in Polish: nothing happens that the agent did not mean', () => {
  let session: ChromiumSession;
  let panel: Page;
  const card = () => panel.getByRole('region', { name: 'Zgłoszenie', exact: true });

  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    const ext = await session.extensionPage();
    const [tab] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === ORDER.id,
    );
    const actor = 'agent@sidedesk.test';
    const open = (await readTable(ext, 'conversations')).find((c) => c.id === ORDER.id);
    // Two more conversations with the same customer: one written before the open one, one after.
    for (const [threadId, subject, days] of [
      ['older1', 'Zwrot za zamówienie #3920', -40],
      ['newer1', 'Pytanie o fakturę', 3],
    ] as const) {
      await send(ext, 'command', {
        type: 'observe',
        requestId: requestId(),
        actor,
        observation: {
          provider: 'gmail',
          account: actor,
          threadId,
          subject,
          url: null,
          contact: { email: ORDER.contactEmail, name: 'Anna Kowalska' },
          participants: [{ email: ORDER.contactEmail, name: 'Anna Kowalska' }],
          messageCount: 1,
          lastMessageAt: (open.lastMessageAt ?? open.lastSeenAt) + days * DAY,
        },
      });
    }
    await send(ext, 'command', { type: 'createTicket', requestId: requestId(), actor, conversationId: ORDER.id, draft: {} });
    await ext.close();
    panel = await session.extensionPage(`sidepanel.html?tab=${tab.tabId}`);
    await panel.setViewportSize({ width: 400, height: 900 });
    await card().waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a stage reached with the arrow keys waits for Enter, and says so', async () => {
    const stage = card().getByLabel('Etap');
    await stage.focus();
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => card().getByRole('status').first().textContent()).toBe('Enter – zastosuj · Esc – anuluj');
    expect(await checkBothSchemes(panel, 'pl-panel-stage-held', SCREENSHOTS)).toEqual([]);
    await panel.keyboard.press('Escape');
    await expect.poll(() => stage.inputValue()).toBe('new');
  });

  it('the name shows its focus ring; a toast offers Cofnij, said to screen readers too', async () => {
    await card()
      .getByRole('button', { name: /^#T-0001/ })
      .focus();
    await panel.keyboard.press('Tab');
    await card().getByLabel('Etap').selectOption('waiting-on-contact');
    await expect.poll(() => panel.locator('.toast span').first().textContent()).toBe('Etap: Czeka na kontakt.');
    expect(await panel.locator('.toast-region').textContent()).toContain('Możesz to cofnąć');
    await card()
      .getByRole('button', { name: /^Nazwa zgłoszenia/ })
      .focus();
    expect(await checkBothSchemes(panel, 'pl-panel-toast-focus', SCREENSHOTS)).toEqual([]);
  });

  it('other conversations of the contact, by the date of their mail, with the earlier ones marked', async () => {
    const list = panel.locator('.earlier');
    await expect.poll(() => list.locator('li').allTextContents()).toHaveLength(3);
    const rows = await list.locator('li').allTextContents();
    expect(rows[0]).toContain('Pytanie o fakturę');
    expect(rows[0]).toContain('Późniejsza niż ta');
    expect(rows[1]).toBe('Wcześniejsze niż ta rozmowa');
    expect(rows[2]).toContain('Zwrot za zamówienie #3920');
    expect(await panel.locator('.subtitle').textContent()).toBe('Inne rozmowy (2)');
    await panel.locator('.earlier').screenshot({ path: join(SCREENSHOTS, 'pl-panel-earlier-light.png') });
  });

  it('after Przenieś do kosza the panel says the ticket is in the trash, with Przywróć', async () => {
    await panel.getByRole('button', { name: 'Przenieś do kosza' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Przenieś do kosza' }).click();
    const inTrash = panel.getByRole('region', { name: 'W koszu' });
    await expect.poll(() => inTrash.textContent()).toContain('jest w koszu');
    expect(await checkBothSchemes(panel, 'pl-panel-in-trash', SCREENSHOTS)).toEqual([]);
    await inTrash.getByRole('button', { name: 'Przywróć' }).click();
    await card().waitFor();
  });
});
