// In the page (bundled with bench/page-harness.mjs): a ticket linked to `count` open
// conversations, closed again and again, either through the desk (store/desk.ts execute: the
// command parsed, its records read, the cascade decided, every row checked and written with the
// kept counts, the search words and the request record, in one transaction) or as the same changed
// rows written raw (one bulkPut each of the ticket, its conversations and the timeline entries the
// command writes, in one transaction). Before each close, untimed, the ticket and its
// conversations are reopened through the store's own applyWrites and the last close's entries
// removed, so every close starts from the same desk.
import { decide, gatherSnapshot, noWrites } from '@/domain';
import { applyWrites } from '@/store/apply-writes';
import { TABLES, SidedeskDatabase } from '@/store/database';
import { createDesk } from '@/store/desk';
import { createDeskReader } from '@/store/desk-reader';
import { adjustCounts } from '@/store/ticket-counts';
import { ME } from './desk-data.mjs';

const OPEN_STAGE = 'waiting-on-us';
const CLOSED_STAGE = 'closed';

/** The ticket being closed, and the desk and database that close it. */
let closable = null;

/** An outage ticket: `count` customers wrote in, each their own open conversation. Written as the
 * desk writes (applyWrites: counts and search words kept), numbered after the desk's last. */
async function addClosable(count, name = 'sidedesk') {
  const db = new SidedeskDatabase({ name });
  await db.open();
  const number = (await db.meta.get('nextTicketNumber'))?.value ?? 1;
  const id = `bench-close-${number}`;
  const at = Date.now();
  const ticket = {
    id,
    number,
    name: `Parcel lockers down: ${count} customers wrote in`,
    description: 'Courier outage in the whole region.',
    pipelineId: 'support',
    stageId: OPEN_STAGE,
    priority: 'urgent',
    ownerId: ME,
    category: 'Shipping',
    source: 'manual',
    contactEmail: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    properties: {},
    rev: 1,
  };
  const contacts = [];
  const conversations = [];
  for (let i = 0; i < count; i++) {
    const email = `locker.customer.${number}.${i}@example.org`;
    const threadId = `bench-close-${number}-${i.toString(16).padStart(8, '0')}`;
    contacts.push({ email, name: `Locker Customer ${i}`, companyDomain: null, followed: false });
    conversations.push({
      id: `gmail:${ME}:${threadId}`,
      provider: 'gmail',
      account: ME,
      threadId,
      subject: `Re: my parcel ${70_000 + i} is stuck in a locker`,
      url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
      contactEmail: email,
      participants: [{ email, name: `Locker Customer ${i}` }],
      messageCount: 2,
      lastMessageAt: at,
      ownerId: ME,
      state: 'open',
      ticketId: id,
      firstSeenAt: at,
      lastSeenAt: at,
      rev: 1,
    });
  }
  await db.transaction('rw', [...TABLES], () =>
    applyWrites(db, {
      ...noWrites(),
      putTickets: [ticket],
      putConversations: conversations,
      putContacts: contacts,
      nextTicketNumber: number + 1,
    }),
  );
  closable = { db, desk: createDesk(db), id, count, requestId: null };
  return { id, number };
}

/** Untimed: the ticket back in an open stage with every conversation open (through applyWrites,
 * so the counts and search words stay exact), the last close's entries and request gone. */
async function reopenClosable() {
  const { db, id } = closable;
  await db.transaction('rw', [...TABLES], async () => {
    const ticket = await db.tickets.get(id);
    const conversations = await db.conversations.where('ticketId').equals(id).toArray();
    const entries = await db.timeline.where('ticketId').equals(id).primaryKeys();
    const putTickets = [{ ...ticket, stageId: OPEN_STAGE, closedAt: null, updatedAt: Date.now(), rev: ticket.rev + 1 }];
    const putConversations = conversations.map((c) => ({ ...c, state: 'open', rev: c.rev + 1 }));
    await applyWrites(db, { ...noWrites(), putTickets, putConversations, deleteTimeline: entries });
    if (closable.requestId) await db.requests.delete(closable.requestId);
  });
  const ticket = await db.tickets.get(id);
  return { type: 'setTicketStage', requestId: crypto.randomUUID(), actor: ME, ticketId: id, rev: ticket.rev, stageId: CLOSED_STAGE };
}

/** Throws unless the close closed the ticket and every one of its conversations. */
async function checkClosed(cascaded) {
  const { db, id, count } = closable;
  const ticket = await db.tickets.get(id);
  const open = await db.conversations
    .where('ticketId')
    .equals(id)
    .filter((c) => c.state === 'open')
    .count();
  if (ticket.stageId !== CLOSED_STAGE || open !== 0 || cascaded !== count)
    throw new Error(`close: stage ${ticket.stageId}, ${open} conversations still open, ${cascaded} cascaded of ${count}`);
}

/** The close as the background runs it: `desk.execute` of setTicketStage, until it committed. */
async function timeClose() {
  const command = await reopenClosable();
  const started = performance.now();
  const out = await closable.desk.execute(command);
  const ms = performance.now() - started;
  if (!out.ok) throw new Error(out.error.message);
  closable.requestId = command.requestId;
  await checkClosed(out.data.cascade.length);
  return { ms, rows: { tickets: 1, conversations: out.data.cascade.length, timeline: out.data.cascade.length + 1 } };
}

/** The same rows written raw: the close's decision taken untimed (the domain's own decide on the
 * records as stored), then its tickets, conversations and timeline entries bulkPut in one
 * transaction, timed. Untimed after it: the kept counts moved as the desk would move them. */
async function timeRawClose() {
  const { db } = closable;
  const command = await reopenClosable();
  const before = await db.tickets.get(command.ticketId);
  const decision = await db.transaction('r', [...TABLES], async () =>
    decide(command, await gatherSnapshot(command, createDeskReader(db)), { now: Date.now(), newId: () => crypto.randomUUID() }),
  );
  if (!decision.ok) throw new Error(decision.error.message);
  const w = decision.writes;
  const started = performance.now();
  await db.transaction('rw', [db.tickets, db.conversations, db.timeline], async () => {
    await db.tickets.bulkPut(w.putTickets);
    await db.conversations.bulkPut(w.putConversations);
    await db.timeline.bulkPut(w.putTimeline);
  });
  const ms = performance.now() - started;
  await db.transaction('rw', [db.ticketCounts], () => adjustCounts(db, [before], w.putTickets));
  closable.requestId = null;
  await checkClosed(w.putConversations.length);
  return { ms, rows: { tickets: w.putTickets.length, conversations: w.putConversations.length, timeline: w.putTimeline.length } };
}

export { addClosable, timeClose, timeRawClose };
