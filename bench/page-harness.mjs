// The bench's code inside the browser, bundled by bench/bundle.mjs and evaluated in an extension
// page (the extension's own origin, so it writes the database the tickets page reads): the real
// database class, desk and search index, and a seeded desk from bench/desk-data.mjs.
import { DEFAULT_SETTINGS, parseSearch } from '@/domain';
import { SidedeskDatabase } from '@/store/database';
import { createDesk } from '@/store/desk';
import { applyImport, IMPORT_PAGE, readImportFile, searchRowsOf } from '@/store/import';
import { exportDesk } from '@/store/export';
import { EXPORT_LISTS } from '@/domain/export-format';
import { createClient } from '@/messaging/client';
import { sendBulk } from '@/pages/bulk';
import { findTickets } from '@/store/search-index';
import { searchTickets } from '@/entrypoints/sidepanel/model';
import { createBadge } from '@/background/badge';
import { adjustCounts } from '@/store/ticket-counts';
import { liveQuery } from 'dexie';
import { loadTickets, viewFromAddress } from '@/entrypoints/tickets/model';
import { ME, recordsOf, teamOf } from './desk-data.mjs';

export { addClosable, timeClose, timeRawClose } from './close-cascade-harness.mjs';
export { storageFootprint, workTheWorker } from './footprint-harness.mjs';

/** Tickets per transaction: the import's own page (store/import.ts). */
const BATCH = IMPORT_PAGE;
/** The contacts written so far into each database: an import adds each once. */
const written = new WeakMap();

/**
 * Records `from`..`to` of a desk of `size` into a fresh database, as the import writes them
 * (`bulkAdd`, a page at a time), one transaction per page of tickets with their conversations and
 * new contacts and timeline entries, and, `indexed`, their search rows as the import builds them (`searchRowsOf`:
 * `ticketWordsWords` of each ticket, its contact and its conversations' subjects). Returns how
 * many words the search rows hold.
 */
async function write(db, size, { from = 0, to = size, indexed = true } = {}) {
  if (!written.has(db)) written.set(db, new Set());
  const seen = written.get(db);
  let words = 0;
  for (let start = from; start < to; start += BATCH) {
    const tickets = [];
    const conversations = [];
    const timeline = [];
    const contacts = new Map();
    for (let n = start; n < Math.min(to, start + BATCH); n++) {
      const r = recordsOf(n, size);
      tickets.push(r.ticket);
      conversations.push(r.conversation);
      timeline.push(...r.timeline);
      contacts.set(r.contact.email, r.contact);
    }
    const fresh = [...contacts.values()].filter((c) => !seen.has(c.email));
    const tables = [db.tickets, db.conversations, db.contacts, db.timeline, db.ticketCounts, ...(indexed ? [db.ticketWords] : [])];
    await db.transaction('rw', tables, async () => {
      await db.tickets.bulkAdd(tickets);
      // The counts the desk keeps with every write, as an import rebuilds them.
      await adjustCounts(db, [], tickets);
      await db.conversations.bulkAdd(conversations);
      await db.contacts.bulkAdd(fresh);
      await db.timeline.bulkAdd(timeline);
      if (!indexed) return;
      const rows = searchRowsOf({ tickets, conversations, contacts: [...contacts.values()] });
      await db.ticketWords.bulkAdd(rows);
      words += rows.reduce((sum, row) => sum + row.words.length, 0);
    });
    for (const c of fresh) seen.add(c.email);
  }
  return words;
}

function open(name) {
  return new SidedeskDatabase({ name });
}

/** A desk of `size` tickets in database `name` (the extension's own by default), searchable. */
async function seed(size, name = 'sidedesk') {
  const db = open(name);
  await db.settings.put({ key: 'settings', value: { ...structuredClone(DEFAULT_SETTINGS), team: teamOf() } });
  await db.meta.put({ key: 'nextTicketNumber', value: size + 1 });
  await write(db, size);
  const count = await db.tickets.count();
  db.close();
  return count;
}

/**
 * An import of `size` tickets into two fresh databases at once, one with the search words and one
 * without, batch by batch in turns (which goes first alternates), so a busy machine slows both
 * alike: each batch's time, by variant. `keep` leaves the indexed database for the next step.
 */
async function timeImports(size, keep = false) {
  const dbs = {};
  for (const kind of ['with', 'without']) {
    const name = `bench-import-${kind}`;
    await SidedeskDatabase.delete(name);
    dbs[kind] = open(name);
    await dbs[kind].settings.put({ key: 'settings', value: { ...structuredClone(DEFAULT_SETTINGS), team: teamOf() } });
    await dbs[kind].meta.put({ key: 'nextTicketNumber', value: size + 1 });
  }
  const batches = { with: [], without: [] };
  let words = 0;
  for (let from = 0, k = 0; from < size; from += BATCH, k++) {
    for (const kind of k % 2 ? ['without', 'with'] : ['with', 'without']) {
      const started = performance.now();
      words += await write(dbs[kind], size, { from, to: Math.min(size, from + BATCH), indexed: kind === 'with' });
      batches[kind].push(performance.now() - started);
    }
  }
  const rows = { with: await dbs.with.ticketWords.count(), without: await dbs.without.ticketWords.count() };
  for (const [kind, db] of Object.entries(dbs)) {
    db.close();
    if (!(keep && kind === 'with')) await SidedeskDatabase.delete(db.name);
  }
  return { batches, rows, words };
}

/** The ids a search should find, by reading every ticket and its words (the slow, sure way), in
 * the tickets page's order (last change, then number); the page must show the same. */
async function expected(text, name = 'sidedesk', limit = 100) {
  const db = open(name);
  const query = parseSearch(text);
  const rows = await db.ticketWords.toArray();
  const hit = new Set(
    rows.filter((r) => query.terms.length > 0 && query.terms.every((t) => r.words.some((w) => w.startsWith(t)))).map((r) => r.ticketId),
  );
  const all = await db.tickets.toArray();
  const byNumber = all.find((t) => t.number === query.number);
  const found = all.filter((t) => hit.has(t.id) && t.id !== byNumber?.id).sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number);
  db.close();
  return { ids: [...(byNumber ? [byNumber] : []), ...found].slice(0, limit).map((t) => t.id), matched: hit.size + (byNumber ? 1 : 0) };
}

/** The store's part of a search: `findTickets` as the page calls it, and the page's whole read
 * (`loadTickets`: the search, its filters and sort, the shown rows' conversations and contacts),
 * first result of a live query as the page runs it, in ms. */
async function timeQuery(text, name = 'sidedesk') {
  const db = open(name);
  await db.open();
  const live = (query) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const subscription = liveQuery(query).subscribe({
        next: (value) => (subscription.unsubscribe(), resolve({ value, ms: performance.now() - started })),
        error: reject,
      });
    });
  const find = await live(() => findTickets(db, text, { limit: 101 }));
  const rawStarted = performance.now();
  await findTickets(db, text, { limit: 101 });
  const findRawMs = performance.now() - rawStarted;
  const load = await live(() => loadTickets(db, viewFromAddress(`?q=${encodeURIComponent(text)}`), 100));
  db.close();
  return { findMs: find.ms, findRawMs, loadMs: load.ms, read: find.value.tickets.length, truncated: find.value.truncated };
}

/** A desk for create-ticket runs: the seeded database, and each run's new conversation observed. */
function deskOn(name) {
  const db = open(name);
  return { db, desk: createDesk(db) };
}

let thread = 0;
/** Observes a new conversation (untimed), then times createTicket until its transaction committed. */
async function timeCreateTicket({ desk }) {
  const threadId = `bench-${Date.now().toString(36)}-${++thread}`;
  const contact = { email: `new.customer.${thread}@example.org`, name: `New Customer ${thread}` };
  const observed = await desk.execute({
    type: 'observe',
    requestId: crypto.randomUUID(),
    actor: 'content-script',
    observation: {
      provider: 'gmail',
      account: ME,
      threadId,
      subject: `Zamówienie ${thread} nie dotarło`,
      url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
      contact,
      participants: [contact],
      messageCount: 1,
      lastMessageAt: Date.now(),
    },
  });
  if (!observed.ok) throw new Error(observed.error.message);
  const started = performance.now();
  const out = await desk.execute({
    type: 'createTicket',
    requestId: crypto.randomUUID(),
    actor: 'agent',
    conversationId: observed.data.conversation.id,
    draft: {},
  });
  const ms = performance.now() - started;
  if (!out.ok) throw new Error(out.error.message);
  return { ms, ticketId: out.data.ticket.id };
}

// Desk actions (bench/desk-actions.mjs): a bulk stage change against single ones, through the
// background as the pages send them, and an export and import against raw reads and writes.

/** Up to `count` open tickets of the desk (ids, revisions, stages), by number. */
async function openTickets(count, name = 'sidedesk') {
  const db = open(name);
  const all = await db.tickets.where('stageId').anyOf(['new', 'waiting-on-contact', 'waiting-on-us']).toArray();
  db.close();
  return all
    .sort((a, b) => a.number - b.number)
    .slice(0, count)
    .map((t) => ({ id: t.id, rev: t.rev, stageId: t.stageId }));
}

const send = (message) => chrome.runtime.sendMessage(message);
const client = createClient(send);

/** `tickets` to `stageId` one message each (`command`), each awaited: ms from the first send to
 * the last answer, and the results. */
async function stageOneByOne(tickets, stageId, actor = 'bench') {
  const results = [];
  const started = performance.now();
  for (const t of tickets) {
    const answer = await send({
      sidedesk: 1,
      name: 'command',
      data: { type: 'setTicketStage', requestId: crypto.randomUUID(), actor, ticketId: t.id, rev: t.rev, stageId },
    });
    results.push(answer?.ok ? { ok: true, result: answer.data } : { ok: false, error: answer?.error ?? { message: 'no answer' } });
  }
  return { ms: performance.now() - started, results };
}

/** `tickets` to `stageId` (or each its own `to`) as the tickets page's bulk action sends them
 * (pages/bulk.ts `sendBulk`: `commands` in chunks of BULK_CHUNK). */
async function stageInBulk(tickets, stageId, actor = 'bench') {
  const bodies = tickets.map((t) => ({ type: 'setTicketStage', ticketId: t.id, rev: t.rev, stageId: stageId ?? t.to }));
  const started = performance.now();
  const results = await sendBulk(client, bodies, actor);
  return { ms: performance.now() - started, results };
}

/** What a stage change did: how many changed, the new revisions, and the tickets' conversations
 * still open (the cascade closes them when the stage is closed). */
async function stageOutcome(results, tickets, name = 'sidedesk') {
  const db = open(name);
  const conversations = await db.conversations
    .where('ticketId')
    .anyOf(tickets.map((t) => t.id))
    .toArray();
  db.close();
  return {
    changed: results.filter((r) => r.ok && r.result.changed).length,
    refused: results
      .filter((r) => !r.ok)
      .map((r) => r.error.message)
      .slice(0, 3),
    revs: results.map((r) => (r.ok ? r.result.ticket?.rev : undefined)),
    cascaded: results.filter((r) => r.ok && r.result.cascade.some((e) => e.to === 'closed')).length,
    conversations: conversations.length,
    stillOpen: conversations.filter((c) => c.state === 'open').length,
  };
}

/** What an export and an import keep between steps. */
const io = {};
const EXPORT_TABLES = [...EXPORT_LISTS, 'settings', 'meta'];

/** `exportDesk` of the desk: ms, the file's size. The file is kept for the import. */
async function timeExport(name = 'sidedesk') {
  const db = open(name);
  await db.open();
  const started = performance.now();
  io.file = await exportDesk(db);
  const ms = performance.now() - started;
  db.close();
  return { ms, bytes: io.file.size };
}

/** The same tables read raw: `toArray()` of each in one read transaction. */
async function timeRawRead(name = 'sidedesk') {
  const db = open(name);
  await db.open();
  const started = performance.now();
  const tables = EXPORT_TABLES.map((t) => db[t]);
  const read = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  const ms = performance.now() - started;
  db.close();
  return { ms, records: read.reduce((n, r) => n + r.length, 0) };
}

async function fresh(name) {
  await SidedeskDatabase.delete(name);
  const db = open(name);
  await db.open();
  return db;
}

/** `readImportFile` of the exported file and `applyImport(…, 'replace')` into a fresh database:
 * ms (and each part's), the tickets and search rows written. Keeps the parsed lists. */
async function timeImport(name = 'bench-import-file') {
  const db = await fresh(name);
  const started = performance.now();
  const read = await readImportFile(io.file);
  const parsed = performance.now();
  if (!read.ok) throw new Error(read.problem);
  const out = await applyImport(db, read.data, 'replace');
  const ms = performance.now() - started;
  if (!out.ok) throw new Error(out.problem);
  io.data = read.data;
  const counts = { tickets: await db.tickets.count(), search: await db.ticketWords.count() };
  db.close();
  await SidedeskDatabase.delete(name);
  return { ms, readMs: parsed - started, applyMs: ms - (parsed - started), counts };
}

/** The parsed file's lists (and settings, next number) `bulkAdd`ed raw into a fresh database in
 * one transaction, one bulkAdd per table; `search`, also the search rows built (searchRowsOf,
 * timed) and added. */
async function timeRawWrite(search, name = 'bench-import-raw') {
  const data = io.data;
  const db = await fresh(name);
  const tables = [...EXPORT_TABLES, ...(search ? ['ticketWords'] : [])].map((t) => db[t]);
  const started = performance.now();
  await db.transaction('rw', tables, async () => {
    await db.settings.put({ key: 'settings', value: data.settings });
    await db.meta.put({ key: 'nextTicketNumber', value: data.nextTicketNumber });
    for (const list of EXPORT_LISTS) await db[list].bulkAdd(data[list]);
    if (search) await db.ticketWords.bulkAdd(searchRowsOf(data));
  });
  const ms = performance.now() - started;
  const counts = { tickets: await db.tickets.count(), search: await db.ticketWords.count() };
  db.close();
  await SidedeskDatabase.delete(name);
  return { ms, counts };
}

/** Drops what the export and import kept. */
function ioDone() {
  delete io.file;
  delete io.data;
}

/** The ticket picker's search (the side panel's `searchTickets`, limit 8) on the extension's
 * database, `runs` times: ms each, and how many it found. */
async function timePicker(q, runs, name = 'sidedesk') {
  const db = open(name);
  await db.open();
  const ms = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    found = (await searchTickets(db, q)).length;
    ms.push(performance.now() - started);
  }
  db.close();
  return { ms, found };
}

/** The toolbar badge's recount (background/badge.ts, the badge shown nowhere), `runs` times. */
async function timeBadge(runs, name = 'sidedesk') {
  const db = open(name);
  await db.open();
  const update = createBadge(db, async () => undefined);
  const ms = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    count = await update();
    ms.push(performance.now() - started);
  }
  db.close();
  return { ms, count };
}

let observed = 0;
/** A new conversation observed through the background, as a content script reports it: ms from
 * the message to its answer. */
async function timeObserve() {
  const threadId = `bench-observe-${observed++}-${Date.now()}`;
  const started = performance.now();
  const answer = await send({
    sidedesk: 1,
    name: 'command',
    data: {
      type: 'observe',
      requestId: crypto.randomUUID(),
      actor: ME,
      observation: {
        provider: 'gmail',
        account: ME,
        threadId,
        subject: 'Bench observation',
        url: null,
        contact: null,
        participants: [],
        messageCount: 1,
        lastMessageAt: null,
      },
    },
  });
  if (!answer?.ok) throw new Error(`observe refused: ${answer?.error?.message}`);
  return performance.now() - started;
}

/** For each of `tickets`: its stage changed through the background (answered), then at once an
 * observation, timed; and the same observation sent while a picker search runs in this page. With
 * each round's spans, on the clock the worker's busy probe reads (bench/worker-busy.mjs): from the
 * stage change sent to the observation answered, and from the search started to both done. */
async function timeObservations(tickets, q, name = 'sidedesk') {
  const afterStage = [];
  const duringSearch = [];
  const spans = [];
  const at = () => performance.timeOrigin + performance.now();
  const db = open(name);
  await db.open();
  for (const [i, t] of tickets.entries()) {
    const stageId = t.stageId === 'waiting-on-us' ? 'waiting-on-contact' : 'waiting-on-us';
    const stageFrom = at();
    const changed = await send({
      sidedesk: 1,
      name: 'command',
      data: { type: 'setTicketStage', requestId: crypto.randomUUID(), actor: ME, ticketId: t.id, rev: t.rev, stageId },
    });
    if (!changed?.ok) throw new Error(`stage change refused: ${changed?.error?.message}`);
    afterStage.push(await timeObserve());
    const searchFrom = at();
    const search = searchTickets(db, `${q}${i % 2 ? '' : ' '}`);
    duringSearch.push(await timeObserve());
    await search;
    spans.push({ afterStage: [stageFrom, searchFrom], duringSearch: [searchFrom, at()] });
  }
  db.close();
  return { afterStage, duringSearch, spans };
}

export {
  seed,
  timePicker,
  timeBadge,
  timeObservations,
  timeImports,
  expected,
  timeQuery,
  deskOn,
  timeCreateTicket,
  SidedeskDatabase,
  openTickets,
  stageOneByOne,
  stageInBulk,
  stageOutcome,
  timeExport,
  timeRawRead,
  timeImport,
  timeRawWrite,
  ioDone,
};
