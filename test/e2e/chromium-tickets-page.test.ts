import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { checkBothSchemes } from './support/axe';
import { readTable, requestId, send } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';

const actor = 'agent@sidedesk.test';
const customers = [
  { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska', subject: 'Zwrot za zamówienie' },
  { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak', subject: 'Paczka nie dotarła' },
  { email: 'ola@firma.example', name: 'Ola Żółć', subject: 'Invoice 2291 is wrong' },
];

// The tickets page finds a ticket among 200+ by its customer, from the browser's own IndexedDB.
describe('Chromium: the tickets page search', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
    const ext = await session.extensionPage();
    for (let i = 0; i < 210; i++) {
      const who = customers[i % customers.length]!;
      const threadId = `t${i}`;
      const observed = await send(ext, 'command', {
        type: 'observe',
        requestId: requestId(),
        actor: 'content-script',
        observation: {
          provider: 'gmail',
          account: actor,
          threadId,
          subject: `${who.subject} ${i}`,
          url: null,
          contact: { email: who.email, name: who.name },
          participants: [],
          messageCount: 1,
          lastMessageAt: null,
        },
      });
      expect(observed.ok).toBe(true);
      const created = await send(ext, 'command', {
        type: 'createTicket',
        requestId: requestId(),
        actor,
        conversationId: `gmail:${actor}:${threadId}`,
        draft: {},
      });
      expect(created.ok).toBe(true);
    }
    await ext.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('finds the tickets of a customer by name without accents, keeps the search in the address, and says when nothing matches', async () => {
    const page = await session.extensionPage('tickets.html');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    const box = page.getByRole('searchbox');
    await box.fill('zolc');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(70);
    expect(await rows.first().textContent()).toContain('Invoice 2291 is wrong');
    expect(new URL(page.url()).searchParams.get('q')).toBe('zolc');
    // A reload opens the same search.
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(70);
    expect(await page.getByRole('searchbox').inputValue()).toBe('zolc');
    // By number and by address.
    await page.getByRole('searchbox').fill('T-0002');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('T-0002');
    await page.getByRole('searchbox').fill('jan.nowak@sklep');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(70);
    expect(await checkBothSchemes(page, 'tickets-page-search', SCREENSHOTS)).toEqual([]);
    await page.getByRole('searchbox').fill('nothing-like-this');
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain('No tickets match “nothing-like-this”.');
    expect(await rows.count()).toBe(0);
  });

  it('filters by stage and sorts by number, kept in the address across a reload', async () => {
    const ext = await session.extensionPage('tickets.html');
    const tickets = (await readTable(ext, 'tickets')).sort((a, b) => a.number - b.number).slice(0, 3);
    for (const t of tickets) {
      const closed = await send(ext, 'command', {
        type: 'setTicketStage',
        requestId: requestId(),
        actor,
        ticketId: t.id,
        rev: t.rev,
        stageId: 'closed',
      });
      expect(closed.ok).toBe(true);
    }
    await ext.close();
    const page = await session.extensionPage('tickets.html');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    await page.getByLabel('Stage').selectOption('closed');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await page.getByLabel('Sort by').selectOption('number');
    await expect
      .poll(async () => (await rows.locator('td:first-child').allTextContents()).join(' '), { timeout: 10_000 })
      .toBe('T-0003 T-0002 T-0001');
    expect(new URL(page.url()).search).toBe('?stage=closed&sort=number');
    await page.reload();
    await expect
      .poll(async () => (await rows.locator('td:first-child').allTextContents()).join(' '), { timeout: 10_000 })
      .toBe('T-0003 T-0002 T-0001');
    expect(await page.getByLabel('Stage').inputValue()).toBe('closed');
    expect(await checkBothSchemes(page, 'tickets-page-filtered', SCREENSHOTS)).toEqual([]);
    // One click each: the presets.
    await page.getByRole('button', { name: 'Closed this week' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(await page.getByRole('button', { name: 'Closed this week' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'My open tickets' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    expect(new URL(page.url()).searchParams.get('owner')).toBe('me');
    await page.getByLabel('Owner').selectOption('unassigned');
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain('No tickets in this view.');
  });

  it('reads at the size of the rest of Sidedesk', async () => {
    const page = await session.extensionPage('tickets.html');
    await page.locator('tbody tr').first().waitFor();
    const size = await page
      .locator('tbody td')
      .first()
      .evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
    expect(size).toBeGreaterThanOrEqual(13);
    expect(size).toBeLessThanOrEqual(14);
  });
});
