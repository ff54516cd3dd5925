import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothSchemes } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER] = GMAIL_SPEC.conversations;
const ACTOR = 'agent@sidedesk.test';

/** A conversation of the agent's mailbox, reported as the content script would. */
async function observe(ext: Page, threadId: string, subject: string) {
  const reply = await send(ext, 'command', {
    type: 'observe',
    requestId: requestId(),
    actor: ACTOR,
    observation: {
      provider: 'gmail',
      account: ACTOR,
      threadId,
      subject,
      url: null,
      contact: { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak' },
      participants: [{ email: 'jan.nowak@sklep.pl', name: 'Jan Nowak' }],
      messageCount: 1,
      lastMessageAt: 1_761_850_560_000,
    },
  });
  expect(reply.ok).toBe(true);
}

async function command<T = any>(ext: Page, body: Record<string, unknown>): Promise<T> {
  const reply = await send<T>(ext, 'command', { requestId: requestId(), actor: ACTOR, ...body });
  if (!reply.ok) throw new Error(`${String(body.type)} refused: ${reply.error.message}`);
  return reply.data;
}

describe('Chromium: the trash page', () => {
  let session: ChromiumSession;
  let ext: Page;
  let tabId: number;

  beforeAll(async () => {
    session = await launchChromium();
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    ext = await session.extensionPage();
    const [tab] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === ORDER.id,
    );
    tabId = tab.tabId;
    await command(ext, { type: 'createTicket', conversationId: ORDER.id, draft: {} });
  });
  afterAll(async () => {
    await session?.close();
  });

  it("the panel's 'in the trash' state links to the group on the trash page, which marks it", async () => {
    const panel = await session.extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.getByRole('button', { name: 'Move to trash' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Move to trash' }).click();
    const inTrash = panel.getByRole('region', { name: 'In the trash' });
    const link = inTrash.getByRole('link', { name: 'Show in the trash' });
    await link.waitFor();
    const [group] = await readTable(ext, 'trash');
    expect(await link.getAttribute('href')).toBe(`/trash.html#${group.id}`);
    await inTrash.screenshot({ path: join(SCREENSHOTS, 'panel-in-trash-link-light.png') });
    const [trash] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await trash.waitForURL(/trash\.html#/);
    const entry = trash.locator(`[id="${group.id}"]`);
    await expect.poll(() => entry.getAttribute('class')).toContain('is-target');
    await expect.poll(() => trash.evaluate(() => document.activeElement?.id)).toBe(group.id);
    const text = await entry.textContent();
    expect(text).toContain('T-0001 · Order #4411 did not arrive');
    expect(text).toContain('Conversation moved to the trash');
    // Who deleted it, by their name on the team (the panel's account joined it by itself).
    const [{ value: settings }] = await readTable(ext, 'settings');
    const me = settings.team.find((m: { email: string }) => m.email === ACTOR);
    expect(text).toContain(`, by ${me.name} · `);
    expect(text).toContain(ORDER.contactEmail);
    expect(text).toContain('Conversations (1)');
    // The desk's size, not Chrome's 75% of the default.
    expect(
      await entry
        .locator('p')
        .first()
        .evaluate((p) => getComputedStyle(p).fontSize),
    ).toBe('14px');
    await trash.close();
    await panel.close();
  });

  it('lists, searches and restores a group; axe finds nothing serious, light and dark', async () => {
    const page = await session.extensionPage('trash.html');
    await page.locator('li.trash-group').first().waitFor();
    expect(await checkBothSchemes(page, 'trash-page', SCREENSHOTS)).toEqual([]);

    const search = page.getByRole('searchbox', { name: 'Search the trash by number, name, contact or subject' });
    for (const text of ['#1', 'anna.kowalska', 'order 4411']) {
      await search.fill(text);
      await expect.poll(() => page.locator('li.trash-group').count()).toBe(1);
    }
    await search.fill('no such words');
    await expect.poll(() => page.locator('.empty-state').textContent()).toBe('Nothing in the trash matches your search.');
    await search.fill('');

    await page.locator('li.trash-group').first().getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.locator('.empty-state').textContent()).toBe('The trash is empty.');
    expect(await page.locator('.toast span').first().textContent()).toBe('Restored from the trash.');
    expect(await readTable(ext, 'trash')).toEqual([]);
    expect((await readTable(ext, 'tickets')).map((t) => t.number)).toEqual([1]);
    expect((await readTable(ext, 'conversations')).find((c) => c.id === ORDER.id)?.ticketId).toBeTruthy();
    await page.close();
  });

  it('delete forever asks once, then the group, its history and what named it are gone from IndexedDB', async () => {
    const page = await session.extensionPage('trash.html');
    await page.locator('.empty-state').waitFor();
    const [ticket] = await readTable(ext, 'tickets');
    // Trashed again, from the record page's command: the open page shows it at once.
    const { trashId } = await command<{ trashId: string }>(ext, { type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev });
    const entry = page.locator(`[id="${trashId}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Ticket deleted');

    await entry.getByRole('button', { name: 'Delete forever' }).click();
    const dialog = entry.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('Delete ticket T-0001 and its conversations (1) forever');
    // The safe choice has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await checkBothSchemes(page, 'trash-delete-forever', SCREENSHOTS)).toEqual([]);
    expect((await readTable(ext, 'trash')).map((g) => g.id)).toEqual([trashId]);

    await dialog.getByRole('button', { name: 'Delete forever' }).click();
    await expect.poll(() => page.locator('.empty-state').textContent()).toBe('The trash is empty.');
    expect(await page.locator('.toast span').first().textContent()).toBe('Deleted forever.');
    expect(await readTable(ext, 'trash')).toEqual([]);
    expect(await readTable(ext, 'tickets')).toEqual([]);
    const timeline = await readTable(ext, 'timeline');
    expect(timeline.filter((e) => e.ticketId === ticket.id || e.to === trashId)).toEqual([]);
    await page.close();
  });

  it('a restore refused because a conversation has a new ticket says why in one sentence', async () => {
    await observe(ext, 'collide1', 'Invoice question');
    const conversationId = `gmail:${ACTOR}:collide1`;
    const first = await command(ext, { type: 'createTicket', conversationId, draft: {} });
    const { trashId } = await command<{ trashId: string }>(ext, { type: 'deleteTicket', ticketId: first.ticket.id, rev: first.ticket.rev });
    await observe(ext, 'collide1', 'Invoice question');
    await command(ext, { type: 'createTicket', conversationId, draft: {} });

    const page = await session.extensionPage(`trash.html#${trashId}`);
    const entry = page.locator(`[id="${trashId}"]`);
    await entry.getByRole('button', { name: 'Restore' }).click();
    await expect
      .poll(() => page.locator('.toast span').first().textContent())
      .toBe('Not restored: one of its conversations has been given a new ticket since it was deleted.');
    expect((await readTable(ext, 'trash')).map((g) => g.id)).toEqual([trashId]);
    await page.close();
  });

  it('the record page of a trashed ticket links to its group too', async () => {
    const [group] = await readTable(ext, 'trash');
    const record = await session.extensionPage(`record.html?id=${encodeURIComponent(group.tickets[0].id)}`);
    const link = record.getByRole('region', { name: 'In the trash' }).getByRole('link', { name: 'Show in the trash' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/trash.html#${group.id}`);
    await record.close();
  });
});

describe('Chromium in Polish: the trash page', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('says what each group is, with Przywróć and Usuń na zawsze, light and dark', async () => {
    const ext = await session.extensionPage();
    await observe(ext, 'pl1', 'Zwrot za zamówienie #3920');
    await observe(ext, 'pl2', 'Pytanie o fakturę');
    const created = await command(ext, { type: 'createTicket', conversationId: `gmail:${ACTOR}:pl1`, draft: {} });
    await command(ext, { type: 'deleteTicket', ticketId: created.ticket.id, rev: created.ticket.rev });
    const lone = (await readTable(ext, 'conversations')).find((c) => c.threadId === 'pl2');
    await command(ext, { type: 'trashConversation', conversationId: lone.id, rev: lone.rev });

    const page = await session.extensionPage('trash.html');
    await expect.poll(() => page.locator('li.trash-group').count()).toBe(2);
    const [newest, older] = await page.locator('li.trash-group').allTextContents();
    expect(newest).toContain('Przeniesiono rozmowę do kosza');
    expect(newest).toContain('Bez zgłoszenia');
    expect(older).toContain('Usunięto zgłoszenie');
    expect(await page.locator('h1').textContent()).toBe('Kosz');
    expect(await checkBothSchemes(page, 'pl-trash-page', SCREENSHOTS)).toEqual([]);
    await page.locator('li.trash-group').first().getByRole('button', { name: 'Usuń na zawsze' }).click();
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain('Tego nie można cofnąć');
    expect(await checkBothSchemes(page, 'pl-trash-delete-forever', SCREENSHOTS)).toEqual([]);
  });
});
