import { describe, expect, it } from 'vitest';
import { contactTickets, THEIRS_SHOWN } from '@/entrypoints/record/contact-tickets';
import { ticketRecord } from '@/test/support/builders';
import { openTestDatabase } from '@/test/support/store';

const ANNA = 'anna@klient.pl';

describe('the record page: the contact’s other tickets', () => {
  it('lists the others, most recently changed first, through the contact index, never the ticket itself', async () => {
    const db = openTestDatabase();
    await db.tickets.bulkPut([
      { ...ticketRecord(1), contactEmail: ANNA },
      { ...ticketRecord(2), contactEmail: 'jan@sklep.pl' },
      { ...ticketRecord(3), contactEmail: ANNA },
      { ...ticketRecord(4), contactEmail: ANNA },
      ticketRecord(5),
    ]);
    const theirs = await contactTickets(db, ANNA, 't3');
    expect(theirs.tickets.map((t) => t.id)).toEqual(['t4', 't1']);
    expect(theirs.more).toBe(0);
  });

  it('is bounded: a contact with 40 tickets shows ten and says how many more', async () => {
    const db = openTestDatabase();
    await db.tickets.bulkPut(Array.from({ length: 40 }, (_, i) => ({ ...ticketRecord(i + 1), contactEmail: ANNA })));
    const theirs = await contactTickets(db, ANNA, 't40');
    expect(theirs.tickets).toHaveLength(THEIRS_SHOWN);
    expect(theirs.tickets[0]!.id).toBe('t39');
    expect(theirs.more).toBe(29);
  });
});
