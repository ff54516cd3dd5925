import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, requestId, send } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { SCREENSHOTS } from './support/paths';

const ACTOR = 'agent@sidedesk.test';

/** Six tickets, one conversation each: T-0001 to T-0006 in this order. */
const SEEDS = [
  { thread: 'ff1', subject: 'Order #4411 did not arrive', email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska', priority: 'urgent' },
  { thread: 'ff2', subject: 'Refund for #3920', email: 'jan.nowak@sklep.pl', name: 'Jan Nowak', priority: 'medium' },
  { thread: 'ff3', subject: 'Invoice 2291 is wrong', email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska', priority: 'medium' },
  { thread: 'ff4', subject: 'Password reset loop', email: 'ola@firma.example', name: 'Ola Żółć', priority: 'urgent' },
  { thread: 'ff5', subject: 'Change of address', email: 'jan.nowak@sklep.pl', name: 'Jan Nowak', priority: 'low' },
  { thread: 'ff6', subject: 'Damaged parcel', email: 'ola@firma.example', name: 'Ola Żółć', priority: 'high' },
] as const;

/** The ticket numbers the list shows, in its order. */
function numbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const heads = [...document.querySelectorAll<HTMLElement>('table.tickets thead th')];
    const at = heads.findIndex((th) => th.dataset.column === 'number');
    return [...document.querySelectorAll('table.tickets tbody tr')].map((tr) => tr.children[at]?.textContent?.trim() ?? '');
  });
}

const sorted = async (page: Page) => (await numbers(page)).sort();

describe('Firefox ESR: the tickets page (smoke)', () => {
  let session: FirefoxSession;
  let ext: Page;
  beforeAll(async () => {
    session = await launchFirefox();
    ext = await session.extensionPage('tickets.html', 'main.page');
    for (const s of SEEDS) {
      const observed = await send(ext, 'command', {
        type: 'observe',
        requestId: requestId(),
        actor: 'content-script',
        observation: {
          provider: 'gmail',
          account: ACTOR,
          threadId: s.thread,
          subject: s.subject,
          url: null,
          contact: { email: s.email, name: s.name },
          participants: [{ email: s.email, name: s.name }],
          messageCount: 1,
          lastMessageAt: null,
        },
      });
      expect(observed.ok).toBe(true);
      const created = await send(ext, 'command', {
        type: 'createTicket',
        requestId: requestId(),
        actor: ACTOR,
        conversationId: `gmail:${ACTOR}:${s.thread}`,
        draft: { priority: s.priority },
      });
      expect(created.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the tickets, narrows them by a search and by a filter from the address, and stores a bulk priority change', async () => {
    const page = await session.extensionPage('tickets.html', 'tbody tr[data-ticket-id]');
    await expect.poll(() => numbers(page), { timeout: 10_000 }).toEqual(['T-0006', 'T-0005', 'T-0004', 'T-0003', 'T-0002', 'T-0001']);
    // At the size of the rest of Sidedesk, not Firefox's default for extension pages.
    const size = await page.$eval('tbody td:not(.select)', (td) => parseFloat(getComputedStyle(td).fontSize));
    expect(size).toBeGreaterThanOrEqual(13);
    expect(size).toBeLessThanOrEqual(14);

    // Search as you type: a customer's name without its accents.
    await page.type('input[name="q"]', 'zolc');
    await expect.poll(() => sorted(page), { timeout: 10_000 }).toEqual(['T-0004', 'T-0006']);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('q'))).toBe('zolc');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-tickets-search.png') });
    await page.close();

    // A filter in the address applies when the page opens, its control set.
    const urgent = await session.extensionPage('tickets.html?priority=urgent', 'tbody tr[data-ticket-id]');
    await expect.poll(() => sorted(urgent), { timeout: 10_000 }).toEqual(['T-0001', 'T-0004']);
    expect(await urgent.$eval('select[name="priority"]', (s) => (s as HTMLSelectElement).value)).toBe('urgent');
    await urgent.close();

    // Two tickets selected by their checkboxes, set to Low in one bulk action, confirmed.
    const list = await session.extensionPage('tickets.html?sort=number', 'tbody tr[data-ticket-id]');
    await expect.poll(() => numbers(list), { timeout: 10_000 }).toEqual(['T-0006', 'T-0005', 'T-0004', 'T-0003', 'T-0002', 'T-0001']);
    await list.click('input[aria-label="Select T-0006"]');
    await list.click('input[aria-label="Select T-0003"]');
    await expect.poll(() => list.$eval('[role="toolbar"] strong', (s) => s.textContent)).toBe('Selected: 2');
    await list.select('select[name="bulk-priority"]', 'low');
    await list.waitForSelector('[role="alertdialog"]');
    const question = await list.$eval('[role="alertdialog"]', (d) => d.textContent ?? '');
    expect(question).toContain('Set the priority of 2 tickets to Low?');
    expect(question).toContain('T-0006 Damaged parcel');
    expect(question).toContain('T-0003 Invoice 2291 is wrong');
    await list.click('[role="alertdialog"] button.danger');
    await expect
      .poll(() => list.$eval('.toast span', (s) => s.textContent).catch(() => null), { timeout: 10_000 })
      .toBe('Changed: 2 of 2 tickets.');
    const stored = await readTable(list, 'tickets');
    const priorities = Object.fromEntries(stored.map((t: { number: number; priority: string }) => [t.number, t.priority]));
    expect(priorities).toEqual({ 1: 'urgent', 2: 'medium', 3: 'low', 4: 'urgent', 5: 'low', 6: 'low' });
    // The list shows it too.
    await expect
      .poll(() => list.$$eval('tbody tr td[data-priority]', (tds) => tds.map((td) => td.getAttribute('data-priority'))), {
        timeout: 10_000,
      })
      .toEqual(['low', 'low', 'urgent', 'low', 'medium', 'urgent']);
    await list.screenshot({ path: join(SCREENSHOTS, 'firefox-tickets-bulk.png') });
  });
});
