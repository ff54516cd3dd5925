import Dexie, { type Collection, type InsertType } from 'dexie';
import { SYSTEM_ACTOR, type Conversation, type Settings, type Ticket } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { findTickets, SEARCH_CANDIDATES } from '@/store/search-index';
import { browserAccounts } from '@/store/accounts';
import { conversationsOf } from '@/store/conversations-of';
import { readSettings } from '@/store/settings';
import { compareBy, dayRange, inView, PRIORITY_RANK, stagePairs, type TicketsView } from './view';

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
  /** Who acts from this page: the first account this browser has read mail as. */
  actor: string;
  /** The free properties of the shown tickets, offered as columns. */
  properties: string[];
}

/** How many tickets a filter reads at most from its index before it sorts them. */
export const FILTER_CANDIDATES = 5000;
/** How many tickets a walk in the sort's order looks at, at most, for a filter no index serves. */
export const WALK_LIMIT = 20_000;

/** The tickets in `view`, `need` of them in its order, and whether more matched than were read. */
export interface Matches {
  tickets: Ticket[];
  truncated: boolean;
}

type Wanted = (t: Ticket) => boolean;
type Tickets = Collection<Ticket, string, InsertType<Ticket, 'id'>>;

/** Reads `collection` (already in the order wanted) until `need` tickets pass, looking at no more
 * than WALK_LIMIT: bounded however selective the filter. */
async function walk(collection: Tickets, wanted: Wanted, need: number): Promise<Matches> {
  let seen = 0;
  const tickets = await collection
    .until(() => ++seen > WALK_LIMIT)
    .filter(wanted)
    .limit(need)
    .toArray();
  return { tickets, truncated: seen > WALK_LIMIT };
}

/** Candidates read from an index up to FILTER_CANDIDATES, then filtered and sorted in memory. */
async function sortCandidates(read: (cap: number) => Promise<Ticket[]>, view: TicketsView, wanted: Wanted, need: number): Promise<Matches> {
  const candidates = await read(FILTER_CANDIDATES + 1);
  return {
    tickets: candidates.slice(0, FILTER_CANDIDATES).filter(wanted).sort(compareBy(view.sort)).slice(0, need),
    truncated: candidates.length > FILTER_CANDIDATES,
  };
}

/** Walks each collection (each newest first) as far as `need` passing tickets, and merges them
 * into the newest `need`: exact, however many each holds. */
async function walkEachNewest(collections: Tickets[], wanted: Wanted, need: number): Promise<Matches> {
  const walks = await Promise.all(collections.map((c) => walk(c, wanted, need)));
  return {
    tickets: walks
      .flatMap((w) => w.tickets)
      .sort(compareBy('updated'))
      .slice(0, need),
    truncated: walks.some((w) => w.truncated),
  };
}

/**
 * The first `need` tickets of a view, in its order. Each view is served by an index, bounded:
 * a search by the search index; a contact by `contactEmail`; an owner by `ownerId`; stages sorted
 * by last change by walking `[pipelineId+stageId+updatedAt]` of each stage, newest first, exact
 * however many match; an owner sorted by last change by walking `[ownerId+updatedAt]` the same
 * way; stages in another order by `[pipelineId+stageId]`; a priority by
 * `[priority+updatedAt]`; a date range by `updatedAt` or `createdAt` (each read up to
 * FILTER_CANDIDATES, then filtered and sorted); otherwise the sort's own index walked only as far
 * as the page needs (the priority sort walks each priority in turn).
 */
export async function findInView(
  db: SidedeskDatabase,
  view: TicketsView,
  settingsRead: Settings | Promise<Settings>,
  need: number,
  accounts?: string[] | Promise<string[]>,
): Promise<Matches> {
  const now = Date.now();
  // The filter needs the settings (and "me" the accounts): a search reads its index meanwhile.
  const filter = Promise.all([settingsRead, view.owner === 'me' ? (accounts ?? browserAccounts(db)) : []]).then(([settings, me]) => ({
    settings,
    me,
    wanted: (t: Ticket) => inView(t, view, { settings, me, now }),
  }));
  if (view.q.trim()) {
    const wanted = filter.then((f) => f.wanted);
    // The search walks its matches newest first: in that order it reads only as far as the page;
    // in another, the newest SEARCH_CANDIDATES are sorted.
    if (view.sort === 'updated') return findTickets(db, view.q, { limit: need, wanted });
    const found = await findTickets(db, view.q, { limit: SEARCH_CANDIDATES + 1, wanted });
    return {
      tickets: found.tickets.slice(0, SEARCH_CANDIDATES).sort(compareBy(view.sort)).slice(0, need),
      truncated: found.truncated || found.tickets.length > SEARCH_CANDIDATES,
    };
  }
  const { settings, me, wanted } = await filter;
  const pairs = stagePairs(view.stage, settings, view.pipeline);
  const updated = dayRange(view.updatedFrom, view.updatedTo);
  const created = dayRange(view.createdFrom, view.createdTo);
  const t = db.tickets;
  if (view.contact) return sortCandidates((cap) => t.where('contactEmail').equals(view.contact).limit(cap).toArray(), view, wanted, need);
  if (view.owner && view.owner !== 'unassigned') {
    const owners = view.owner === 'me' ? me : [view.owner];
    if (owners.length === 0) return { tickets: [], truncated: false };
    if (view.sort === 'updated') {
      // Each owner's tickets newest first, only as far as the page: exact, however many they own.
      return walkEachNewest(
        owners.map((o) => t.where('[ownerId+updatedAt]').between([o, Dexie.minKey], [o, Dexie.maxKey]).reverse()),
        wanted,
        need,
      );
    }
    return sortCandidates((cap) => t.where('ownerId').anyOf(owners).limit(cap).toArray(), view, wanted, need);
  }
  if (pairs && pairs.length === 0) return { tickets: [], truncated: false };
  if (pairs && view.sort === 'updated') {
    return walkEachNewest(
      pairs.map(([p, s]) => t.where('[pipelineId+stageId+updatedAt]').between([p, s, Dexie.minKey], [p, s, Dexie.maxKey]).reverse()),
      wanted,
      need,
    );
  }
  if (pairs) return sortCandidates((cap) => t.where('[pipelineId+stageId]').anyOf(pairs).limit(cap).toArray(), view, wanted, need);
  if (view.priority) {
    const read = (cap: number) =>
      t.where('[priority+updatedAt]').between([view.priority, Dexie.minKey], [view.priority, Dexie.maxKey]).reverse().limit(cap).toArray();
    return view.sort === 'updated' || view.sort === 'priority'
      ? walk(asCollection(db, view.priority), wanted, need)
      : sortCandidates(read, view, wanted, need);
  }
  if (updated)
    return sortCandidates(
      (cap) => t.where('updatedAt').between(updated[0], updated[1], true, true).limit(cap).toArray(),
      view,
      wanted,
      need,
    );
  if (created)
    return sortCandidates(
      (cap) => t.where('createdAt').between(created[0], created[1], true, true).limit(cap).toArray(),
      view,
      wanted,
      need,
    );
  // Unfiltered, or filtered only where no index helps (unassigned, a category, closed lately): the
  // sort's own index, read until the page is full.
  switch (view.sort) {
    case 'updated':
      return walk(t.orderBy('updatedAt').reverse(), wanted, need);
    case 'created':
    case 'number':
      return walk(t.orderBy('number').reverse(), wanted, need);
    case 'priority': {
      const found: Ticket[] = [];
      let truncated = false;
      for (const priority of Object.keys(PRIORITY_RANK)) {
        if (found.length >= need) break;
        const next = await walk(asCollection(db, priority), wanted, need - found.length);
        found.push(...next.tickets);
        truncated ||= next.truncated;
      }
      return { tickets: found, truncated };
    }
    case 'name':
      // No index orders names as people read them (case and accents aside): the most recent
      // FILTER_CANDIDATES are sorted, and the page says so when the desk holds more.
      return sortCandidates((cap) => t.orderBy('updatedAt').reverse().limit(cap).toArray(), view, wanted, need);
  }
}

/** One priority's tickets, most recently changed first. */
function asCollection(db: SidedeskDatabase, priority: string): Tickets {
  return db.tickets.where('[priority+updatedAt]').between([priority, Dexie.minKey], [priority, Dexie.maxKey]).reverse();
}

/**
 * One page of the list, run as a live query (it re-runs whenever what it read changes, in the
 * renderer the side panel shares, so it stays small however large the desk): the tickets, their
 * conversations and their contacts' names, for the shown rows only.
 */
export async function loadTickets(db: SidedeskDatabase, view: TicketsView, shown: number): Promise<TicketsModel> {
  // Independent reads side by side: a keystroke waits for as few round trips as it can. The
  // accounts are looked for while the search runs, unless the view needs them ("me").
  const accounts = browserAccounts(db);
  const settingsRead = readSettings(db);
  const { tickets: page, truncated } = await findInView(db, view, settingsRead, shown + 1, accounts);
  const settings = await settingsRead;
  const tickets = page.slice(0, shown);
  const emails = [...new Set(tickets.map((t) => t.contactEmail).filter((e): e is string => e !== null))];
  const [linked, contacts, actors] = await Promise.all([
    conversationsOf(
      db,
      tickets.map((t) => t.id),
    ),
    db.contacts.bulkGet(emails),
    accounts,
  ]);
  const contactNames = new Map(contacts.filter((c) => c?.name).map((c) => [c!.email, c!.name]));
  const actor = actors[0] ?? SYSTEM_ACTOR;
  const properties = [...new Set(tickets.flatMap((t) => Object.keys(t.properties)))].sort();
  return { tickets, settings, linked, contactNames, more: page.length > shown, truncated, actor, properties };
}

/** How many tickets a bulk action takes at most: "select all matching" reads this many. */
export const BULK_MAX = FILTER_CANDIDATES;

/** Every ticket of the view, up to BULK_MAX, for "select all matching". */
export async function matchingIds(db: SidedeskDatabase, view: TicketsView): Promise<{ ids: string[]; truncated: boolean }> {
  const found = await findInView(db, view, readSettings(db), BULK_MAX + 1);
  return { ids: found.tickets.slice(0, BULK_MAX).map((t) => t.id), truncated: found.truncated || found.tickets.length > BULK_MAX };
}

/** The selected tickets as stored now, with their conversations counted (all, and open), for the
 * confirmation to name what a bulk action takes and the commands to carry the current revisions. */
export async function readSelected(db: SidedeskDatabase, ids: readonly string[]) {
  return db.transaction('r', [db.tickets, db.conversations], async () => {
    const tickets = (await db.tickets.bulkGet([...ids])).filter((t): t is Ticket => t !== undefined);
    const conversations = await db.conversations
      .where('ticketId')
      .anyOf(tickets.map((t) => t.id))
      .toArray();
    const all = new Map<string, number>();
    const open = new Map<string, number>();
    for (const c of conversations) {
      all.set(c.ticketId!, (all.get(c.ticketId!) ?? 0) + 1);
      if (c.state === 'open') open.set(c.ticketId!, (open.get(c.ticketId!) ?? 0) + 1);
    }
    return { tickets, all, open };
  });
}
