import { ticketLabel, type Settings, type TrashGroup } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';

/** Groups shown at a time, newest first. */
export const TRASH_PAGE = 25;

/** How many of the newest groups a search reads. The trash is indexed only by time and by the
 * records it holds (no words), and it stays small next to the desk, so a text filter over a
 * bounded window of the newest groups serves it; the page says when older ones were not read. */
export const SEARCH_WINDOW = 500;

export interface TrashQuery {
  /** What the agent typed; empty lists everything. */
  text: string;
  /** How many groups to show. */
  shown: number;
  /** A group the address names (`trash.html#<id>`): the page reaches at least as far as it. */
  target: string | null;
}

export interface TrashModel {
  groups: TrashGroup[];
  settings: Settings;
  /** More groups (or matches) past those shown. */
  more: boolean;
  /** A search read only the newest SEARCH_WINDOW groups, and older ones exist. */
  windowed: boolean;
}

/** A ticket number as typed: `T-0042`, `t42`, `#42` or `42`. */
function numberOf(text: string): number | null {
  const m = /^(?:t-?|#)?0*(\d{1,9})$/i.exec(text);
  return m ? Number(m[1]) : null;
}

/** Whether a group matches what was typed: its ticket's number, or every word found in its
 * ticket's name, its contact (address or name), or a conversation's subject. */
export function trashMatches(group: TrashGroup, text: string): boolean {
  const query = text.trim().toLocaleLowerCase();
  if (!query) return true;
  const ticket = group.tickets[0];
  const n = numberOf(query);
  if (ticket && n !== null && ticket.number === n) return true;
  const contacts = new Set([ticket?.contactEmail, ...group.conversations.map((c) => c.contactEmail)].filter((e) => !!e));
  const haystack = [
    ticket ? `${ticketLabel(ticket)} ${ticket.name}` : '',
    ...contacts,
    ...group.conversations.flatMap((c) => [c.subject, ...c.participants.filter((p) => contacts.has(p.email)).map((p) => p.name)]),
  ]
    .join('\n')
    .toLocaleLowerCase();
  return query.split(/\s+/).every((word) => haystack.includes(word));
}

/** The trash page's data: the newest groups (matching the search), a page at a time. */
export async function loadTrash(db: SidedeskDatabase, query: TrashQuery): Promise<TrashModel> {
  const settings = await readSettings(db);
  let shown = query.shown;
  if (query.target) {
    // A link to an older group: show every group down to it (a count over the time index).
    const target = await db.trash.get(query.target);
    if (target) shown = Math.max(shown, await db.trash.where('trashedAt').aboveOrEqual(target.trashedAt).count());
  }
  const newest = db.trash.orderBy('trashedAt').reverse();
  if (!query.text.trim()) {
    const page = await newest.limit(shown + 1).toArray();
    return { groups: page.slice(0, shown), settings, more: page.length > shown, windowed: false };
  }
  const window = await newest.limit(SEARCH_WINDOW + 1).toArray();
  const matches = window.slice(0, SEARCH_WINDOW).filter((g) => trashMatches(g, query.text));
  return { groups: matches.slice(0, shown), settings, more: matches.length > shown, windowed: window.length > SEARCH_WINDOW };
}
