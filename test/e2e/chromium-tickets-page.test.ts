import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { checkBothSchemes, seriousViolations } from './support/axe';
import { readTable, requestId, send } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';

const actor = 'agent@sidedesk.test';
const customers = [
  { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska', subject: 'Zwrot za zamówienie' },
  { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak', subject: 'Paczka nie dotarła' },
  { email: 'ola@firma.example', name: 'Ola Żółć', subject: 'Invoice 2291 is wrong' },
];

/** What one column of the list shows, row by row, in the order shown (none: no table). */
function shown(page: Page, column = 'number'): Promise<string[]> {
  return page.evaluate((column) => {
    const heads = [...document.querySelectorAll<HTMLElement>('table.tickets thead th')];
    const at = heads.findIndex((th) => th.dataset.column === column);
    if (at < 0) return [];
    return [...document.querySelectorAll('table.tickets tbody tr')].map((tr) => tr.children[at]?.textContent?.trim() ?? '');
  }, column);
}

/** The ticket numbers the list shows, in number order: for a filter, where only which rows count. */
async function shownSet(page: Page): Promise<string[]> {
  return (await shown(page)).sort();
}

/** The keys of the columns the table's header shows, in order. */
function headers(page: Page): Promise<string[]> {
  return page
    .locator('table.tickets thead th[data-column]')
    .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.column ?? ''));
}

/**
 * Presses a key once the page has caught up with what it shows. The list's key handler is
 * (re)attached in an effect, which Preact runs a frame after each render: a key pressed in that
 * frame acts on the state before it (see the report). A person never types that fast after a
 * change; a test does, so it waits for the page's next frame (or Preact's 35 ms fallback when a
 * hidden page draws none) and the timers queued behind it.
 */
async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const after = () => setTimeout(() => setTimeout(resolve));
        const fallback = setTimeout(after, 40);
        requestAnimationFrame(() => (clearTimeout(fallback), after()));
      }),
  );
  await page.keyboard.press(key);
}

const label = (n: number) => `T-${String(n).padStart(4, '0')}`;

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
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('zolc');
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
    // By name: the Columns popover has a "Stage" checkbox and the bulk bar a "Set stage…" select.
    await page.locator('select[name="stage"]').selectOption('closed');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await page.getByLabel('Sort by').selectOption('number');
    await expect.poll(async () => (await shown(page)).join(' '), { timeout: 10_000 }).toBe('T-0003 T-0002 T-0001');
    await expect.poll(() => new URL(page.url()).search).toBe('?stage=closed&sort=number');
    await page.reload();
    await expect.poll(async () => (await shown(page)).join(' '), { timeout: 10_000 }).toBe('T-0003 T-0002 T-0001');
    expect(await page.locator('select[name="stage"]').inputValue()).toBe('closed');
    expect(await checkBothSchemes(page, 'tickets-page-filtered', SCREENSHOTS)).toEqual([]);
    // One click each: the presets.
    await page.getByRole('button', { name: 'Closed this week' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(await page.getByRole('button', { name: 'Closed this week' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'My open tickets' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBe('me');
    await page.locator('select[name="owner"]').selectOption('unassigned');
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

// ---------------------------------------------------------------------------------------------
// The desk's list: each filter, presets, sort, columns, bulk actions, keys, axe and screenshots.

interface Seed {
  thread: string;
  subject: string;
  email: string;
  name: string;
  draft?: Record<string, unknown>;
}

/** Conversations observed and a ticket created for each, in order (so T-0001 is `seeds[0]`'s), a
 * hundred per bulk message: each command is applied as if sent alone. One conversation per ticket. */
async function seed(ext: Page, seeds: Seed[]): Promise<void> {
  for (let i = 0; i < seeds.length; i += 100) {
    const chunk = seeds.slice(i, i + 100);
    for (const commands of [
      chunk.map((s) => ({
        type: 'observe',
        requestId: requestId(),
        actor: 'content-script',
        observation: {
          provider: 'gmail',
          account: actor,
          threadId: s.thread,
          subject: s.subject,
          url: null,
          contact: { email: s.email, name: s.name },
          participants: [{ email: s.email, name: s.name }],
          messageCount: 1,
          lastMessageAt: null,
        },
      })),
      chunk.map((s) => ({
        type: 'createTicket',
        requestId: requestId(),
        actor,
        conversationId: `gmail:${actor}:${s.thread}`,
        draft: s.draft ?? {},
      })),
    ]) {
      const reply = await send<{ results: Array<{ ok: boolean; error?: { message: string } }> }>(ext, 'commands', { commands });
      if (!reply.ok) throw new Error(`seeding refused: ${reply.error.message}`);
      const refused = reply.data.results.filter((r) => !r.ok);
      if (refused.length > 0) throw new Error(`seeding refused: ${refused[0]!.error?.message}`);
    }
  }
}

/** A colleague added on the options page: a member who is not "me" in this browser. */
async function addMember(ext: Page, name: string, email: string): Promise<void> {
  const settings = await send<{ rev?: number }>(ext, 'getSettings', {});
  if (!settings.ok) throw new Error(settings.error.message);
  const added = await send(ext, 'command', {
    type: 'changeSettings',
    requestId: requestId(),
    actor,
    rev: settings.data.rev ?? 0,
    change: { kind: 'addMember', name, email },
  });
  if (!added.ok) throw new Error(`addMember refused: ${added.error.message}`);
}

/**
 * The desk stamps a ticket with the worker's clock, and no command sets another date: to have
 * tickets created and changed on other days (as a desk that has run for months has), the test
 * back-dates a few in the browser's IndexedDB before a page opens, at noon local time (the page's
 * day ranges are local days). The indexes follow the records; nothing else holds these dates.
 */
async function backDate(ext: Page, changes: Array<{ number: number; created: string; updated?: string }>): Promise<void> {
  await ext.evaluate(
    (changes) =>
      new Promise<void>((resolve, reject) => {
        const noon = (day: string) => new Date(`${day}T12:00:00`).getTime();
        const open = indexedDB.open('sidedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('tickets', 'readwrite');
          const cursor = tx.objectStore('tickets').openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            const change = changes.find((c) => c.number === at.value.number);
            if (change) {
              const ticket = { ...at.value, createdAt: noon(change.created) };
              if (change.updated) ticket.updatedAt = noon(change.updated);
              at.update(ticket);
            }
            at.continue();
          };
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    changes,
  );
}

const MARIA = 'maria@sidedesk.test';
const BULK_CONTACT = 'many@hurt.example';
const BULK = 120;

/** Eight tickets each filter tells apart, then 120 of one customer (T-0009 to T-0128), waiting on
 * the contact. "Waiting on us" is the first open stage (New, where tickets land) and the stage of
 * that name; T-0003 is closed and nobody's. */
const DESK: Seed[] = [
  {
    thread: 's1',
    subject: 'Zebra crossing refund',
    email: 'zoe@alpha.example',
    name: 'Zoe Alpha',
    draft: { priority: 'urgent', category: 'Billing', properties: { plan: 'Gold' } },
  },
  {
    thread: 's2',
    subject: 'apple pie order',
    email: 'adam@beta.example',
    name: 'Adam Beta',
    draft: { priority: 'high', category: 'Billing', properties: { plan: 'Silver' } },
  },
  {
    thread: 's3',
    subject: 'Mango delivery',
    email: 'zoe@alpha.example',
    name: 'Zoe Alpha',
    draft: { priority: 'urgent', category: 'Shipping', ownerId: null, stageId: 'closed' },
  },
  { thread: 's4', subject: 'Banana split', email: 'bob@gamma.example', name: 'Bob Gamma', draft: { ownerId: null, priority: 'low' } },
  {
    thread: 's5',
    subject: 'Cherry question',
    email: 'cora@delta.example',
    name: 'Cora Delta',
    draft: { ownerId: null, stageId: 'waiting-on-us' },
  },
  { thread: 's6', subject: 'Date palms', email: 'dan@epsilon.example', name: 'Dan Epsilon', draft: { ownerId: MARIA } },
  {
    thread: 's7',
    subject: 'Elderflower cordial',
    email: 'eve@zeta.example',
    name: 'Eve Zeta',
    draft: { ownerId: MARIA, stageId: 'waiting-on-us', priority: 'high' },
  },
  {
    thread: 's8',
    subject: 'Fig invoice',
    email: 'fay@eta.example',
    name: 'Fay Eta',
    draft: { stageId: 'waiting-on-us', category: 'Billing', properties: { plan: 'Gold' } },
  },
  ...Array.from({ length: BULK }, (_, i) => ({
    thread: `b${i + 1}`,
    subject: `Bulk order ${i + 1}`,
    email: BULK_CONTACT,
    name: 'Hurt Wholesale',
    // Open, but not waiting on us: the "Waiting on us" preset leaves them out.
    draft: { stageId: 'waiting-on-contact' },
  })),
];

/** Opens the "More filters" popover unless it is open already (a filter set there keeps it open). */
async function moreFilters(page: Page): Promise<void> {
  const details = page.locator('details.popover').filter({ has: page.locator('input[name="category"]') });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

/** Sets a text filter as an agent does: types it and presses Enter (the list follows on change). */
async function typeFilter(page: Page, name: string, value: string): Promise<void> {
  await moreFilters(page);
  const input = page.locator(`input[name="${name}"]`);
  await input.fill(value);
  await input.press('Enter');
}

/** Screenshots a state in light and in dark and runs axe on each; collects the serious findings
 * (so every screenshot is written even when one state fails). */
async function bothSchemes(page: Page, state: string, lang: 'en' | 'pl', found: string[]): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `tickets-${state}-${scheme}-${lang}.png`) });
    for (const v of await seriousViolations(page)) found.push(`${state} ${scheme} ${lang}: ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('Chromium: the tickets page list (filters, columns, bulk actions, keys)', () => {
  let session: ChromiumSession;
  let ext: Page;
  beforeAll(async () => {
    session = await launchChromium();
    ext = await session.extensionPage();
    // The agent's account joins the team by itself with the first conversation; Maria is added by hand.
    await seed(ext, DESK.slice(0, 1));
    await addMember(ext, 'Maria Wiśniewska', MARIA);
    await seed(ext, DESK.slice(1));
    await backDate(ext, [
      { number: 1, created: '2025-03-10' },
      { number: 2, created: '2025-03-12' },
      { number: 3, created: '2025-04-01' },
      { number: 4, created: '2025-06-01', updated: '2025-06-01' },
      { number: 5, created: '2025-06-03', updated: '2025-06-03' },
      { number: 6, created: '2025-07-01', updated: '2025-07-01' },
    ]);
    expect((await readTable(ext, 'tickets')).length).toBe(DESK.length);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('each filter narrows the rows to exactly its tickets; presets show as pressed; sort by priority and name; kept across a reload', async () => {
    const page = await session.extensionPage('tickets.html');
    const rows = page.locator('tbody tr[data-ticket-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    const address = () => new URL(page.url()).searchParams;

    await page.locator('select[name="priority"]').selectOption('urgent');
    await expect.poll(() => shownSet(page)).toEqual([label(1), label(3)]);
    await expect.poll(() => address().get('priority')).toBe('urgent');
    await page.locator('select[name="priority"]').selectOption('');
    await expect.poll(() => rows.count()).toBe(100);

    // Category: any case; the popover says how many of its filters are on.
    await typeFilter(page, 'category', 'billing');
    await expect.poll(() => shownSet(page)).toEqual([label(1), label(2), label(8)]);
    expect(await page.locator('details.popover summary').first().textContent()).toBe('More filters (1 on)');
    await typeFilter(page, 'category', '');
    await expect.poll(() => rows.count()).toBe(100);

    // Contact: the address as typed, in any case.
    await typeFilter(page, 'contact', 'ZOE@alpha.example');
    await expect.poll(() => shownSet(page)).toEqual([label(1), label(3)]);
    await expect.poll(() => address().get('contact')).toBe('zoe@alpha.example');
    await typeFilter(page, 'contact', '');
    await expect.poll(() => rows.count()).toBe(100);

    // Created in March 2025: both ends are whole days.
    await moreFilters(page);
    await page.locator('input[name="createdFrom"]').fill('2025-03-01');
    await page.locator('input[name="createdTo"]').fill('2025-03-31');
    await expect.poll(() => shownSet(page)).toEqual([label(1), label(2)]);
    await expect.poll(() => address().get('createdFrom')).toBe('2025-03-01');
    await expect.poll(() => address().get('createdTo')).toBe('2025-03-31');
    await page.getByRole('button', { name: 'Clear these filters' }).click();
    await expect.poll(() => rows.count()).toBe(100);
    await expect.poll(() => address().get('createdFrom')).toBeNull();

    // Last change from 1 to 3 June 2025: the 3rd included, 1 July not.
    await moreFilters(page);
    await page.locator('input[name="updatedFrom"]').fill('2025-06-01');
    await page.locator('input[name="updatedTo"]').fill('2025-06-03');
    await expect.poll(() => shownSet(page)).toEqual([label(4), label(5)]);
    await page.getByRole('button', { name: 'Clear these filters' }).click();
    await expect.poll(() => rows.count()).toBe(100);

    // Owner: nobody, or a member (by name in the list, by id in the address).
    await page.locator('select[name="owner"]').selectOption('unassigned');
    await expect.poll(() => shownSet(page)).toEqual([label(3), label(4), label(5)]);
    await page.locator('select[name="owner"]').selectOption({ label: 'Maria Wiśniewska' });
    await expect.poll(() => shownSet(page)).toEqual([label(6), label(7)]);
    await expect.poll(() => address().get('owner')).toBe(MARIA);
    expect(await shown(page, 'owner')).toEqual(['Maria Wiśniewska', 'Maria Wiśniewska']);
    await page.locator('select[name="owner"]').selectOption('');

    // Presets: one click each, shown as pressed while the list is theirs.
    const waiting = page.getByRole('button', { name: 'Waiting on us', exact: true });
    const unassigned = page.getByRole('button', { name: 'Unassigned', exact: true });
    await waiting.click();
    await expect.poll(() => shownSet(page)).toEqual([1, 2, 4, 5, 6, 7, 8].map(label));
    expect(await waiting.getAttribute('aria-pressed')).toBe('true');
    expect(await unassigned.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => address().get('stage')).toBe('waiting');
    // Coloured by stage: New plain, "Waiting on us" as waiting.
    expect(await page.locator(`tr:has(td:text-is("${label(1)}"))`).getAttribute('data-tone')).toBe('open');
    expect(await page.locator(`tr:has(td:text-is("${label(5)}"))`).getAttribute('data-tone')).toBe('waiting');
    // Unassigned and open: the closed T-0003 is left out.
    await unassigned.click();
    await expect.poll(() => shownSet(page)).toEqual([label(4), label(5)]);
    expect(await unassigned.getAttribute('aria-pressed')).toBe('true');
    expect(await waiting.getAttribute('aria-pressed')).toBe('false');
    // A filter changed by hand is no longer the preset.
    await page.locator('select[name="owner"]').selectOption('');
    await page.locator('select[name="stage"]').selectOption('');
    await expect.poll(() => unassigned.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => rows.count()).toBe(100);

    // Sort: most urgent first; names from A to Z whatever their case.
    await typeFilter(page, 'category', 'Billing');
    await page.locator('select[name="sort"]').selectOption('priority');
    await expect.poll(() => shown(page)).toEqual([label(1), label(2), label(8)]);
    expect(await shown(page, 'priority')).toEqual(['Urgent', 'High', 'Medium']);
    await page.locator('select[name="sort"]').selectOption('name');
    await expect.poll(() => shown(page)).toEqual([label(2), label(8), label(1)]);
    expect(await shown(page, 'name')).toEqual(['apple pie order', 'Fig invoice', 'Zebra crossing refund']);
    await expect.poll(() => new URL(page.url()).search).toBe('?category=Billing&sort=name');

    // The whole view is in the address: a reload opens the same list, with its controls set.
    await page.reload();
    await expect.poll(() => shown(page), { timeout: 10_000 }).toEqual([label(2), label(8), label(1)]);
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('name');
    expect(await page.locator('input[name="category"]').inputValue()).toBe('Billing');
    await page.close();
  });

  it('columns: a category and a free property column shown with their values, one turned off, kept across a reload', async () => {
    const page = await session.extensionPage('tickets.html?category=Billing&sort=number');
    await expect.poll(() => shown(page), { timeout: 10_000 }).toEqual([label(8), label(2), label(1)]);
    // The free properties of the tickets shown are offered beside the built-in columns.
    await page.locator('details.popover summary', { hasText: 'Columns' }).click();
    const column = (key: string) => page.locator(`input[name="column"][value="${key}"]`);
    await column('category').check();
    await column('properties.plan').check();
    await expect.poll(() => headers(page)).toContain('properties.plan');
    expect(await headers(page)).toContain('category');
    expect(await page.locator('th[data-column="properties.plan"]').textContent()).toBe('plan');
    expect(await page.locator('th[data-column="category"]').textContent()).toBe('Category');
    expect(await shown(page, 'properties.plan')).toEqual(['Gold', 'Silver', 'Gold']);
    expect(await shown(page, 'category')).toEqual(['Billing', 'Billing', 'Billing']);

    await column('waiting').uncheck();
    await expect.poll(() => headers(page)).not.toContain('waiting');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('col')).toContain('properties.plan');
    const cols = new URL(page.url()).searchParams.getAll('col');
    expect(cols).toContain('category');
    expect(cols).toContain('properties.plan');
    expect(cols).not.toContain('waiting');

    await page.reload();
    await expect.poll(() => shown(page, 'properties.plan'), { timeout: 10_000 }).toEqual(['Gold', 'Silver', 'Gold']);
    const kept = await headers(page);
    expect(kept).toEqual(cols);
    // Without the filter, the column stays; tickets without the property show a dash.
    await typeFilter(page, 'category', '');
    await expect.poll(() => page.locator('tbody tr[data-ticket-id]').count()).toBe(100);
    expect(await headers(page)).toEqual(cols);
    expect(new Set(await shown(page, 'properties.plan'))).toEqual(new Set(['—']));
    await page.close();
  });

  it('a bulk stage change closes each ticket with its conversations, each its own command; Undo reopens them', async () => {
    const page = await session.extensionPage(`tickets.html?contact=${encodeURIComponent(BULK_CONTACT)}`);
    const rows = page.locator('tbody tr[data-ticket-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    const order = await shown(page);
    // A click, a Shift-click three rows down (a range), and one more row alone.
    await page.getByRole('checkbox', { name: `Select ${order[0]}` }).click();
    await page.getByRole('checkbox', { name: `Select ${order[3]}` }).click({ modifiers: ['Shift'] });
    await page.getByRole('checkbox', { name: `Select ${order[5]}` }).click();
    const bar = page.getByRole('toolbar', { name: 'Actions on the selected tickets' });
    await expect.poll(() => bar.locator('strong').textContent()).toBe('Selected: 5');
    expect(await rows.evaluateAll((trs) => trs.slice(0, 7).map((tr) => tr.getAttribute('aria-selected')))).toEqual([
      'true',
      'true',
      'true',
      'true',
      'false',
      'true',
      'false',
    ]);
    const picked = [0, 1, 2, 3, 5].map((i) => order[i]!);
    const tickets = (await readTable(ext, 'tickets')).filter((t) => picked.includes(label(t.number)));
    const ids = tickets.map((t) => t.id);
    expect(ids).toHaveLength(5);

    await bar.locator('select[name="bulk-stage"]').selectOption('closed');
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain('Move 5 tickets to “Closed”?');
    const said = (await confirm.textContent()) ?? '';
    for (const t of tickets) expect(said).toContain(`${label(t.number)} ${t.name}`);
    expect(said).toContain('Their open conversations (5) will be closed.');
    await confirm.getByRole('button', { name: 'Apply' }).click();

    const toast = page.locator('.toast');
    await expect.poll(() => toast.locator('span').first().textContent()).toBe('Changed: 5 of 5 tickets. Conversations closed: 5.');
    expect(await toast.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    for (const id of ids) await expect.poll(() => page.locator(`tr[data-ticket-id="${id}"]`).getAttribute('data-tone')).toBe('closed');
    // Stored: each ticket closed with its conversation, and each ticket's timeline says so itself.
    const conversations = (await readTable(ext, 'conversations')).filter((c) => ids.includes(c.ticketId));
    expect(conversations).toHaveLength(5);
    expect(conversations.map((c) => c.state)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed']);
    expect((await readTable(ext, 'tickets')).filter((t) => ids.includes(t.id)).map((t) => t.stageId)).toEqual(Array(5).fill('closed'));
    const timeline = await readTable(ext, 'timeline');
    const stageEntries = timeline.filter((e) => ids.includes(e.ticketId) && e.field === 'stageId' && e.to === 'closed');
    expect(stageEntries.map((e) => e.ticketId).sort()).toEqual([...ids].sort());
    expect(new Set(stageEntries.map((e) => e.requestId)).size).toBe(5);
    for (const e of stageEntries) {
      // The conversation's close is in the same ticket's story, under the same command.
      expect(
        timeline.some((c) => c.requestId === e.requestId && c.field === 'state' && c.to === 'closed' && c.ticketId === e.ticketId),
      ).toBe(true);
    }

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.toast span').first().textContent()).toBe('Undone: 5 tickets back as they were.');
    await expect
      .poll(async () => (await readTable(ext, 'tickets')).filter((t) => ids.includes(t.id)).map((t) => t.stageId))
      .toEqual(Array(5).fill('waiting-on-contact'));
    await expect
      .poll(async () => (await readTable(ext, 'conversations')).filter((c) => ids.includes(c.ticketId)).map((c) => c.state))
      .toEqual(Array(5).fill('open'));
    for (const id of ids) await expect.poll(() => page.locator(`tr[data-ticket-id="${id}"]`).getAttribute('data-tone')).toBe('waiting');
    await page.close();
  });

  it('"select all N matching" selects every match past the 100 shown; a priority change reaches all 120, with progress', async () => {
    const page = await session.extensionPage(`tickets.html?contact=${encodeURIComponent(BULK_CONTACT)}`);
    const rows = page.locator('tbody tr[data-ticket-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    await page.getByRole('checkbox', { name: 'Select all shown tickets' }).click();
    const bar = page.getByRole('toolbar', { name: 'Actions on the selected tickets' });
    await expect.poll(() => bar.locator('strong').textContent()).toBe('Selected: 100');
    await bar.getByRole('button', { name: `Select all ${BULK} matching` }).click();
    await expect.poll(() => bar.locator('strong').textContent()).toBe(`Selected: ${BULK}`);

    await bar.locator('select[name="bulk-priority"]').selectOption('high');
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain(`Set the priority of ${BULK} tickets to High?`);
    expect(await confirm.textContent()).toContain('and 115 more');
    // What the progress said while the commands went, as the agent would have seen it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('.bulk-bar__progress')?.textContent?.trim();
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => page.locator('.toast span').first().textContent(), { timeout: 20_000 })
      .toBe(`Changed: ${BULK} of ${BULK} tickets.`);
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress.length).toBeGreaterThan(0);
    for (const text of progress) expect(text).toMatch(new RegExp(`^\\d+ of ${BULK} saved$`));
    expect(progress.some((text) => Number(text.split(' ')[0]) < BULK)).toBe(true);
    const stored = (await readTable(ext, 'tickets')).filter((t) => t.contactEmail === BULK_CONTACT);
    expect(stored).toHaveLength(BULK);
    expect(stored.filter((t) => t.priority === 'high')).toHaveLength(BULK);
    // Each its own command: one priority entry per ticket.
    const entries = (await readTable(ext, 'timeline')).filter((e) => e.field === 'priority' && e.to === 'high');
    expect(new Set(entries.map((e) => e.ticketId)).size).toBe(BULK);
    // The selection is gone with the action; the bar with it.
    await expect.poll(() => bar.count()).toBe(0);
    await page.close();
  });

  it('a bulk move to trash names the tickets and conversations; the trash page lists the groups; Undo and Restore bring them back', async () => {
    const page = await session.extensionPage(`tickets.html?contact=${encodeURIComponent(BULK_CONTACT)}&sort=number`);
    const rows = page.locator('tbody tr[data-ticket-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    const order = await shown(page);
    expect(order.slice(0, 3)).toEqual([label(128), label(127), label(126)]);
    await page.getByRole('checkbox', { name: `Select ${label(128)}` }).click();
    await page.getByRole('checkbox', { name: `Select ${label(126)}` }).click({ modifiers: ['Shift'] });
    const bar = page.getByRole('toolbar', { name: 'Actions on the selected tickets' });
    await expect.poll(() => bar.locator('strong').textContent()).toBe('Selected: 3');
    await bar.getByRole('button', { name: 'Move to trash' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain('Move 3 tickets and their conversations (3) to the trash?');
    const said = (await confirm.textContent()) ?? '';
    for (const n of [128, 127, 126]) expect(said).toContain(`${label(n)} Bulk order ${n - 8}`);
    expect(said).toContain('You can restore them from the trash.');
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    const toast = page.locator('.toast');
    await expect.poll(() => toast.locator('span').first().textContent()).toBe('Changed: 3 of 3 tickets.');
    // Held under the pointer while the agent looks at the trash (it would fade otherwise).
    await toast.hover();
    await expect.poll(() => shown(page).then((s) => s.slice(0, 2))).toEqual([label(125), label(124)]);

    const trash = await session.extensionPage('trash.html');
    const groups = trash.locator('li.trash-group');
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBe(3);
    const listed = (await groups.allTextContents()).join('\n');
    for (const n of [128, 127, 126]) expect(listed).toContain(`${label(n)} · Bulk order ${n - 8}`);
    expect((await readTable(ext, 'trash')).length).toBe(3);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.toast span').first().textContent()).toBe('Undone: 3 tickets back as they were.');
    await expect.poll(() => trash.locator('.empty-state').textContent(), { timeout: 10_000 }).toBe('The trash is empty.');
    await expect.poll(() => shown(page).then((s) => s.slice(0, 3))).toEqual([label(128), label(127), label(126)]);
    expect((await readTable(ext, 'tickets')).filter((t) => t.contactEmail === BULK_CONTACT)).toHaveLength(BULK);

    // From the keyboard (the focused row, none selected), and back with Restore on the trash page.
    await page.bringToFront();
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    await press(page, 'j');
    await expect.poll(() => rows.first().getAttribute('data-focused')).not.toBeNull();
    await press(page, '#');
    await expect.poll(() => confirm.textContent()).toContain(`${label(128)} Bulk order 120`);
    expect(await confirm.textContent()).toContain('Move 1 ticket and its conversations (1) to the trash?');
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => groups.count(), { timeout: 10_000 }).toBe(1);
    expect(await groups.first().textContent()).toContain(`${label(128)} · Bulk order 120`);
    await expect.poll(() => shown(page).then((s) => s[0])).toBe(label(127));
    await groups.first().getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => trash.locator('.empty-state').textContent()).toBe('The trash is empty.');
    await expect.poll(() => shown(page).then((s) => s[0]), { timeout: 10_000 }).toBe(label(128));
    expect(await readTable(ext, 'trash')).toEqual([]);
    await trash.close();
    await page.close();
  });

  it('keyboard: j/k move the focused row, x selects, s goes to the stage control, ? lists the keys, Enter opens the record', async () => {
    const page = await session.extensionPage(`tickets.html?contact=${encodeURIComponent(BULK_CONTACT)}&sort=number`);
    await page.bringToFront();
    const rows = page.locator('tbody tr[data-ticket-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    const focusedRow = () => page.locator('tr[data-focused]').getAttribute('data-ticket-id');
    const idAt = (i: number) => rows.nth(i).getAttribute('data-ticket-id');
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.id ?? null);

    await press(page, 'j');
    await expect.poll(focusedRow).toBe(await idAt(0));
    await press(page, 'j');
    await expect.poll(focusedRow).toBe(await idAt(1));
    await press(page, 'ArrowDown');
    await expect.poll(focusedRow).toBe(await idAt(2));
    await press(page, 'k');
    await expect.poll(focusedRow).toBe(await idAt(1));
    expect(await active()).toBe(`row-${await idAt(1)}`);
    expect(await page.locator('tr[data-focused]').count()).toBe(1);

    await press(page, 'x');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    const bar = page.getByRole('toolbar', { name: 'Actions on the selected tickets' });
    await expect.poll(() => bar.locator('strong').textContent()).toBe('Selected: 1');
    await press(page, 's');
    await expect.poll(active).toBe('bulk-stage');

    // Back to the list (a click on the heading), then the keys' overlay and Escape.
    await page.locator('h1').click();
    await press(page, '?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('Select or unselect the ticket');
    await press(page, 'Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // Escape again drops the selection.
    await press(page, 'Escape');
    await expect.poll(() => bar.count()).toBe(0);
    // Shift+A: every row shown; p with none selected takes the focused row and goes to the priority.
    await press(page, 'Shift+A');
    await expect.poll(() => bar.locator('strong').textContent()).toBe('Selected: 100');
    await press(page, 'Escape');
    await expect.poll(() => bar.count()).toBe(0);
    await press(page, 'p');
    await expect.poll(active).toBe('bulk-priority');
    expect(await bar.locator('strong').textContent()).toBe('Selected: 1');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.locator('h1').click();
    await press(page, 'Escape');
    await expect.poll(() => bar.count()).toBe(0);

    await press(page, 'j');
    await expect.poll(focusedRow).toBe(await idAt(2));
    const id = (await idAt(2))!;
    const [ticket] = (await readTable(ext, 'tickets')).filter((t) => t.id === id);
    await press(page, 'Enter');
    await page.waitForURL(/record\.html/);
    expect(new URL(page.url()).pathname).toBe('/record.html');
    await expect.poll(() => new URL(page.url()).searchParams.get('id')).toBe(id);
    await expect.poll(() => page.locator('#record-heading').textContent(), { timeout: 10_000 }).toContain(ticket.name);
    await page.close();
  });

  // axe-core: 0 serious or critical findings in each state, light and dark; the screenshots are the
  // README gallery's. The findings are collected so that every screenshot is written.
  //
  // KNOWN APP BUGS (reported, not fixed here; this test fails until they are):
  //  1. aria-allowed-attr, every state: components/tickets/ticket-table.tsx puts
  //     `aria-multiselectable` on <table> (role table allows no such attribute; only grid,
  //     listbox, tablist and tree do). Also fails the older axe checks of this file (search, filtered).
  //  2. color-contrast, light, a selected row of a waiting stage: the stage text
  //     (`.stage[data-waiting=true]`, --waiting #9a6400) on the selected row's background
  //     (tickets.css: accent 10% over white, #e9eef9) is 4.30:1, under 4.5:1.
  it('axe finds nothing serious with a selection, More filters open, a confirmation and the keys overlay, light and dark; screenshots in English', async () => {
    const page = await session.extensionPage('tickets.html');
    const rows = page.locator('tbody tr[data-ticket-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(100);
    const found: string[] = [];
    await bothSchemes(page, 'list', 'en', found);

    await rows.nth(0).locator('td.select input').click();
    await rows.nth(2).locator('td.select input').click();
    const bar = page.getByRole('toolbar');
    await expect.poll(() => bar.locator('strong').textContent()).toBe('Selected: 2');
    await bothSchemes(page, 'bulk', 'en', found);
    await bar.locator('select[name="bulk-stage"]').selectOption('closed');
    await page.getByRole('alertdialog').waitFor();
    await bothSchemes(page, 'confirm', 'en', found);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await bar.getByRole('button', { name: 'Clear selection' }).click();

    await moreFilters(page);
    await page.locator('input[name="category"]').waitFor({ state: 'visible' });
    await bothSchemes(page, 'filters', 'en', found);
    await page.locator('details.popover[open] summary').first().click();

    await page.locator('h1').click();
    await press(page, '?');
    await page.getByRole('dialog').waitFor();
    await bothSchemes(page, 'keys', 'en', found);
    expect(found).toEqual([]);
    await page.close();
  });
});

describe('Chromium in Polish: the tickets page list', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
    const ext = await session.extensionPage();
    const who = [
      { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' },
      { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak' },
      { email: 'ola@firma.example', name: 'Ola Żółć' },
    ];
    const subjects = ['Zwrot za zamówienie', 'Paczka nie dotarła', 'Faktura 2291 jest błędna', 'Reklamacja butów', 'Zmiana adresu dostawy'];
    await seed(
      ext,
      Array.from({ length: 15 }, (_, i) => ({
        thread: `pl${i}`,
        subject: `${subjects[i % subjects.length]} ${i + 1}`,
        ...who[i % who.length]!,
        draft: {
          priority: (['urgent', 'high', 'medium', 'low'] as const)[i % 4],
          ...(i % 5 === 0 ? { stageId: 'waiting-on-us' } : {}),
          ...(i % 7 === 0 ? { ownerId: null } : {}),
        },
      })),
    );
    await ext.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('speaks Polish; axe finds nothing serious with a selection, More filters open and the keys overlay, light and dark; screenshots', async () => {
    const page = await session.extensionPage('tickets.html');
    const rows = page.locator('tbody tr[data-ticket-id]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(15);
    expect(await page.locator('h1').textContent()).toBe('Zgłoszenia');
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^pl/);
    const found: string[] = [];
    await bothSchemes(page, 'list', 'pl', found);

    await rows.nth(0).locator('td.select input').click();
    await rows.nth(1).locator('td.select input').click();
    const bar = page.getByRole('toolbar');
    await expect.poll(() => bar.locator('strong').textContent()).toBe('Zaznaczone: 2');
    await bothSchemes(page, 'bulk', 'pl', found);
    await bar.locator('select[name="bulk-stage"]').selectOption('closed');
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain('Przenieść zgłoszenia (2) do etapu „Zamknięte”?');
    await bothSchemes(page, 'confirm', 'pl', found);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Anuluj' }).click();
    await bar.getByRole('button', { name: 'Wyczyść zaznaczenie' }).click();

    await moreFilters(page);
    await page.locator('input[name="category"]').waitFor({ state: 'visible' });
    await bothSchemes(page, 'filters', 'pl', found);
    await page.locator('details.popover[open] summary').first().click();

    await page.locator('h1').click();
    await press(page, '?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Skróty klawiszowe' }).count()).toBe(1);
    await bothSchemes(page, 'keys', 'pl', found);
    expect(found).toEqual([]);
    await page.close();
  });
});
