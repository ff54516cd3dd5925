import Dexie from 'dexie';
import type { Pipeline, Settings, Stage, Ticket } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { browserAccounts } from '@/store/accounts';
import { findTickets, SEARCH_CANDIDATES } from '@/store/search-index';
import { conversationsOf } from '@/store/conversations-of';
import { stageCountKey, sumCounts } from '@/store/ticket-counts';
import { readSettings } from '@/store/settings';
import { FILTER_CANDIDATES } from './model';
import { compareBy, dayRange, FILTERS, inView, stagePairs, type TicketsView } from './view';

/** How many cards a column shows first, and how many more each time it is scrolled to its end. */
export const BOARD_PAGE = 25;
/** How many of a stage's most recent tickets a filter no index serves looks at, per column. */
export const COLUMN_SCAN = 2000;

/** One stage of the board: its first cards, newest change first, and how many the view holds. */
export interface BoardColumn {
  stage: Stage;
  tickets: Ticket[];
  /** The column's tickets in the view: all of them when `exact`, else a floor (a filter looked at
   * the stage's COLUMN_SCAN most recent tickets only, or a search or owner past its cap). */
  count: number;
  exact: boolean;
  /** More cards than shown: the column's end offers the next page. */
  more: boolean;
}

export interface BoardModel {
  settings: Settings;
  /** The pipeline shown: the view's, the one its stage filter names, or the first. */
  pipeline: Pipeline;
  columns: BoardColumn[];
  /** The shown cards' conversations, by ticket: how many, and how many are open. */
  conversations: Map<string, { all: number; open: number }>;
  /** The shown cards' contacts' names, by address. */
  contactNames: Map<string, string>;
  /** The accounts this browser reads mail as: who moves a card. */
  me: string[];
  /** The search matched more tickets than were read: the newest matches are shown. */
  truncated: boolean;
}

/** The pipeline a board shows: the board is one pipeline's stages. */
export function boardPipeline(view: TicketsView, settings: Settings): Pipeline {
  const named = view.pipeline || (view.stage.includes(':') ? view.stage.split(':')[0]! : '');
  return settings.pipelines.find((p) => p.id === named) ?? settings.pipelines[0]!;
}

/** Whether the view narrows the tickets beyond which columns show (search, owner, dates, …). */
export function narrowsCards(view: TicketsView): boolean {
  return view.q.trim() !== '' || FILTERS.some((k) => k !== 'stage' && k !== 'pipeline' && view[k] !== '');
}

type Found = { tickets: Ticket[]; truncated: boolean };

/**
 * The board of `view`: one column per stage of its pipeline, each with its first `perColumn[stage id]`
 * cards (BOARD_PAGE when not given) in last-change order, newest first, and its count. A stage
 * filter keeps only its columns (an agent who asks for open tickets sees the open stages). Each
 * read is indexed and bounded, so a board over 100,000 tickets opens as fast as over 1,000:
 * - no search and no other filter: each column is a reverse walk of `[pipelineId+stageId+updatedAt]`
 *   reading only the cards it shows (and one more, to know whether there are more), counted
 *   exactly by the stage's count kept with every write (one key);
 * - a search, a contact or an owner: their own index (the search's words, `contactEmail`,
 *   `ownerId`) read once up to its cap, then split into columns; exact while under the cap;
 * - any other filter (priority, category, unassigned, dates, closed lately), or an owner or contact
 *   past the cap: each column reads its COLUMN_SCAN most recent tickets from
 *   `[pipelineId+stageId+updatedAt]` (narrowed to a last-change range when one is set) and
 *   counts the matches among them, saying when the stage holds more than were read.
 * Then the shown cards' conversations (`ticketId`) and contacts (by key), for those cards only.
 */
export async function loadBoard(db: SidedeskDatabase, view: TicketsView, perColumn: Readonly<Record<string, number>>): Promise<BoardModel> {
  const settings = await readSettings(db);
  const me = await browserAccounts(db);
  const pipeline = boardPipeline(view, settings);
  const stages = pipeline.stages.filter((s) => stagePairs(view.stage, settings, pipeline.id)!.some(([, id]) => id === s.id));
  const shown = (stage: Stage) => Math.max(1, perColumn[stage.id] ?? BOARD_PAGE);
  const boardView: TicketsView = { ...view, pipeline: pipeline.id };
  const wanted = (t: Ticket) => inView(t, boardView, { settings, me, now: Date.now() });
  const byUpdate = compareBy('updated');

  let columns: BoardColumn[];
  let truncated = false;
  if (!narrowsCards(view)) {
    columns = await Promise.all(
      stages.map(async (stage) => {
        const [read, count] = await Promise.all([
          columnIndex(db, pipeline.id, stage.id)
            .reverse()
            .limit(shown(stage) + 1)
            .toArray(),
          sumCounts(db, [stageCountKey(pipeline.id, stage.id)]),
        ]);
        const tickets = read.slice(0, shown(stage));
        return { stage, tickets, count, exact: true, more: read.length > tickets.length };
      }),
    );
  } else {
    const candidates = await readCandidates(db, view, me);
    truncated = view.q.trim() !== '' && !!candidates?.truncated;
    if (candidates && (!candidates.truncated || view.q.trim())) {
      const matches = candidates.tickets.filter(wanted);
      columns = stages.map((stage) => {
        const all = matches.filter((t) => t.stageId === stage.id).sort(byUpdate);
        const tickets = all.slice(0, shown(stage));
        return { stage, tickets, count: all.length, exact: !candidates.truncated, more: all.length > tickets.length };
      });
    } else {
      const updated = dayRange(view.updatedFrom, view.updatedTo);
      columns = await Promise.all(
        stages.map(async (stage) => {
          const read = await columnIndex(db, pipeline.id, stage.id, updated)
            .reverse()
            .limit(COLUMN_SCAN + 1)
            .toArray();
          const all = read.slice(0, COLUMN_SCAN).filter(wanted);
          const tickets = all.slice(0, shown(stage));
          return { stage, tickets, count: all.length, exact: read.length <= COLUMN_SCAN, more: all.length > tickets.length };
        }),
      );
    }
  }

  const cards = columns.flatMap((c) => c.tickets);
  const linked = await conversationsOf(
    db,
    cards.map((t) => t.id),
  );
  const conversations = new Map<string, { all: number; open: number }>();
  for (const c of linked) {
    const n = conversations.get(c.ticketId!) ?? { all: 0, open: 0 };
    conversations.set(c.ticketId!, { all: n.all + 1, open: n.open + (c.state === 'open' ? 1 : 0) });
  }
  const emails = [...new Set(cards.map((t) => t.contactEmail).filter((e): e is string => e !== null))];
  const contacts = await db.contacts.bulkGet(emails);
  const contactNames = new Map(contacts.filter((c) => c?.name).map((c) => [c!.email, c!.name]));
  return { settings, pipeline, columns, conversations, contactNames, me, truncated };
}

/** A stage's tickets in last-change order (oldest first), within `updated` when given. */
function columnIndex(db: SidedeskDatabase, pipelineId: string, stageId: string, updated: [number, number] | null = null) {
  const [from, to] = updated ?? [Dexie.minKey, Dexie.maxKey];
  return db.tickets.where('[pipelineId+stageId+updatedAt]').between([pipelineId, stageId, from], [pipelineId, stageId, to], true, true);
}

/** The tickets a selective index finds for the whole board (a search, a contact, an owner), read
 * up to its cap; null when the view has none of them. */
async function readCandidates(db: SidedeskDatabase, view: TicketsView, me: string[]): Promise<Found | null> {
  const capped = (tickets: Ticket[]): Found => ({
    tickets: tickets.slice(0, FILTER_CANDIDATES),
    truncated: tickets.length > FILTER_CANDIDATES,
  });
  if (view.q.trim()) {
    const found = await findTickets(db, view.q, { limit: SEARCH_CANDIDATES + 1 });
    return { tickets: found.tickets.slice(0, SEARCH_CANDIDATES), truncated: found.truncated || found.tickets.length > SEARCH_CANDIDATES };
  }
  if (view.contact)
    return capped(
      await db.tickets
        .where('contactEmail')
        .equals(view.contact)
        .limit(FILTER_CANDIDATES + 1)
        .toArray(),
    );
  if (view.owner && view.owner !== 'unassigned') {
    const owners = view.owner === 'me' ? me : [view.owner];
    if (owners.length === 0) return { tickets: [], truncated: false };
    return capped(
      await db.tickets
        .where('ownerId')
        .anyOf(owners)
        .limit(FILTER_CANDIDATES + 1)
        .toArray(),
    );
  }
  return null;
}
