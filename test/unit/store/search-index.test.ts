import { describe, expect, it } from 'vitest';
import type { Ticket } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { DIRECT_READ, findTickets, MAX_MERGED_WORDS, SEARCH_CANDIDATES, SEARCH_WALK_LIMIT } from '@/store/search-index';
import { convId, observe, rid, ticketRecord } from '@/test/support/builders';
import { countReads, watchRequests } from '@/test/support/read-counter';
import { createTestDesk, createTestDeskWithTicket } from '@/test/support/store';
import { FILTER_CANDIDATES } from '@/entrypoints/tickets/model';

async function deskWithTickets() {
  const t = await createTestDesk();
  const make = async (thread: string, contact: { email: string; name: string }, subject: string, name?: string) => {
    await t.desk.execute(observe(thread, { contact, participants: [contact], subject }));
    const out = await t.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId(thread),
      draft: name ? { name } : {},
    });
    t.tick();
    if (!out.ok) throw new Error(out.error.message);
    return out.data.ticket!;
  };
  const refund = await make('a', { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' }, 'Zwrot za zamówienie 4411');
  const parcel = await make('b', { email: 'jan@sklep.pl', name: 'Jan Nowak' }, 'Paczka nie dotarła', 'Lost parcel');
  return { ...t, refund, parcel };
}

const names = async (t: Awaited<ReturnType<typeof deskWithTickets>>, q: string) => (await findTickets(t.db, q)).tickets.map((x) => x.name);

describe('finding a ticket from the index', () => {
  it.each([
    ['a word of the name, without accents', 'zamowienie', ['Zwrot za zamówienie 4411']],
    ['the start of a word', 'zwr', ['Zwrot za zamówienie 4411']],
    ["the contact's name", 'nowak', ['Lost parcel']],
    ["the contact's address", 'jan@sklep', ['Lost parcel']],
    ['a part of the address', 'klient', ['Zwrot za zamówienie 4411']],
    ["a conversation's subject", 'dotarla', ['Lost parcel']],
    ['two words, both needed', 'anna zwrot', ['Zwrot za zamówienie 4411']],
    ['two words, one missing', 'anna parcel', []],
    ['a number as T-0002', 'T-0002', ['Lost parcel']],
    ['a number as #1', '#1', ['Zwrot za zamówienie 4411']],
  ])('by %s', async (_name, query, expected) => {
    const t = await deskWithTickets();
    expect(await names(t, query)).toEqual(expected);
  });

  it('a bare number finds that ticket first, then the tickets that say it', async () => {
    const t = await deskWithTickets();
    expect(await names(t, '4411')).toEqual(['Zwrot za zamówienie 4411']);
    expect(await names(t, '2')).toEqual(['Lost parcel']);
  });

  it('follows every change in the same transaction: a rename, a new contact name, a deleted ticket', async () => {
    const t = await deskWithTickets();
    await t.desk.execute({
      type: 'updateTicket',
      requestId: rid(),
      actor: 'agent',
      ticketId: t.parcel.id,
      rev: t.parcel.rev,
      changes: { name: 'Courier lost it' },
    });
    expect(await names(t, 'courier')).toEqual(['Courier lost it']);
    expect(await names(t, 'parcel')).toEqual([]);
    await t.desk.execute(
      observe('b', { contact: { email: 'jan@sklep.pl', name: 'Janusz Nowak' }, participants: [], subject: 'Paczka nie dotarła' }),
    );
    expect(await names(t, 'janusz')).toEqual(['Courier lost it']);
    const ticket = (await t.db.tickets.get(t.parcel.id))!;
    await t.desk.execute({ type: 'deleteTicket', requestId: rid(), actor: 'agent', ticketId: ticket.id, rev: ticket.rev });
    expect(await names(t, 'courier')).toEqual([]);
    expect(await t.db.ticketWords.where('ticketId').equals(ticket.id).count()).toBe(0);
  });

  it('moves a row with its ticket: one row per ticket, at its last change, after every command', async () => {
    const t = await deskWithTickets();
    const before = (await t.db.tickets.get(t.refund.id))!;
    t.tick();
    await t.desk.execute({
      type: 'updateTicket',
      requestId: rid(),
      actor: 'agent',
      ticketId: before.id,
      rev: before.rev,
      changes: { priority: 'high' },
    });
    const after = (await t.db.tickets.get(before.id))!;
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
    expect(await t.db.ticketWords.toCollection().primaryKeys()).toEqual(
      (await t.db.tickets.toArray()).map((x) => [-x.updatedAt, -x.number]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
    // The refund ticket changed last: it is now the first a search by a word of both finds.
    expect((await findTickets(t.db, 'a')).tickets.map((x) => x.id)[0]).toBe(before.id);
  });
});

describe('the requests a search waits for', () => {
  it("reads a name's rows whole in one request: no second read of the rows by key", async () => {
    const t = await deskWithTickets();
    const requests: string[] = [];
    watchRequests(t.db, 'ticketWords', (kind) => requests.push(kind));
    await t.db.open();
    expect((await findTickets(t.db, 'kowalska')).tickets.map((x) => x.id)).toEqual([t.refund.id]);
    expect(requests).toEqual(['query']);
  });

  it('walks a common word and its plural reading their rows whole: no second read of the rows by key', async () => {
    const t = await deskOfRows(DIRECT_READ * 2, (i) => [i % 2 ? 'refund' : 'refunds']);
    const requests: string[] = [];
    watchRequests(t.db, 'ticketWords', (kind) => requests.push(kind));
    await t.db.open();
    const found = await findTickets(t.db, 'ref', { limit: 5 });
    expect(found.tickets.map((x) => x.number)).toEqual([400, 399, 398, 397, 396]);
    // The direct read (cut), the seeks from word to word, one walk per word: no read by key.
    expect(requests).not.toContain('getMany');
    expect(requests.length).toBeGreaterThan(0);
  });

  it('reads the index while the filter is still being read, and applies the filter once it comes', async () => {
    const t = await deskWithTickets();
    let indexRead!: () => void;
    const indexWasRead = new Promise<void>((resolve) => (indexRead = resolve));
    watchRequests(t.db, 'ticketWords', () => indexRead());
    await t.db.open();
    // The filter comes only once the index was asked: a search that waited for it would hang.
    const wanted = indexWasRead.then(() => (x: Ticket) => x.id !== t.parcel.id);
    expect((await findTickets(t.db, 'a', { wanted })).tickets.map((x) => x.id)).toEqual([t.refund.id]);
  });
});

/** Tickets numbered 1..n whose rows have `words(i)`, changed at `at(i)`, written straight to the tables. */
async function deskOfRows(n: number, words: (i: number) => string[], at: (i: number) => number = (i) => i) {
  const t = await createTestDesk();
  const tickets = Array.from({ length: n }, (_, k) => ({ ...ticketRecord(k + 1), updatedAt: at(k + 1) }));
  await t.db.tickets.bulkPut(tickets);
  await t.db.ticketWords.bulkPut(tickets.map((x) => ({ order: -x.updatedAt, rank: -x.number, ticketId: x.id, words: words(x.number) })));
  return t;
}

describe('a search that matches thousands', () => {
  it('finds the newest matches, exactly, reading only as far as it shows', async () => {
    // 3,000 tickets having "refund" or "refunds"; the newest are spread across both words and
    // their numbers (an index read in word order, or cut at SEARCH_CANDIDATES, would miss them).
    const at = (i: number) => (i * 7919) % 3001;
    const t = await deskOfRows(3000, (i) => [i % 2 ? 'refund' : 'refunds', `order${i}`], at);
    const found = await findTickets(t.db, 'ref', { limit: 25 });
    const expected = (await t.db.tickets.toArray()).sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number).slice(0, 25);
    expect(found).toEqual({ tickets: expected, truncated: false });
  });

  it('walks past the matches a filter leaves out, and says when it stopped looking', async () => {
    const t = await deskOfRows(1100, () => ['refund']);
    const walkLimit = 1000;
    // Only the oldest ticket passes: past the walk's limit, so not found, and said so.
    const oldest = await findTickets(t.db, 'refund', { limit: 10, wanted: (x) => x.number === 1, walkLimit });
    expect(oldest).toEqual({ tickets: [], truncated: true });
    const deep = await findTickets(t.db, 'refund', { limit: 5, wanted: (x) => x.number % 100 === 0, walkLimit });
    expect(deep.tickets.map((x) => x.number)).toEqual([1100, 1000, 900, 800, 700]);
    expect(deep.truncated).toBe(false);
    expect(SEARCH_WALK_LIMIT).toBeGreaterThanOrEqual(FILTER_CANDIDATES);
  });

  it('a prefix that starts more different words than it can walk together reads SEARCH_CANDIDATES and says so', async () => {
    const t = await deskOfRows(SEARCH_CANDIDATES + 50, (i) => [`acme${i % (MAX_MERGED_WORDS + 1)}`]);
    expect((await findTickets(t.db, 'ac')).truncated).toBe(true);
    // The same with few enough words is walked newest first, exact.
    const few = await deskOfRows(SEARCH_CANDIDATES + 50, (i) => [`acme${i % MAX_MERGED_WORDS}`]);
    const found = await findTickets(few.db, 'ac', { limit: 3 });
    expect(found).toMatchObject({
      tickets: [{ number: SEARCH_CANDIDATES + 50 }, { number: SEARCH_CANDIDATES + 49 }, { number: SEARCH_CANDIDATES + 48 }],
      truncated: false,
    });
  });

  it('checks the other terms on the walked rows, so a match is found wherever it stands', async () => {
    // "customer" on every ticket; "4411" on the oldest only.
    const t = await deskOfRows(600, (i) => ['customer', i === 1 ? '4411' : `${10_000 + i}`]);
    expect(await findTickets(t.db, 'customer 4411')).toMatchObject({ tickets: [{ number: 1 }], truncated: false });
    expect((await findTickets(t.db, 'customer 100', { limit: 5 })).tickets.map((x) => x.number)).toEqual([99, 98, 97, 96, 95]);
    expect((await findTickets(t.db, 'customer 100', { limit: 5 })).truncated).toBe(false);
  });
});

/** A ticket made from `threads`, each its own conversation with its subject and the same customer. */
async function ticketOfThreads(threads: string[]) {
  const contact = { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' };
  const t = await createTestDeskWithTicket(threads, (th) => ({
    contact,
    participants: [contact],
    subject: `Parcel locker ${th} is stuck`,
  }));
  t.tick();
  return { ...t, ticketId: t.ticket.id };
}

const rowsOf = (t: { db: SidedeskDatabase }, ticketId: string) => t.db.ticketWords.where('ticketId').equals(ticketId).toArray();

describe('what a command reads to keep the index', () => {
  const threads = Array.from({ length: 12 }, (_, i) => `outage-${i}`);

  it("closing a ticket reads each of its conversations once: its words stay, so its row only moves to the ticket's last change", async () => {
    const t = await ticketOfThreads(threads);
    const stored = (await t.db.tickets.get(t.ticketId))!;
    const [row] = await rowsOf(t, t.ticketId);
    const reads = countReads(t.db, 'conversations');
    await t.db.open();
    const out = await t.desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: 'agent',
      ticketId: t.ticketId,
      rev: stored.rev,
      stageId: 'closed',
    });
    expect(out.ok && out.data.cascade.length).toBe(threads.length);
    // The cascade's own read of the ticket's conversations, and no second one for their subjects.
    expect(reads.values).toBe(threads.length);
    const closed = (await t.db.tickets.get(t.ticketId))!;
    expect(await rowsOf(t, t.ticketId)).toEqual([{ ...row, order: -closed.updatedAt }]);
    expect((await findTickets(t.db, 'locker outage')).tickets.map((x) => x.id)).toEqual([t.ticketId]);
  });

  it("an observation that changes no subject reads its ticket's conversations once", async () => {
    const t = await ticketOfThreads(threads);
    const rows = await t.db.ticketWords.toArray();
    const reads = countReads(t.db, 'conversations');
    await t.db.open();
    await t.desk.execute(observe(threads[3]!, { subject: 'Parcel locker outage-3 is stuck', messageCount: 4 }));
    // The conversation, and its ticket's conversations (a reply may reopen the ticket).
    expect(reads.values).toBe(1 + threads.length);
    expect(await t.db.ticketWords.toArray()).toEqual(rows);
  });

  it("following a contact reads none of their tickets: the words hold the contact's name, which following leaves alone", async () => {
    const t = await ticketOfThreads(threads);
    const rows = await t.db.ticketWords.toArray();
    const [conversationReads, ticketReads] = [countReads(t.db, 'conversations'), countReads(t.db, 'tickets')];
    await t.db.open();
    const out = await t.desk.execute({
      type: 'followContact',
      requestId: rid(),
      actor: 'agent',
      email: 'anna.kowalska@klient.pl',
      followed: true,
    });
    expect(out.ok && out.data.changed).toBe(true);
    expect([conversationReads, ticketReads]).toEqual([
      { values: 0, keys: 0 },
      { values: 0, keys: 0 },
    ]);
    expect(await t.db.ticketWords.toArray()).toEqual(rows);
  });

  it("a conversation's new subject, or its contact's new name, is found at once", async () => {
    const t = await ticketOfThreads(threads);
    const contact = { email: 'anna.kowalska@klient.pl', name: 'Anna Nowak-Kowalska' };
    await t.desk.execute(observe(threads[5]!, { contact, participants: [contact], subject: 'Courier never came' }));
    expect((await findTickets(t.db, 'courier nowak')).tickets.map((x) => x.id)).toEqual([t.ticketId]);
    expect((await findTickets(t.db, 'outage-5')).tickets).toEqual([]);
  });

  it("a ticket's new description or category is found at once", async () => {
    const t = await ticketOfThreads(threads.slice(0, 2));
    for (const changes of [{ description: 'Courier depot flooded' }, { category: 'Logistics' }]) {
      const { rev } = (await t.db.tickets.get(t.ticketId))!;
      await t.desk.execute({ type: 'updateTicket', requestId: rid(), actor: 'agent', ticketId: t.ticketId, rev, changes });
    }
    expect((await findTickets(t.db, 'flooded logistics')).tickets.map((x) => x.id)).toEqual([t.ticketId]);
  });
});

describe('words that leave with a conversation', () => {
  async function ticketOfTwo() {
    const contact = { email: 'ola@klient.pl', name: 'Ola' };
    const subjects: Record<string, string> = { a: 'Alpha invoice', b: 'Beta parcel' };
    const t = await createTestDeskWithTicket(['a', 'b'], (th) => ({ contact, participants: [contact], subject: subjects[th] }), 'Ola');
    t.tick();
    return t;
  }
  const ids = async (t: Awaited<ReturnType<typeof ticketOfTwo>>, q: string) => (await findTickets(t.db, q)).tickets.map((x) => x.id);

  it("a trashed conversation's subject no longer finds its ticket", async () => {
    const t = await ticketOfTwo();
    expect(await ids(t, 'beta')).toEqual([t.ticket.id]);
    const conversation = (await t.db.conversations.get(convId('b')))!;
    const out = await t.desk.execute({
      type: 'trashConversation',
      requestId: rid(),
      actor: 'agent',
      conversationId: conversation.id,
      rev: conversation.rev,
    });
    expect(out.ok).toBe(true);
    expect(await ids(t, 'beta')).toEqual([]);
  });
});
