import type { Ticket } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';

/** How many of the contact's other tickets the record page lists. */
export const THEIRS_SHOWN = 10;
/** How many are read to choose the most recent: the `contactEmail` index is not ordered by date. */
const THEIRS_READ_MAX = 200;

/**
 * The contact's other tickets, most recently changed first, through the `contactEmail` index:
 * the count from the index alone, and at most `THEIRS_READ_MAX` records read (a contact with more
 * is rare; past it the list is the most recent of those read).
 */
export async function contactTickets(db: SidedeskDatabase, email: string, exceptId: string): Promise<{ tickets: Ticket[]; more: number }> {
  const theirs = () => db.tickets.where('contactEmail').equals(email);
  const [total, read] = await Promise.all([theirs().count(), theirs().limit(THEIRS_READ_MAX).toArray()]);
  const others = read.filter((t) => t.id !== exceptId).sort((a, b) => b.updatedAt - a.updatedAt);
  const tickets = others.slice(0, THEIRS_SHOWN);
  // The ticket itself has this contact too: it is in the count, never in the list.
  return { tickets, more: Math.max(0, total - 1 - tickets.length) };
}
