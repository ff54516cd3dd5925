import { describe, expect, it } from 'vitest';
import { loadPopup } from '@/entrypoints/popup/model';
import { ticketRecord } from '@/test/support/builders';
import { openTestDatabase, putTickets } from '@/test/support/store';
import { countTicketReads } from '@/test/support/read-counter';

describe('the popup', () => {
  it('lists the ten most recently changed open tickets, across open stages, however many closed tickets changed since', async () => {
    const db = openTestDatabase();
    const open = Array.from({ length: 14 }, (_, i) => ({
      ...ticketRecord(i + 1),
      stageId: i % 2 ? 'waiting-on-us' : 'new',
      updatedAt: 1_000 + i,
    }));
    // Thousands of closed tickets changed after every open one: a walk of the last-change index
    // for open ones would read them all first.
    const closed = Array.from({ length: 3000 }, (_, i) => ({
      ...ticketRecord(100 + i),
      stageId: 'closed',
      closedAt: 5_000,
      updatedAt: 5_000 + i,
    }));
    await putTickets(db, [...open, ...closed]);
    const reads = countTicketReads(db);
    await db.open();
    const model = await loadPopup(db, null);
    expect(model.recent.map((t) => t.number)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
    // Each open stage's newest eleven at most, never the closed ones changed since.
    expect(reads.values).toBeLessThanOrEqual(3 * 11);
  });
});
