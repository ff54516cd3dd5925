import { parseSearch, ticketSearchWords, type Snapshot, type Ticket, type Writes } from '@/domain';
import type { SearchKey, SidedeskDatabase, TicketWordsRecord } from './database';

/** How many matches a search reads at most when it cannot walk them newest first (a prefix that
 * starts more than MAX_MERGED_WORDS different words, "a"): the page says to type more. */
export const SEARCH_CANDIDATES = 2000;
/** How many different words a prefix may start for its matches to be walked newest first, one
 * walk per word merged: past it, SEARCH_CANDIDATES of them are read in the index's word order. */
export const MAX_MERGED_WORDS = 24;
/** How many entries of a term are read at once before it is walked word by word instead. */
export const DIRECT_READ = 200;
/** How many index entries a search walks at most looking for tickets that pass a filter. */
export const SEARCH_WALK_LIMIT = 20_000;

/** The records a command read before it decided, in its own transaction (its snapshot). */
export type RecordsBefore = Pick<Snapshot, 'conversations' | 'contacts'>;

/** A ticket's own fields its words are made of (with its contact's name and its conversations' subjects). */
const OWN_WORD_FIELDS = ['name', 'description', 'category', 'contactEmail'] as const;

/** What a decision does to the search index. */
export interface SearchChanges {
  /** Tickets whose words may have changed: rebuilt from what is stored (`refreshSearch`). */
  recompute: Set<string>;
  /** Tickets whose words cannot have changed but whose row's key (last change, number) did: their
   * row moves with the words it holds (`moveSearchRows`), without reading their conversations. */
  moved: Set<string>;
}

/**
 * The tickets whose words or row a decision changes, from the tickets as they were (`before`,
 * read in the writing transaction) and the records the command read before deciding (`read`):
 * a ticket's words change with its own word fields, a conversation's subject or link, or its
 * contact's name. Without `read`, every conversation and contact put counts as changed.
 */
export async function searchChangesOf(
  db: SidedeskDatabase,
  w: Writes,
  before: ReadonlyMap<string, Ticket>,
  read?: RecordsBefore,
): Promise<SearchChanges> {
  const recompute = new Set<string>(w.deleteTickets);
  const moved = new Set<string>();
  for (const t of w.putTickets) {
    const was = before.get(t.id);
    if (!was || OWN_WORD_FIELDS.some((field) => was[field] !== t[field])) recompute.add(t.id);
    else if (was.updatedAt !== t.updatedAt || was.number !== t.number) moved.add(t.id);
  }
  for (const c of w.putConversations) {
    const was = read?.conversations.get(c.id);
    if (c.ticketId && !(was && was.ticketId === c.ticketId && was.subject === c.subject)) recompute.add(c.ticketId);
  }
  for (const contact of w.putContacts) {
    if (read?.contacts.get(contact.email)?.name === contact.name) continue;
    // A contact's tickets, through their index; a rename of a contact with thousands is rare.
    for (const id of await db.tickets.where('contactEmail').equals(contact.email).primaryKeys()) recompute.add(id);
  }
  for (const id of recompute) moved.delete(id);
  return { recompute, moved };
}

/** A ticket's row of the index: its words, keyed by its last change and number so that every
 * word's entries come newest first, in the tickets page's own order. */
export function wordsRow(ticket: Ticket, words: string[]): TicketWordsRecord {
  return { order: -ticket.updatedAt, rank: -ticket.number, ticketId: ticket.id, words };
}

/** Recomputes the words of `ticketIds` from what is stored now (inside the writing transaction). */
export async function refreshSearch(db: SidedeskDatabase, ticketIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return;
  const tickets = await db.tickets.bulkGet(ids);
  const live = tickets.filter((t): t is Ticket => t !== undefined);
  const conversations = await db.conversations
    .where('ticketId')
    .anyOf(live.map((t) => t.id))
    .toArray();
  const contacts = await db.contacts.bulkGet(live.map((t) => t.contactEmail ?? ''));
  const rows = live.map((t, i) =>
    wordsRow(
      t,
      ticketSearchWords(
        t,
        contacts[i],
        conversations.filter((c) => c.ticketId === t.id).map((c) => c.subject),
      ),
    ),
  );
  // A row's key moves with the ticket's last change: the old one is found by its ticket.
  await db.ticketWords.where('ticketId').anyOf(ids).delete();
  await db.ticketWords.bulkPut(rows);
}

/** Moves the rows of `ticketIds`, whose words are unchanged, to their tickets' keys as stored now
 * (inside the writing transaction); a ticket without a row has its words computed instead. */
export async function moveSearchRows(db: SidedeskDatabase, ticketIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return;
  const [tickets, rows] = await Promise.all([db.tickets.bulkGet(ids), db.ticketWords.where('ticketId').anyOf(ids).toArray()]);
  const words = new Map(rows.map((row) => [row.ticketId, row.words]));
  await db.ticketWords.bulkDelete(rows.map((row): SearchKey => [row.order, row.rank]));
  await db.ticketWords.bulkPut(
    tickets.filter((t): t is Ticket => t !== undefined && words.has(t.id)).map((t) => wordsRow(t, words.get(t.id)!)),
  );
  const rowless = ids.filter((id) => !words.has(id));
  await refreshSearch(db, rowless);
}

export interface FoundTickets {
  tickets: Ticket[];
  /** More may match than were looked at: the agent should type more (or narrow the view). */
  truncated: boolean;
}

export interface SearchOptions {
  /** How many tickets to find at most. */
  limit?: number;
  /** Only tickets that pass (the page's other filters), looked for as the walk goes. May still be
   * being read (the page's settings): the index is read meanwhile, and it is awaited only when the
   * first tickets are in hand. */
  wanted?: ((t: Ticket) => boolean) | Promise<(t: Ticket) => boolean>;
  /** How many index entries to walk at most (SEARCH_WALK_LIMIT). */
  walkLimit?: number;
}

/** Newest first: the tickets page's "last change" order (then the highest number), which is the
 * keys' ascending order. */
const newer = (a: SearchKey, b: SearchKey) => a[0] - b[0] || a[1] - b[1];

const keyOf = (row: TicketWordsRecord): SearchKey => [row.order, row.rank];

/** Rows of the index, newest first, a chunk at a time. */
interface RowSource {
  next(n: number): Promise<TicketWordsRecord[]>;
}

/** The rows of `keys`, read by key in one request each, side by side (not a cursor stepped along). */
async function rowsAt(db: SidedeskDatabase, keys: SearchKey[]): Promise<TicketWordsRecord[]> {
  return (await db.ticketWords.bulkGet(keys)).filter((row): row is TicketWordsRecord => row !== undefined);
}

/** The different words the index holds under `prefix`, found by seeking from one to the next (a
 * request each, however many tickets have them); null when there are more than `cap`. Not a
 * cursor asked for unique keys: Chrome steps that one through every entry of every word. */
async function wordsUnder(db: SidedeskDatabase, prefix: string, cap: number): Promise<string[] | null> {
  const words: string[] = [];
  const upper = `${prefix}\uffff`;
  let from = prefix;
  for (;;) {
    const [word] = (await db.ticketWords
      .where('words')
      .between(from, upper, words.length === 0, false)
      .limit(1)
      .keys()) as string[];
    if (word === undefined) return words;
    if (words.length === cap) return null;
    words.push(word);
    from = word;
  }
}

/** Up to this many words are walked reading their rows whole (a word and its plural, say): each
 * chunk comes with its rows, no second request. More are walked by key, and only the merged
 * page's rows read. */
const WHOLE_ROWS_WORDS = 4;

/** An entry of the index, with its row when the walk read rows. */
interface Entry {
  key: SearchKey;
  row?: TicketWordsRecord;
}

/** One word's entries, newest first: the index holds each word's entries in key order. */
class WordWalk {
  private buffer: Entry[] = [];
  private read = 0;
  done = false;
  constructor(
    private readonly db: SidedeskDatabase,
    private readonly word: string,
    private readonly whole: boolean,
  ) {}
  get head(): SearchKey | undefined {
    return this.buffer[0]?.key;
  }
  shift(): Entry | undefined {
    return this.buffer.shift();
  }
  /** Holds at least `n` entries, unless the word has no more. */
  async fill(n: number): Promise<void> {
    if (this.done || this.buffer.length >= n) return;
    const want = n - this.buffer.length;
    // From the word's first entry again, in one request (getAll with a count), rather than a
    // cursor stepped past what was read: a walk rarely needs more than its first chunk.
    const entries = this.db.ticketWords
      .where('words')
      .equals(this.word)
      .limit(this.read + want);
    const got: Entry[] = this.whole
      ? (await entries.toArray()).map((row) => ({ key: keyOf(row), row }))
      : ((await entries.primaryKeys()) as SearchKey[]).map((key) => ({ key }));
    this.buffer.push(...got.slice(this.read));
    if (got.length < this.read + want) this.done = true;
    this.read = got.length;
  }
}

/** Every word's walk merged, newest first, each ticket once (a ticket having two of the words is
 * in both walks, at the same key). Exact: the n newest of all of them, however many match. */
function mergedWalks(db: SidedeskDatabase, words: readonly string[]): RowSource {
  const whole = words.length <= WHOLE_ROWS_WORDS;
  const walks = words.map((w) => new WordWalk(db, w, whole));
  let last: SearchKey | undefined;
  return {
    async next(n) {
      // Each walk holding n (or all it has), the n newest overall are among what is held.
      await Promise.all(walks.map((w) => w.fill(n)));
      const out: Entry[] = [];
      while (out.length < n) {
        let best: WordWalk | undefined;
        for (const w of walks) if (w.head && (!best || newer(w.head, best.head!) < 0)) best = w;
        if (!best) break;
        const entry = best.shift()!;
        if (last && newer(entry.key, last) === 0) continue;
        last = entry.key;
        out.push(entry);
      }
      return whole
        ? out.map((e) => e.row!)
        : rowsAt(
            db,
            out.map((e) => e.key),
          );
    },
  };
}

/** Keys already read and sorted, their rows read a chunk at a time. */
function listedKeys(db: SidedeskDatabase, keys: SearchKey[]): RowSource {
  let at = 0;
  return { next: (n) => rowsAt(db, keys.slice(at, (at += n))) };
}

/** Rows already read and sorted, handed out a chunk at a time. */
function listedRows(rows: TicketWordsRecord[]): RowSource {
  let at = 0;
  return { next: async (n) => rows.slice(at, (at += n)) };
}

/** A term's rows when it starts at most `cap` entries, read whole in one request (the rows, not
 * only their keys: a name or an address costs no second request), each ticket once, newest
 * first; null when it starts more. */
async function rowsUnder(db: SidedeskDatabase, term: string, cap: number): Promise<TicketWordsRecord[] | null> {
  const read = await db.ticketWords
    .where('words')
    .startsWith(term)
    .limit(cap + 1)
    .toArray();
  if (read.length > cap) return null;
  return [...new Map(read.map((row) => [row.rank, row])).values()].sort((a, b) => newer(keyOf(a), keyOf(b)));
}

/** A term's first `cap` entries in the index's order (by word, then newest first), one request,
 * each ticket once and newest first; `cut` when it starts more. */
async function entriesUnder(db: SidedeskDatabase, term: string, cap: number): Promise<{ keys: SearchKey[]; cut: boolean }> {
  const read = (await db.ticketWords
    .where('words')
    .startsWith(term)
    .limit(cap + 1)
    .primaryKeys()) as SearchKey[];
  const keys = [...new Map(read.map((k) => [k[1], k])).values()].slice(0, cap).sort(newer);
  return { keys, cut: read.length > cap };
}

/** The entries of the tickets having a word that starts with each of `terms`, newest first, and
 * the terms still to check on each (those its source does not ensure). */
async function sourceFor(db: SidedeskDatabase, terms: readonly string[]): Promise<{ source: RowSource; check: string[]; cut: boolean }> {
  // The longest term is likely the most selective: it opens the index.
  const byLength = [...terms].sort((a, b) => b.length - a.length);
  const longest = byLength[0]!;
  const others = (term: string) => terms.filter((t) => t !== term);
  // Most terms start few entries (a name, an address): read them all at once and sort them. The
  // words it starts are asked for meanwhile, in case it starts more.
  const [direct, longestWords] = await Promise.all([rowsUnder(db, longest, DIRECT_READ), wordsUnder(db, longest, MAX_MERGED_WORDS)]);
  if (direct) return { source: listedRows(direct), check: others(longest), cut: false };
  // More: each word the term starts walked newest first, if it starts few enough different
  // words; otherwise the next longest term's.
  for (const term of byLength) {
    const words = term === longest ? longestWords : await wordsUnder(db, term, MAX_MERGED_WORDS);
    if (words) return { source: mergedWalks(db, words), check: others(term), cut: false };
  }
  // Every term starts too many words ("a b"): SEARCH_CANDIDATES of the longest's entries, in the
  // index's word order, sorted. The page says there may be more.
  const read = await entriesUnder(db, longest, SEARCH_CANDIDATES);
  return { source: listedKeys(db, read.keys), check: others(longest), cut: read.cut };
}

/**
 * The tickets a search finds, most recently changed first: the ticket with that number, then those
 * having a word that starts with each term. Served by the `number` index and the `*words` index,
 * whose entries of one word come newest first: one term's words (the longest term's, or the next
 * if it starts more than MAX_MERGED_WORDS) are walked together, newest first, only as far as
 * `limit` tickets that have the other terms and pass `wanted`, looking at no more than
 * SEARCH_WALK_LIMIT entries; the walked rows and their tickets are read by key. Exact however many match, except when every term starts too many
 * words, or the walk ends at its limit: then `truncated`.
 */
export async function findTickets(db: SidedeskDatabase, text: string, options: SearchOptions = {}): Promise<FoundTickets> {
  const { limit = 100, walkLimit = SEARCH_WALK_LIMIT } = options;
  const query = parseSearch(text);
  // The number, the index and the filter (which may still be being read) side by side.
  const [byNumber, wanted = () => true, sourced] = await Promise.all([
    query.number === null ? undefined : db.tickets.where('number').equals(query.number).first(),
    options.wanted,
    query.terms.length === 0 ? undefined : sourceFor(db, query.terms),
  ]);
  const found = byNumber && wanted(byNumber) ? [byNumber] : [];
  if (!sourced) return { tickets: found.slice(0, limit), truncated: false };
  const { source, check, cut } = sourced;
  let walked = 0;
  let chunk = Math.min(Math.max(limit, 20), 500, walkLimit);
  while (found.length < limit) {
    const read = await source.next(chunk);
    if (read.length === 0) return { tickets: found, truncated: cut };
    walked += read.length;
    const rows = read.filter((row) => check.every((term) => row.words.some((w) => w.startsWith(term))));
    // The tickets by their keys: one request each, side by side, not a cursor stepped along.
    const tickets = await db.tickets.bulkGet(rows.map((row) => row.ticketId));
    for (const t of tickets) if (t && t.id !== byNumber?.id && wanted(t) && found.length < limit) found.push(t);
    if (walked >= walkLimit && found.length < limit) return { tickets: found, truncated: true };
    chunk = Math.min(chunk * 2, 2000, walkLimit - walked);
  }
  return { tickets: found, truncated: cut };
}
