import type { Conversation, Settings, Ticket } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { findTickets, SEARCH_CANDIDATES } from '@/store/search-index';
import { browserAccounts } from '@/store/accounts';
import { readSettings } from '@/store/settings';
import { compareBy, inView, stagePairs, type TicketsView } from './view';

export { addressOf, viewFromAddress, type TicketsView } from './view';

export interface TicketsModel {
  tickets: Ticket[];
  settings: Settings;
  linked: Conversation[];
  /** The shown tickets' contacts' names, by address. */
  contactNames: Map<string, string>;
  /** More tickets than shown: the list offers the next page. */
  more: boolean;
  /** More matched than were read: the agent should narrow the view. */
  truncated: boolean;
}

/** How many tickets a stage or owner filter reads at most before it sorts them. */
export const FILTER_CANDIDATES = 5000;

/**
 * One page of the list, run as a live query (it re-runs whenever what it read changes, in the
 * renderer the side panel shares, so it stays small however large the desk). Each view is served
 * by an index: a search by the search index, a stage by `[pipelineId+stageId]`, an owner by
 * `ownerId` (each read up to a cap, then filtered and sorted), and otherwise the sort's own index
 * (`updatedAt`, or `number`, which is also creation order) walked only as far as the page needs.
 */
export async function loadTickets(db: SidedeskDatabase, view: TicketsView, shown: number): Promise<TicketsModel> {
  const settings = await readSettings(db);
  const me = view.owner === 'me' ? await browserAccounts(db) : [];
  const context = { settings, me, now: Date.now() };
  const wanted = (t: Ticket) => inView(t, view, context);
  let candidates: Ticket[] | null = null;
  let truncated = false;
  const pairs = stagePairs(view.stage, settings);
  if (view.q.trim()) {
    const found = await findTickets(db, view.q, SEARCH_CANDIDATES);
    candidates = found.tickets;
    truncated = found.truncated;
  } else if (view.owner && view.owner !== 'unassigned') {
    const owners = view.owner === 'me' ? me : [view.owner];
    candidates = owners.length
      ? await db.tickets
          .where('ownerId')
          .anyOf(owners)
          .limit(FILTER_CANDIDATES + 1)
          .toArray()
      : [];
  } else if (pairs) {
    candidates = pairs.length
      ? await db.tickets
          .where('[pipelineId+stageId]')
          .anyOf(pairs)
          .limit(FILTER_CANDIDATES + 1)
          .toArray()
      : [];
  }
  let page: Ticket[];
  if (candidates) {
    if (candidates.length > FILTER_CANDIDATES) truncated = true;
    page = candidates
      .slice(0, FILTER_CANDIDATES)
      .filter(wanted)
      .sort(compareBy(view.sort))
      .slice(0, shown + 1);
  } else {
    // Unfiltered, or only "unassigned" (null is not in an index): the sort's index, newest first,
    // read until the page is full.
    page = await db.tickets
      .orderBy(view.sort === 'updated' ? 'updatedAt' : 'number')
      .reverse()
      .filter(wanted)
      .limit(shown + 1)
      .toArray();
  }
  const tickets = page.slice(0, shown);
  const linked = await db.conversations
    .where('ticketId')
    .anyOf(tickets.map((t) => t.id))
    .toArray();
  const emails = [...new Set(tickets.map((t) => t.contactEmail).filter((e): e is string => e !== null))];
  const contacts = await db.contacts.bulkGet(emails);
  const contactNames = new Map(contacts.filter((c) => c?.name).map((c) => [c!.email, c!.name]));
  return { tickets, settings, linked, contactNames, more: page.length > shown, truncated };
}
