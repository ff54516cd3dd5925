import { parseSearch, ticketSearchWords, type Ticket, type Writes } from '@/domain';
import type { SidedeskDatabase, TicketSearchRecord } from './database';

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

/** The ids of the tickets having a word that starts with every one of `terms`, at most
 * SEARCH_CANDIDATES of them, and whether more matched than that. */
async function matchingIds(db: SidedeskDatabase, terms: readonly string[]): Promise<{ ids: string[]; truncated: boolean }> {
  // A read that comes back full was cut: more may match. A ticket having two words that start with
  // the term is there twice, so the count is taken before those are merged.
  const keys = async (term: string) => {
    const read = await db.ticketSearch
      .where('words')
      .startsWith(term)
      .limit(SEARCH_CANDIDATES + 1)
      .primaryKeys();
    return { ids: [...new Set(read)].slice(0, SEARCH_CANDIDATES), cut: read.length > SEARCH_CANDIDATES };
  };
  const matching = (rows: ReadonlyArray<TicketSearchRecord | undefined>, others: readonly string[]) =>
    rows
      .filter((row): row is TicketSearchRecord => row !== undefined && others.every((term) => row.words.some((w) => w.startsWith(term))))
      .map((row) => row.ticketId);
  // The longest term is likely the most selective: it opens the index. With one term its keys are
  // all it takes; with more, its rows come in the same single read (one request, not one per
  // candidate) with the words the other terms are checked on.
  const [first, ...rest] = [...terms].sort((a, b) => b.length - a.length);
  if (rest.length === 0) {
    const { ids, cut } = await keys(first!);
    return { ids, truncated: cut };
  }
  const read = await db.ticketSearch
    .where('words')
    .startsWith(first!)
    .limit(SEARCH_CANDIDATES + 1)
    .toArray();
  const rows = [...new Map(read.map((row) => [row.ticketId, row])).values()].slice(0, SEARCH_CANDIDATES);
  if (read.length <= SEARCH_CANDIDATES) return { ids: matching(rows, rest), truncated: false };
  // The longest term starts more words than are read ("customer" in "customer 4411"): a shorter
  // one that starts fewer opens the index instead, so a match is found wherever it stands.
  for (const term of rest) {
    const { ids, cut } = await keys(term);
    if (cut) continue;
    return { ids: matching(await db.ticketSearch.bulkGet(ids), terms), truncated: false };
  }
  return { ids: matching(rows, rest), truncated: true };
}

/**
 * The tickets a search finds, most recently changed first: the ticket with that number, then those
 * having a word that starts with each term. Served by the `number` index and the `*words` index of
 * one term (the longest, or failing that the first to start at most SEARCH_CANDIDATES words), read
 * at most SEARCH_CANDIDATES deep; the other terms are checked on those candidates only, never on
 * the whole desk.
 */
export async function findTickets(db: SidedeskDatabase, text: string, limit = 100): Promise<FoundTickets> {
  const query = parseSearch(text);
  const byNumber = query.number === null ? undefined : await db.tickets.where('number').equals(query.number).first();
  const { ids, truncated } = query.terms.length > 0 ? await matchingIds(db, query.terms) : { ids: [], truncated: false };
  const found = (await db.tickets.bulkGet(ids.filter((id) => id !== byNumber?.id))).filter((t): t is Ticket => t !== undefined);
  found.sort((a, b) => b.updatedAt - a.updatedAt);
  return { tickets: [...(byNumber ? [byNumber] : []), ...found].slice(0, limit), truncated };
}
