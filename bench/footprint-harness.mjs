// In the page (bundled with bench/page-harness.mjs): what a desk weighs on disk, table by table,
// and the same round of work sent to the background at every desk size, so that the worker's heap
// is compared after the same work.
import { EXPORT_LISTS } from '@/domain/export-format';
import { createClient } from '@/messaging/client';
import { SidedeskDatabase } from '@/store/database';
import { ME } from './desk-data.mjs';

/** Records read at once while their JSON is weighed: a page, never a whole table of 100,000. */
const PAGE = 5_000;
/** What an export holds (the lists, the settings and the next number), the desk's own data. */
const EXPORTED = new Set([...EXPORT_LISTS, 'settings', 'meta']);

/** The UTF-8 bytes of a table's records as JSON, read a page at a time along the primary key. */
async function jsonBytesOf(table) {
  const encoder = new TextEncoder();
  let bytes = 0;
  let last;
  for (;;) {
    const from = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const [keys, rows] = await Promise.all([from.clone().limit(PAGE).primaryKeys(), from.limit(PAGE).toArray()]);
    for (const row of rows) bytes += encoder.encode(JSON.stringify(row)).length;
    if (rows.length < PAGE) return bytes;
    last = keys.at(-1);
  }
}

/**
 * The origin's storage as the browser counts it (navigator.storage.estimate: all of it, and its
 * IndexedDB part where the browser says), and each table's rows and their JSON bytes; `exported`:
 * the JSON bytes of the tables an export holds.
 */
async function storageFootprint(name = 'sidedesk') {
  const db = new SidedeskDatabase({ name });
  await db.open();
  const tables = {};
  let exported = 0;
  for (const table of db.tables) {
    const bytes = await jsonBytesOf(table);
    tables[table.name] = { rows: await table.count(), bytes };
    if (EXPORTED.has(table.name)) exported += bytes;
  }
  db.close();
  const estimate = await navigator.storage.estimate();
  return { usage: estimate.usage, indexedDB: estimate.usageDetails?.indexedDB ?? null, tables, exported };
}

const call = createClient((message) => chrome.runtime.sendMessage(message));
let round = 0;

/** `count` times, through the background as the pages and content script send them: a new
 * conversation observed, a ticket created from it, closed, and reopened. Throws on a refusal. */
async function workTheWorker(count) {
  const command = (data) => call('command', { requestId: crypto.randomUUID(), actor: ME, ...data });
  for (let i = 0; i < count; i++) {
    const threadId = `bench-worker-${++round}-${Date.now().toString(36)}`;
    const contact = { email: `worker.customer.${round}@example.org`, name: `Worker Customer ${round}` };
    const observation = {
      provider: 'gmail',
      account: ME,
      threadId,
      subject: `Order ${round} did not arrive`,
      url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
      contact,
      participants: [contact],
      messageCount: 1,
      lastMessageAt: Date.now(),
    };
    const observed = await command({ type: 'observe', observation });
    const created = await command({ type: 'createTicket', conversationId: observed.conversation.id, draft: {} });
    let ticket = created.ticket;
    for (const stageId of ['closed', 'waiting-on-us'])
      ticket = (await command({ type: 'setTicketStage', ticketId: ticket.id, rev: ticket.rev, stageId })).ticket;
  }
  return round;
}

export { storageFootprint, workTheWorker };
