import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DEFAULT_SETTINGS, type ObservationInput, type Ticket } from '@/domain';
import { SidedeskDatabase } from '@/store/database';
import { createDesk } from '@/store/desk';
import { rebuildCounts } from '@/store/ticket-counts';
import { COLLEAGUE, convId, observe, rid } from './builders';
import type { MemoryState } from './memory-desk';

/** A real IndexedDB (fake-indexeddb) of its own, so tests never share state. */
export function openTestDatabase(): SidedeskDatabase {
  return new SidedeskDatabase({ name: `sidedesk-test`, indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A desk over a fresh database with a deterministic clock and ids, and a colleague on the team. */
export async function createTestDesk() {
  const db = openTestDatabase();
  await db.settings.put({
    key: 'settings',
    value: { ...structuredClone(DEFAULT_SETTINGS), team: [{ id: COLLEAGUE, name: 'Colleague', email: COLLEAGUE }] },
  });
  let clock = 1_700_000_000_000;
  let seq = 0;
  const desk = createDesk(db, { now: () => clock, newId: () => `id-${++seq}` });
  return {
    db,
    desk,
    tick(ms = 1000) {
      clock += ms;
    },
  };
}

/** A test desk with one ticket made of `threads`: each observed (with `observed(thread)`), the
 * first made a ticket (named `name`, or from its subject), the others added to it. */
export async function createTestDeskWithTicket(
  threads: string[],
  observed: (thread: string) => Partial<ObservationInput> = () => ({}),
  name?: string,
) {
  const t = await createTestDesk();
  for (const th of threads) await t.desk.execute(observe(th, observed(th)));
  const created = await t.desk.execute({
    type: 'createTicket',
    requestId: rid(),
    actor: 'agent',
    conversationId: convId(threads[0]!),
    draft: name ? { name } : {},
  });
  if (!created.ok) throw new Error(created.error.message);
  const ticketId = created.data.ticket!.id;
  for (const th of threads.slice(1)) {
    const added = await t.desk.execute({
      type: 'addConversationToTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId(th),
      ticketId,
    });
    if (!added.ok) throw new Error(added.error.message);
  }
  return { ...t, ticket: (await t.db.tickets.get(ticketId))! };
}

/** The whole database as the memory model's state, to compare the two. */
export async function dumpState(db: SidedeskDatabase): Promise<MemoryState> {
  const settings = (await db.settings.get('settings'))!.value;
  return {
    tickets: new Map((await db.tickets.toArray()).map((t) => [t.id, t])),
    conversations: new Map((await db.conversations.toArray()).map((c) => [c.id, c])),
    contacts: new Map((await db.contacts.toArray()).map((c) => [c.email, c])),
    timeline: new Map((await db.timeline.toArray()).map((e) => [e.id, e])),
    trash: new Map((await db.trash.toArray()).map((g) => [g.id, g])),
    settings,
    nextTicketNumber: (await db.meta.get('nextTicketNumber'))?.value ?? 1,
  };
}

/** Tickets written straight to the table, not through the desk, with the counts the desk keeps
 * beside them (store/ticket-counts.ts) rebuilt as an import would. */
export async function putTickets(db: SidedeskDatabase, tickets: Ticket[]): Promise<void> {
  await db.tickets.bulkPut(tickets);
  await rebuildCounts(db, await db.tickets.toArray());
}
