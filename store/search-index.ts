import { parseSearch, ticketSearchWords, type Ticket, type Writes } from '@/domain';
import type { SidedeskDatabase } from './database';

/** How many matches of a search are read at most before they are sorted: a word that starts
 * half the desk (a single letter) is cut here, and the page says to type more. */
export const SEARCH_CANDIDATES = 2000;

/** The tickets whose words a decision may have changed: their own, their conversations', their contact's. */
export async function ticketsTouchedBy(db: SidedeskDatabase, w: Writes): Promise<Set<string>> {
  const ids = new Set<string>([...w.putTickets.map((t) => t.id), ...w.deleteTickets]);
  for (const c of w.putConversations) if (c.ticketId) ids.add(c.ticketId);
  for (const contact of w.putContacts) {
    // A contact's tickets, through their index; a rename of a contact with thousands is rare.
    for (const id of await db.tickets.where('contactEmail').equals(contact.email).primaryKeys()) ids.add(id);
  }
  return ids;
}

/** Recomputes the words of `ticketIds` from what is stored now (inside the writing transaction). */
export async function refreshSearch(db: SidedeskDatabase, ticketIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return;
  const tickets = await db.tickets.bulkGet(ids);
  const live = tickets.filter((t): t is Ticket => t !== undefined);
  const gone = ids.filter((_, i) => tickets[i] === undefined);
  const conversations = await db.conversations
    .where('ticketId')
    .anyOf(live.map((t) => t.id))
    .toArray();
  const contacts = await db.contacts.bulkGet(live.map((t) => t.contactEmail ?? ''));
  const rows = live.map((t, i) => ({
    ticketId: t.id,
    words: ticketSearchWords(
      t,
      contacts[i],
      conversations.filter((c) => c.ticketId === t.id).map((c) => c.subject),
    ),
  }));
  await db.ticketSearch.bulkDelete(gone);
  await db.ticketSearch.bulkPut(rows);
}

export interface FoundTickets {
  tickets: Ticket[];
  /** More matched than were read: the agent should type more. */
  truncated: boolean;
}

/**
 * The tickets a search finds, most recently changed first: the ticket with that number, then those
 * having a word that starts with each term. Served by the `number` index and the `*words` index of
 * the first term; the other terms are checked on those candidates only, never on the whole desk.
 */
export async function findTickets(db: SidedeskDatabase, text: string, limit = 100): Promise<FoundTickets> {
  const query = parseSearch(text);
  const byNumber = query.number === null ? undefined : await db.tickets.where('number').equals(query.number).first();
  let ids: string[] = [];
  let truncated = false;
  if (query.terms.length > 0) {
    // The longest term is the most selective: it opens the index.
    const [first, ...rest] = [...query.terms].sort((a, b) => b.length - a.length);
    const candidates = [
      ...new Set(
        await db.ticketSearch
          .where('words')
          .startsWith(first!)
          .limit(SEARCH_CANDIDATES + 1)
          .primaryKeys(),
      ),
    ];
    truncated = candidates.length > SEARCH_CANDIDATES;
    ids = candidates.slice(0, SEARCH_CANDIDATES);
    if (rest.length > 0) {
      const rows = await db.ticketSearch.bulkGet(ids);
      ids = ids.filter((_, i) => rest.every((term) => rows[i]?.words.some((w) => w.startsWith(term))));
    }
  }
  const found = (await db.tickets.bulkGet(ids.filter((id) => id !== byNumber?.id))).filter((t): t is Ticket => t !== undefined);
  found.sort((a, b) => b.updatedAt - a.updatedAt);
  return { tickets: [...(byNumber ? [byNumber] : []), ...found].slice(0, limit), truncated };
}
