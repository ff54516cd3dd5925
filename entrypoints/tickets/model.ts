import type { Conversation, Settings, Ticket } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { findTickets } from '@/store/search-index';
import { readSettings } from '@/store/settings';

/** What the list shows, as it stands in the page's address (`?q=`), so a reload or a bookmark keeps it. */
export interface TicketsView {
  q: string;
}

export function viewFromAddress(search: string): TicketsView {
  return { q: new URLSearchParams(search).get('q') ?? '' };
}

/** The address of `view`, from the page's current one (what the agent did not set stays out). */
export function addressOf(view: TicketsView, base: string): string {
  const url = new URL(base);
  if (view.q.trim()) url.searchParams.set('q', view.q);
  else url.searchParams.delete('q');
  return url.pathname + url.search + url.hash;
}

export interface TicketsModel {
  tickets: Ticket[];
  settings: Settings;
  linked: Conversation[];
  /** More tickets than shown: the list offers the next page. */
  more: boolean;
  /** The search matched more than it reads: the agent should type more. */
  truncated: boolean;
}

/**
 * One page of the list, run as a live query (it re-runs whenever what it read changes, in the
 * renderer the side panel shares, so it stays small however large the desk). Without a search:
 * newest activity first along the `updatedAt` index. With one: from the search index.
 */
export async function loadTickets(db: SidedeskDatabase, view: TicketsView, shown: number): Promise<TicketsModel> {
  const settings = readSettings(db);
  let page: Ticket[];
  let truncated = false;
  if (view.q.trim()) {
    const found = await findTickets(db, view.q, shown + 1);
    page = found.tickets;
    truncated = found.truncated;
  } else {
    page = await db.tickets
      .orderBy('updatedAt')
      .reverse()
      .limit(shown + 1)
      .toArray();
  }
  const tickets = page.slice(0, shown);
  // Only the conversations of the tickets shown.
  const linked = await db.conversations
    .where('ticketId')
    .anyOf(tickets.map((t) => t.id))
    .toArray();
  return { tickets, settings: await settings, linked, more: page.length > shown, truncated };
}
