import { describe, expect, it } from 'vitest';
import { findTickets, SEARCH_CANDIDATES } from '@/store/search-index';
import { convId, observe, rid, ticketRecord } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';

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
    expect(await t.db.ticketSearch.get(ticket.id)).toBeUndefined();
  });

  it('newest activity first, and a prefix that starts half the desk is cut and said so', async () => {
    const t = await createTestDesk();
    await t.db.ticketSearch.bulkPut(Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => ({ ticketId: `t${i}`, words: ['acme'] })));
    const found = await findTickets(t.db, 'ac');
    expect(found.truncated).toBe(true);
  });

  it('a short term opens the index when the longest starts more words than are read, so its match is found wherever it stands', async () => {
    const t = await createTestDesk();
    const common = Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => ({ ticketId: `t${i}`, words: ['customer', `${10_000 + i}`] }));
    // Its id sorts after every other: a read of the first SEARCH_CANDIDATES "customer" rows misses it.
    await t.db.ticketSearch.bulkPut([...common, { ticketId: 'tz', words: ['customer', '4411'] }]);
    await t.db.tickets.put({ ...ticketRecord(1), id: 'tz', name: 'Customer 4411' });
    expect(await findTickets(t.db, 'customer 4411')).toMatchObject({ tickets: [{ id: 'tz' }], truncated: false });
    expect((await findTickets(t.db, 'customer 1')).truncated).toBe(true);
  });
});
