import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImport } from '../../domain/import-check';
import { seriousViolations } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send } from './support/extension-page';
import { ROOT, SCREENSHOTS } from './support/paths';

// Export → another computer → import, as an agent does it: a desk built through the pages and the
// desk's commands, exported from the options page (a real download), then imported in a fresh
// browser profile (nothing shared with the first) and compared table by table.

const ACTOR = 'agent@sidedesk.test';
const JAN = 'jan.nowak@sidedesk.test';
const ZOLC = 'zolc@sidedesk.test';
const HOSTILE = '<b>Żółć</b> & "quotes"';
const FORMULA = '=HYPERLINK("https://evil.example","click")';
const DESCRIPTION = 'Paczka utknęła w Szczebrzeszynie.\n<script>alert(1)</script> & "cudzysłów" <b>Łódź</b>';
const FILES = join(ROOT, 'test-results/export-import');
mkdirSync(FILES, { recursive: true });

/** The tables that are the desk's data (an import writes them all); `requests`, `tabs` and
 * `local` are this browser's own and stay out. The search index is in: an import rebuilds it. */
const DESK_TABLES = [
  'tickets',
  'conversations',
  'contacts',
  'timeline',
  'trash',
  'settings',
  'meta',
  'ticketWords',
  'ticketCounts',
] as const;
type Snapshot = Record<(typeof DESK_TABLES)[number], any[]>;

async function snapshot(ext: Page): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const table of DESK_TABLES) out[table] = await readTable(ext, table);
  return out;
}

async function command<T = any>(ext: Page, body: Record<string, unknown>): Promise<T> {
  const reply = await send<T>(ext, 'command', { requestId: requestId(), actor: ACTOR, ...body });
  if (!reply.ok) throw new Error(`${String(body.type)} refused: ${reply.error.message}`);
  return reply.data;
}

/** A conversation seen in the agent's Gmail, as the content script reports it. */
async function observe(ext: Page, threadId: string, subject: string, contact: { email: string; name: string }) {
  await command(ext, {
    type: 'observe',
    actor: 'content-script',
    observation: {
      provider: 'gmail',
      account: ACTOR,
      threadId,
      subject,
      url: null,
      contact,
      participants: [contact],
      messageCount: 2,
      lastMessageAt: 1_761_850_560_000,
    },
  });
  return `gmail:${ACTOR}:${threadId}`;
}

async function ticketOf(ext: Page, id: string) {
  return (await readTable(ext, 'tickets')).find((t) => t.id === id);
}

async function settingsChange(ext: Page, change: Record<string, unknown>) {
  const [{ value }] = await readTable(ext, 'settings');
  return command(ext, { type: 'changeSettings', rev: value.rev ?? 0, change });
}

/** The options page, ready: its "Your data" section is drawn. */
async function openOptions(session: ChromiumSession): Promise<Page> {
  const page = await session.extensionPage('options.html');
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.locator('#data').getByRole('button', { name: 'Export everything (JSON)' }).waitFor();
  return page;
}

/** Clicks an export button and catches the browser's download; saves it under FILES. */
async function exportFrom(page: Page, button: string, saveAs: string): Promise<{ download: Download; path: string; days: string[] }> {
  const day = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const before = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#data').getByRole('button', { name: button }).click(),
  ]);
  const path = join(FILES, saveAs);
  await download.saveAs(path);
  return { download, path, days: [day(before), day(Date.now())] };
}

/** Chooses a file in the import field, as the agent does with the file picker. */
async function chooseFile(page: Page, name: string, contents: string | Buffer): Promise<void> {
  const path = join(FILES, name);
  writeFileSync(path, contents);
  await page.locator('input[name="import-file"]').setInputFiles(path);
}

const badge = (page: Page): Promise<string> => page.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
const toast = (page: Page) => page.locator('.toast span').first().textContent();
const refusal = (page: Page) => page.locator('#data p.data-error[role="alert"]');

/** What the tickets page lists, sorted by number: every cell of every row. */
async function listed(page: Page, expected: number): Promise<string[][]> {
  const rows = page.locator('table.tickets tbody tr');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(expected);
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim() ?? '')));
}
const LIST_URL = 'tickets.html?sort=number&col=number&col=name&col=stage&col=priority&col=owner&col=contact&col=properties.Plan';

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    } else cell += c;
  }
  if (cell !== '' || row.length) (row.push(cell), rows.push(row));
  return rows;
}

describe('Chromium: export from the options page, import in another browser', () => {
  let first: ChromiumSession;
  let second: ChromiumSession | undefined;
  let ext: Page;
  let options: Page;
  let original: Snapshot;
  let exported: { path: string; text: string; name: string };
  let originalList: string[][];
  let liveTickets: number;
  let mergedToast = '';
  const ids: Record<'order' | 'refund' | 'invoice' | 'formula' | 'spam', string> = {} as never;

  beforeAll(async () => {
    first = await launchChromium();
    ext = await first.extensionPage();
    const anna = { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' };
    const jan = { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak' };
    const ola = { email: 'ola@firma.example', name: 'Ola Żółć' };
    const order = await observe(ext, 'x1', 'Order #4411 did not arrive', anna);
    const refund = await observe(ext, 'x2', 'Zwrot za zamówienie #3920', jan);
    const refund2 = await observe(ext, 'x3', 'Re: Zwrot — druga wiadomość', jan);
    const invoice = await observe(ext, 'x4', 'Faktura za październik', ola);
    const formula = await observe(ext, 'x5', 'Click this', { email: 'mallory@evil.example', name: '=cmd|calc' });
    const spam = await observe(ext, 'x6', 'Win a prize', { email: 'spam@evil.example', name: 'Spam' });
    await observe(ext, 'x7', 'Newsletter', { email: 'news@shop.example', name: 'Shop' });
    ids.order = (await command(ext, { type: 'createTicket', conversationId: order, draft: {} })).ticket.id;
    ids.refund = (await command(ext, { type: 'createTicket', conversationId: refund, draft: { priority: 'high' } })).ticket.id;
    await command(ext, { type: 'addConversationToTicket', conversationId: refund2, ticketId: ids.refund });
    ids.invoice = (await command(ext, { type: 'createTicket', conversationId: invoice, draft: { category: 'Faktury' } })).ticket.id;
    ids.formula = (await command(ext, { type: 'createTicket', conversationId: formula, draft: {} })).ticket.id;
    ids.spam = (await command(ext, { type: 'createTicket', conversationId: spam, draft: {} })).ticket.id;
    // The refund closed: its two conversations close with it (the cascade).
    const refundTicket = await ticketOf(ext, ids.refund);
    await command(ext, { type: 'setTicketStage', ticketId: ids.refund, rev: refundTicket.rev, stageId: 'closed' });
    // The spam ticket into the trash, with its conversation.
    const spamTicket = await ticketOf(ext, ids.spam);
    await command(ext, { type: 'deleteTicket', ticketId: ids.spam, rev: spamTicket.rev });
    // A name a spreadsheet would run as a formula.
    const formulaTicket = await ticketOf(ext, ids.formula);
    await command(ext, { type: 'updateTicket', ticketId: ids.formula, rev: formulaTicket.rev, changes: { name: FORMULA } });
    await command(ext, { type: 'followContact', email: ola.email, followed: true });
    // A member with HTML and Polish letters in the name, the trash kept forever.
    await settingsChange(ext, { kind: 'addMember', name: HOSTILE, email: ZOLC });
    await settingsChange(ext, { kind: 'setBehaviour', trashRetentionDays: null });
    liveTickets = 4;
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('builds the rest of the desk through the pages: a member, a custom property, a name and a description', async () => {
    options = await openOptions(first);
    const form = options.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill('Jan Nowak');
    await form.getByLabel('Email address').fill(JAN);
    await form.getByLabel('Email address').press('Enter');
    await options.locator(`tr[data-member="${JAN}"]`).waitFor();
    const add = options.getByRole('form', { name: 'Add a property' });
    await add.getByLabel('Property').fill('Plan');
    await add.getByLabel('Type').selectOption('choice');
    await add.getByLabel('Choices, separated by commas').fill('Free, Pro, Team');
    await add.getByRole('button', { name: 'Add' }).click();
    await options.locator('tr[data-property="Plan"]').waitFor();

    const record = await first.extensionPage(`record.html?id=${ids.order}`);
    await record.getByRole('button', { name: /^Ticket name: / }).click();
    await record.keyboard.type(HOSTILE);
    await record.keyboard.press('Enter');
    await expect.poll(async () => (await ticketOf(ext, ids.order)).name).toBe(HOSTILE);
    await record.getByRole('button', { name: `Ticket name: ${HOSTILE}.` }).waitFor();
    await record.getByLabel('Description').fill(DESCRIPTION);
    await record.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await ticketOf(ext, ids.order)).description).toBe(DESCRIPTION);
    // The page shows the saved ticket (its revision) before the next change, as an agent sees it.
    await expect.poll(() => record.locator('.timeline [data-field="description"]').count()).toBe(1);
    await record.getByLabel('Ticket owner').selectOption(JAN);
    await expect.poll(async () => (await ticketOf(ext, ids.order)).ownerId).toBe(JAN);
    await record.close();
    const order = await ticketOf(ext, ids.order);
    await command(ext, {
      type: 'updateTicket',
      ticketId: ids.order,
      rev: order.rev,
      changes: { properties: { Plan: 'Pro', Zamówienie: '4411', Pilne: true } },
    });
    const invoice = await ticketOf(ext, ids.invoice);
    await command(ext, { type: 'setTicketOwner', ticketId: ids.invoice, rev: invoice.rev, ownerId: ZOLC });

    // What the desk now holds, every part the file must carry.
    const desk = await snapshot(ext);
    expect(desk.tickets).toHaveLength(liveTickets);
    expect(desk.trash).toHaveLength(1);
    expect(desk.conversations.filter((c) => c.ticketId === ids.refund).map((c) => c.state)).toEqual(['closed', 'closed']);
    expect(desk.conversations.some((c) => c.ticketId === null)).toBe(true);
    expect(desk.timeline.some((e) => typeof e.field === 'string' && e.field.startsWith('settings.'))).toBe(true);
    expect(desk.contacts.find((c) => c.email === 'ola@firma.example')).toMatchObject({ name: 'Ola Żółć' });
    const [{ value: settings }] = desk.settings;
    expect(settings.team.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([ACTOR, JAN, ZOLC]));
    expect(settings.customProperties).toEqual([expect.objectContaining({ name: 'Plan', type: 'choice' })]);
    expect(settings.trashRetentionDays).toBe(null);
  });

  it('reminds the agent of a desk never exported, and no more once it is', async () => {
    await options.reload();
    const notice = options.locator('#data p.data-notice[role="status"]');
    await expect.poll(() => notice.textContent()).toBe('This desk has never been exported: keep a copy, it lives only in this browser.');
    const { download, path, days } = await exportFrom(options, 'Export everything (JSON)', 'desk.json');
    expect(days.map((d) => `sidedesk-${d}.json`)).toContain(download.suggestedFilename());
    await expect.poll(() => toast(options)).toBe('Exported: the file is in your downloads.');
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => options.locator('#data .actions .muted').textContent()).toMatch(/^Last export: /);
    // A reload still knows: the export was recorded in this browser.
    await options.reload();
    await options.locator('#data .actions .muted').waitFor();
    expect(await notice.count()).toBe(0);

    const text = readFileSync(path, 'utf8');
    exported = { path, text, name: download.suggestedFilename() };
    original = await snapshot(ext);
    // The file is what the desk holds, and Sidedesk's own checker takes it.
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'sidedesk-export', version: 1 });
    const checked = checkImport(file);
    expect(checked.ok ? 'ok' : checked.problem).toBe('ok');
    expect(file.tickets).toEqual(original.tickets);
    expect(file.nextTicketNumber).toBe(original.meta.find((m) => m.key === 'nextTicketNumber').value);
    expect(text).toContain(JSON.stringify(HOSTILE));
  });

  it('exports the tickets as CSV: a byte order mark, a header, one row per ticket, Polish intact, formulas defused', async () => {
    const { download, path, days } = await exportFrom(options, 'Export tickets (CSV)', 'tickets.csv');
    expect(days.map((d) => `sidedesk-tickets-${d}.csv`)).toContain(download.suggestedFilename());
    await expect.poll(() => toast(options)).toBe('Tickets exported as CSV: the file is in your downloads.');
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      '#',
      'Name',
      'Stage',
      'Priority',
      'Owner',
      'Contact',
      'Conversations',
      'Created',
      'Last change',
      'Category',
      'Plan',
    ]);
    // One row per live ticket (the trashed one is not a ticket of the desk), in number order.
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4']);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
    const byNumber = (n: string) => rows.find((r) => r[0] === n)!;
    expect(byNumber('1')).toEqual([
      '1',
      HOSTILE,
      'New',
      'Medium',
      'Jan Nowak',
      'Anna Kowalska <anna.kowalska@klient.pl>',
      '1',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      '',
      'Pro',
    ]);
    expect(byNumber('2')!.slice(1, 7)).toEqual([
      'Zwrot za zamówienie #3920',
      'Closed',
      'High',
      'agent',
      'Jan Nowak <jan.nowak@sklep.pl>',
      '2',
    ]);
    expect(byNumber('3')!.slice(1, 6)).toEqual(['Faktura za październik', 'New', 'Medium', HOSTILE, 'Ola Żółć <ola@firma.example>']);
    expect(byNumber('3')![9]).toBe('Faktury');
    // A spreadsheet would run these: each is written after an apostrophe, shown as typed.
    expect(byNumber('4')![1]).toBe(`'${FORMULA}`);
    expect(byNumber('4')![5]).toBe(`'=cmd|calc <mallory@evil.example>`);
    // And the raw text quotes what needs quoting.
    expect(text).toContain(`"<b>Żółć</b> & ""quotes"""`);
  });

  it('restores the desk exactly in a fresh browser profile: every table, the list, the search', async () => {
    const list = await first.extensionPage(LIST_URL);
    originalList = await listed(list, liveTickets);
    // The toolbar badge: the tickets waiting on us (the three in New).
    await expect.poll(() => badge(list)).toBe('3');
    await first.close();

    second = await launchChromium();
    const ext2 = await second.extensionPage();
    // A tickets page already open in the new browser, showing an empty desk.
    const open = await second.extensionPage(LIST_URL);
    await open.locator('main').waitFor();
    const page = await openOptions(second);
    const empty = await snapshot(ext2);
    expect(empty.tickets).toEqual([]);
    expect(empty.timeline).toEqual([]);
    expect(await badge(ext2)).toBe('');
    await chooseFile(page, exported.name, exported.text);
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    expect(await preview.locator('p').first().textContent()).toBe(`The file ${exported.name} holds:`);
    const counts = await preview.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(counts).toEqual([
      ['Tickets', String(original.tickets.length), '0'],
      ['Conversations', String(original.conversations.length), '0'],
      ['Contacts', String(original.contacts.length), '0'],
      ['Timeline entries', String(original.timeline.length), '0'],
      ['Trash groups', '1', '0'],
    ]);
    await page.getByRole('radio', { name: /^Replace this desk/ }).check();
    await expect.poll(() => page.getByRole('radio', { name: /^Replace this desk/ }).isChecked()).toBe(true);
    await preview.getByRole('button', { name: 'Import' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.locator('p').first().textContent()).toBe(`Replace this desk with the file’s ${liveTickets} tickets?`);
    await confirm.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => toast(page), { timeout: 15_000 }).toBe(`Imported: ${liveTickets} tickets written. Collisions settled: 0.`);
    await expect.poll(() => preview.count()).toBe(0);
    // The page told the desk: the badge counts the imported tickets.
    await expect.poll(() => badge(ext2)).toBe('3');
    // The tickets page open meanwhile shows them without a reload.
    expect(await listed(open, liveTickets)).toEqual(originalList);
    await open.close();

    const restored = await snapshot(ext2);
    for (const table of DESK_TABLES) expect(restored[table], table).toEqual(original[table]);

    // The tickets page of the new browser lists the same tickets, and its search finds a ticket by
    // the words of its description: the search index was rebuilt.
    const tickets = await second.extensionPage(LIST_URL);
    expect(await listed(tickets, liveTickets)).toEqual(originalList);
    await tickets.getByRole('searchbox').fill('szczebrzeszyn');
    await expect.poll(() => tickets.locator('table.tickets tbody tr').count(), { timeout: 10_000 }).toBe(1);
    expect(await tickets.locator('table.tickets tbody tr').first().textContent()).toContain(HOSTILE);
    await tickets.getByRole('searchbox').fill('zolc');
    await expect.poll(() => tickets.locator('table.tickets tbody tr').count(), { timeout: 10_000 }).toBe(2);
    // HTML in the data is shown as text, never made into elements.
    expect(await tickets.locator('table.tickets tbody b, table.tickets tbody script').count()).toBe(0);
    await tickets.close();
    await page.close();
    await ext2.close();
  });

  it('refuses a broken file with a message naming its first problem, and writes nothing', async () => {
    const ext2 = await second!.extensionPage();
    const page = await openOptions(second!);
    const before = await snapshot(ext2);
    const file = JSON.parse(exported.text);
    const linked = file.conversations.findIndex((c: { ticketId: string | null }) => c.ticketId !== null);
    const missing = '<img src=x onerror="document.title=\'pwned\'">';
    const cut = exported.text.slice(0, Math.floor(exported.text.length / 2));
    const cases: Array<[string, string, string | RegExp]> = [
      [
        'cut.json',
        cut,
        /^Nothing was imported: The file is cut off: its JSON ends at line 1, column \d+ \(character \d+\) in the middle of a value, so it was not saved completely\.$/,
      ],
      [
        'orphan.json',
        JSON.stringify({
          ...file,
          conversations: file.conversations.map((c: object, i: number) => (i === linked ? { ...c, ticketId: missing } : c)),
        }),
        `Nothing was imported: conversations[${linked}].ticketId: ticket "${missing}" is not in the file.`,
      ],
      [
        'future.json',
        JSON.stringify({ ...file, version: 99 }),
        'Nothing was imported: This file is export version 99, made by a newer Sidedesk; this Sidedesk reads version 1. Update Sidedesk to import it.',
      ],
    ];
    for (const [name, contents, message] of cases) {
      await chooseFile(page, name, contents);
      await expect.poll(() => refusal(page).textContent(), { timeout: 10_000 }).toMatch(message);
      expect(await page.locator('.import-preview').count(), name).toBe(0);
      expect(await page.locator('#data').getByRole('button', { name: 'Import', exact: true }).count(), name).toBe(0);
      // The hostile id is text in the message, not an image that runs a script.
      expect(await refusal(page).locator('*').count(), name).toBe(0);
      expect(await page.title()).toBe('Sidedesk — Settings');
      expect(await snapshot(ext2), name).toEqual(before);
      if (name === 'orphan.json') await page.locator('#data').screenshot({ path: join(SCREENSHOTS, 'options-data-refused-light.png') });
    }

    // A file that is whole alone but breaks this desk once merged: another ticket numbered 1.
    const stranger = { ...file.tickets[0], id: 'from-another-desk', number: 1 };
    await chooseFile(
      page,
      'stranger.json',
      JSON.stringify({ ...file, tickets: [stranger], conversations: [], contacts: [], timeline: [], trash: [], nextTicketNumber: 2 }),
    );
    const preview = page.locator('.import-preview');
    await expect
      .poll(() => preview.locator('p.data-error[role="alert"]').textContent())
      .toMatch(/^Nothing was imported: The merged desk would be broken: .*number 1 is also used by/);
    expect(await preview.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    expect(await snapshot(ext2)).toEqual(before);
    await page.close();
    await ext2.close();
  });

  it('merges a file with a newer revision of one ticket: the preview lists the collision, the newer one is stored', async () => {
    const ext2 = await second!.extensionPage();
    const page = await openOptions(second!);
    const before = await snapshot(ext2);
    const file = JSON.parse(exported.text);
    const at = file.tickets.findIndex((t: { id: string }) => t.id === ids.invoice);
    const newer = {
      ...file.tickets[at],
      name: 'Faktura za październik — korekta z Grzmiącej',
      priority: 'urgent',
      rev: file.tickets[at].rev + 1,
      updatedAt: file.tickets[at].updatedAt + 60_000,
    };
    file.tickets[at] = newer;
    await chooseFile(page, 'newer.json', JSON.stringify(file));
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    expect(await page.getByRole('radio', { name: /^Merge into this desk/ }).isChecked()).toBe(true);
    await expect
      .poll(() => preview.textContent())
      .toContain(
        `New records: 0. Already the same: ${before.tickets.length - 1 + before.conversations.length + before.contacts.length + before.timeline.length + before.trash.length}. Collisions: 1.`,
      );
    // Named as the agent knows the ticket (its number and name), never by its internal id.
    const named = await preview.locator('ul.collisions li').allTextContents();
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/^Tickets T-\d{4} .+: the file wins$/);
    expect(named[0]).not.toContain(ids.invoice);
    await preview.getByRole('button', { name: 'Import' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.locator('p').first().textContent()).toBe('Merge newer.json into this desk?');
    await confirm.getByRole('button', { name: 'Import' }).click();
    // (The wording of one ticket and one collision is checked below, as an app bug.)
    await expect.poll(() => toast(page), { timeout: 15_000 }).toMatch(/^Imported: 1 ticket written\. Collisions settled: 1\.$/);
    mergedToast = (await toast(page))!;

    const after = await snapshot(ext2);
    expect(after.tickets.find((t) => t.id === ids.invoice)).toEqual(newer);
    // Nothing else changed.
    expect(after.tickets.filter((t) => t.id !== ids.invoice)).toEqual(before.tickets.filter((t) => t.id !== ids.invoice));
    for (const table of ['conversations', 'contacts', 'timeline', 'trash', 'settings', 'meta'] as const) {
      expect(after[table], table).toEqual(before[table]);
    }
    // The search knows the new name.
    const tickets = await second!.extensionPage('tickets.html');
    await tickets.getByRole('searchbox').fill('grzmiacej');
    await expect.poll(() => tickets.locator('table.tickets tbody tr').count(), { timeout: 10_000 }).toBe(1);
    expect(await tickets.locator('table.tickets tbody tr').first().textContent()).toContain('korekta z Grzmiącej');
    await tickets.close();
    await page.close();
    await ext2.close();
  });

  it('after importing one ticket the toast speaks of it in the singular', () => {
    expect(mergedToast).toMatch(/^Imported: /);
    expect(mergedToast).not.toMatch(/\b1 (tickets|collisions)\b/);
  });

  it('shows the import preview with nothing serious for axe, light and dark', async () => {
    const page = await openOptions(second!);
    // The first export again: its older invoice collides, and the desk's newer one wins.
    await chooseFile(page, exported.name, exported.text);
    const preview = page.locator('.import-preview');
    await expect
      .poll(() => preview.locator('ul.collisions li').allTextContents())
      .toEqual([expect.stringMatching(/^Tickets T-\d{4} .+: the desk wins$/)]);
    await page.locator('#data').scrollIntoViewIfNeeded();
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('#data').screenshot({ path: join(SCREENSHOTS, `options-data-${scheme}.png`) });
      for (const v of await seriousViolations(page)) found.push(`${scheme}: ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(found).toEqual([]);
  });
});

describe('Chromium in Polish: the import preview', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('speaks Polish, with nothing serious for axe', async () => {
    const ext = await session.extensionPage();
    const conversation = await observe(ext, 'pl1', 'Paczka nie dotarła', { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak' });
    const { ticket } = await command(ext, { type: 'createTicket', conversationId: conversation, draft: {} });
    const page = await openOptionsPl(session);
    await expect.poll(() => page.locator('#data p.data-notice[role="status"]').count()).toBe(1);
    // This desk's own export, changed elsewhere: the ticket renamed on a newer revision.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#data').getByRole('button', { name: 'Eksportuj wszystko (JSON)' }).click(),
    ]);
    const path = join(FILES, 'desk-pl.json');
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.tickets[0] = { ...file.tickets[0], name: 'Paczka nie dotarła — zażółć gęślą jaźń', rev: ticket.rev + 1 };
    await chooseFile(page, 'kopia-zapasowa.json', JSON.stringify(file));
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    await expect.poll(() => preview.locator('ul.collisions li').count()).toBe(1);
    expect(await page.locator('#data h3').textContent()).toBeTruthy();
    expect(await page.locator('h2#data-title, #data h2').first().textContent()).toBe('Twoje dane');
    await page.locator('#data').scrollIntoViewIfNeeded();
    await page.locator('#data').screenshot({ path: join(SCREENSHOTS, 'options-data-pl-light.png') });
    const found = (await seriousViolations(page)).map((v) => `${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    found.push(...(await seriousViolations(page)).map((v) => `dark: ${v.id} (${v.help}) at ${v.nodes.join(', ')}`));
    await page.emulateMedia({ colorScheme: 'light' });
    expect(found).toEqual([]);
  });
});

async function openOptionsPl(session: ChromiumSession): Promise<Page> {
  const page = await session.extensionPage('options.html');
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.locator('#data').getByRole('button', { name: 'Eksportuj wszystko (JSON)' }).waitFor();
  return page;
}
