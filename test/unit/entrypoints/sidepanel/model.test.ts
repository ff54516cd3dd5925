import { describe, expect, it } from 'vitest';
import { searchTickets } from '@/entrypoints/sidepanel/model';
import { ticketRecord as ticket } from '@/test/support/builders';
import { openTestDatabase } from '@/test/support/store';
import { refreshSearch } from '@/store/search-index';

describe('"Add to an existing ticket" search', () => {
  it('finds any ticket, however old: by number in every spelling, and by a word of its name', async () => {
    const db = openTestDatabase();
    // Ticket 1 is the oldest of 300; the recent ones come first in the list.
    await db.tickets.bulkPut([
      ticket(1, 'Courier lost #4411'),
      ...Array.from({ length: 299 }, (_, i) => ticket(i + 2, `Question ${i + 2}`)),
    ]);
    // Written straight into the store: their search words as the desk would keep them.
    await refreshSearch(db, await db.tickets.toCollection().primaryKeys());
    for (const q of ['T-0001', 't-1', '#1', '1', '  #t-0001 ']) expect((await searchTickets(db, q)).map((t) => t.id)[0]).toBe('t1');
    expect((await searchTickets(db, 'courier')).map((t) => t.id)).toEqual(['t1']);
    expect((await searchTickets(db, '4411')).map((t) => t.id)).toEqual(['t1']);
    // Nothing typed: the eight most recently changed.
    expect((await searchTickets(db, '')).map((t) => t.number)).toEqual([300, 299, 298, 297, 296, 295, 294, 293]);
    // A number that is also in names: that ticket first, then the names.
    expect((await searchTickets(db, '29')).map((t) => t.number).slice(0, 3)).toEqual([29, 299, 298]);
  });

  it('finds tickets by their contact’s name (any word of it) or address, through the index, newest first', async () => {
    const db = openTestDatabase();
    await db.contacts.bulkPut([
      { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska', companyDomain: 'klient.pl', followed: false },
      { email: 'jan@sklep.pl', name: 'Jan Nowak', companyDomain: 'sklep.pl', followed: false },
    ]);
    await db.tickets.bulkPut([
      { ...ticket(1, 'Courier lost'), contactEmail: 'anna.kowalska@klient.pl' },
      { ...ticket(2, 'Refund'), contactEmail: 'jan@sklep.pl' },
      { ...ticket(3, 'Invoice'), contactEmail: 'anna.kowalska@klient.pl' },
      ticket(4, 'Anna asked about shipping'),
    ]);
    await refreshSearch(db, await db.tickets.toCollection().primaryKeys());
    expect((await searchTickets(db, 'anna')).map((t) => t.id)).toEqual(['t4', 't3', 't1']);
    expect((await searchTickets(db, 'ANNA KOW')).map((t) => t.id)).toEqual(['t3', 't1']);
    expect((await searchTickets(db, 'anna.kowalska@')).map((t) => t.id)).toEqual(['t3', 't1']);
    expect((await searchTickets(db, 'jan@sklep.pl')).map((t) => t.id)).toEqual(['t2']);
    // A surname alone finds its tickets too: every word of a name is in the index.
    expect((await searchTickets(db, 'nowak')).map((t) => t.id)).toEqual(['t2']);
  });
});
