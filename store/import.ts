import type { Table } from 'dexie';
import { ticketSearchWords, type Contact } from '@/domain';
import { EXPORT_LISTS, type DeskData, type ExportFile, type ExportList } from '@/domain/export-format';
import { checkDesk, checkImport, checkImportSize, parseImportText } from '@/domain/import-check';
import { countsOf, mergeDesks, type Collision, type Merge } from '@/domain/import-merge';
import type { SidedeskDatabase, TicketWordsRecord } from './database';
import { wordsRow } from './search-index';
import { rebuildCounts } from './ticket-counts';
import { readSettings } from './settings';

/** `replace`: the file becomes the desk (an exact restore). `merge`: the file joins the desk, by id. */
export type ImportMode = 'replace' | 'merge';

/** Records written per request, and how often progress is told. */
export const IMPORT_PAGE = 2000;

type Counts = Record<ExportList, number>;

export type ReadImport = { ok: true; data: ExportFile } | { ok: false; problem: string };

/**
 * Reads a file the agent chose, and checks it completely: its size first (a file over the cap is
 * refused unread), then its text as JSON, its version (an older one is migrated), every record's
 * schema and the desk's invariants. Nothing is written.
 */
export async function readImportFile(file: Blob): Promise<ReadImport> {
  const tooBig = checkImportSize(file.size);
  if (tooBig) return { ok: false, problem: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    console.error('Sidedesk could not read the import file', error);
    return { ok: false, problem: 'The browser could not read the file.' };
  }
  const parsed = parseImportText(text);
  return parsed.ok ? checkImport(parsed.value) : parsed;
}

/** The tables an import writes. `requests` and `tabs` are not the desk's data: left as they are. */
function importTables(db: SidedeskDatabase) {
  return [db.tickets, db.conversations, db.contacts, db.timeline, db.trash, db.settings, db.meta, db.ticketWords, db.ticketCounts];
}

function tableOf(db: SidedeskDatabase, list: ExportList): Table<unknown, string> {
  return db[list] as unknown as Table<unknown, string>;
}

async function deskCounts(db: SidedeskDatabase): Promise<Counts> {
  const counts = await Promise.all(EXPORT_LISTS.map((l) => tableOf(db, l).count()));
  return Object.fromEntries(EXPORT_LISTS.map((l, i) => [l, counts[i]!])) as Counts;
}

const isEmpty = (counts: Counts) => EXPORT_LISTS.every((l) => counts[l] === 0);

function notEmpty(counts: Counts): string {
  return (
    `The desk already holds ${counts.tickets} ticket(s), ${counts.conversations} conversation(s), ${counts.contacts} contact(s), ` +
    `${counts.timeline} timeline entries and ${counts.trash} trash group(s); replacing it deletes them all, so it needs your confirmation.`
  );
}

/** The whole desk in memory, read in the caller's transaction (or its own). */
export async function readDesk(db: SidedeskDatabase): Promise<DeskData> {
  const [settings, next, tickets, conversations, contacts, timeline, trash] = await Promise.all([
    readSettings(db),
    db.meta.get('nextTicketNumber'),
    db.tickets.toArray(),
    db.conversations.toArray(),
    db.contacts.toArray(),
    db.timeline.toArray(),
    db.trash.toArray(),
  ]);
  return { settings, nextTicketNumber: next?.value ?? 1, tickets, conversations, contacts, timeline, trash };
}

/**
 * The search words of every ticket of `data`, exactly as `refreshSearch` builds them from the
 * tables: the ticket, its contact, and the subjects of its live conversations in the order the
 * `ticketId` index gives them (by conversation id).
 */
export function searchRowsOf(data: Pick<DeskData, 'tickets' | 'conversations' | 'contacts'>): TicketWordsRecord[] {
  const contacts = new Map<string, Contact>(data.contacts.map((c) => [c.email, c]));
  const linked = new Map<string, Array<{ id: string; subject: string }>>();
  for (const c of data.conversations) {
    if (c.ticketId !== null) linked.set(c.ticketId, [...(linked.get(c.ticketId) ?? []), { id: c.id, subject: c.subject }]);
  }
  // IndexedDB orders string keys by UTF-16 code unit, as `<` does (not as localeCompare).
  const byKey = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return data.tickets.map((t) =>
    wordsRow(
      t,
      ticketSearchWords(
        t,
        t.contactEmail === null ? undefined : contacts.get(t.contactEmail),
        (linked.get(t.id) ?? []).sort(byKey).map((c) => c.subject),
      ),
    ),
  );
}

export interface ImportPreview {
  mode: ImportMode;
  /** Records of each list the file holds. */
  file: Counts;
  /** Records of each list the desk holds now. */
  desk: Counts;
  /** Whether the desk holds no records (settings aside): a replace into it is an exact restore. */
  deskEmpty: boolean;
  /** A merge's outcome: what the file adds, what collides and which side wins. */
  merge: Omit<Merge, 'data' | 'writes'> | null;
  /**
   * What stops the import as it stands, or null. A replace into a desk that is not empty needs
   * the agent's confirmation (`wipe`); a merge whose result would break the desk is refused.
   */
  problem: string | null;
}

/** What an import of `data` would do, read in one transaction; nothing is written. */
export async function previewImport(db: SidedeskDatabase, data: ExportFile, mode: ImportMode): Promise<ImportPreview> {
  return db.transaction('r', importTables(db), async () => {
    const desk = await deskCounts(db);
    const deskEmpty = isEmpty(desk);
    const file = countsOf(data);
    if (mode === 'replace') return { mode, file, desk, deskEmpty, merge: null, problem: deskEmpty ? null : notEmpty(desk) };
    const { data: _merged, writes: _writes, ...merge } = mergeDesks(await readDesk(db), data);
    return { mode, file, desk, deskEmpty, merge, problem: merge.problem && `The merged desk would be broken: ${merge.problem}` };
  });
}

export interface ImportProgress {
  /** Records written so far, of `total` (search rows included). */
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Called after each page; runs inside the transaction, so it must not wait on anything. A
   * throw aborts the import, and nothing is written. */
  onProgress?: (progress: ImportProgress) => void;
  /** Replace a desk that is not empty: its records are deleted in the same transaction that
   * writes the file's, so a failure leaves the old desk whole. */
  wipe?: boolean;
}

export type ImportResult = { ok: true; mode: ImportMode; written: Counts; collisions: Collision[] } | { ok: false; problem: string };

/**
 * Writes a checked file (as `readImportFile` returned it) into the desk, all or nothing, in one
 * read-write transaction over every table of the desk: if anything fails, or the page closes
 * midway, IndexedDB aborts it and the old desk stays as it was. The search words of every ticket
 * are rebuilt exactly as the desk's own writes build them; the next ticket number is set;
 * processed requests and webmail tabs are left alone.
 *
 * `replace` makes the file the desk: refused into a desk that holds records unless `wipe`.
 * `merge` joins it by id (see `mergeDesks`) after checking the merged desk is whole.
 */
export async function applyImport(
  db: SidedeskDatabase,
  data: ExportFile,
  mode: ImportMode,
  options: ImportOptions = {},
): Promise<ImportResult> {
  // The file's own invariants again: the type says checked, but a caller may have changed it since.
  const problem = checkDesk(data);
  if (problem) return { ok: false, problem };
  const rowsOfFile = mode === 'replace' ? searchRowsOf(data) : [];
  try {
    return await db.transaction('rw', importTables(db), async (): Promise<ImportResult> => {
      let writes: Pick<DeskData, ExportList> = data;
      let result: DeskData = data;
      let rows = rowsOfFile;
      let collisions: Collision[] = [];
      if (mode === 'replace') {
        const counts = await deskCounts(db);
        if (!isEmpty(counts) && !options.wipe) return { ok: false, problem: notEmpty(counts) };
        await Promise.all([...EXPORT_LISTS.map((l) => tableOf(db, l).clear()), db.ticketWords.clear()]);
      } else {
        const merge = mergeDesks(await readDesk(db), data);
        if (merge.problem) return { ok: false, problem: `The merged desk would be broken: ${merge.problem}` };
        ({ writes, data: result, collisions } = merge);
        rows = searchRowsOf(result);
        // Rows are keyed by last change: the whole index is written anew, none left at an old key.
        await db.ticketWords.clear();
      }
      const total = EXPORT_LISTS.reduce((n, l) => n + writes[l].length, 0) + rows.length;
      let done = 0;
      const write = async (table: Table<unknown, string>, records: readonly unknown[]) => {
        for (let i = 0; i < records.length; i += IMPORT_PAGE) {
          const page = records.slice(i, i + IMPORT_PAGE);
          await (mode === 'replace' ? table.bulkAdd(page) : table.bulkPut(page));
          done += page.length;
          options.onProgress?.({ done, total });
        }
      };
      await db.settings.put({ key: 'settings', value: result.settings });
      await db.meta.put({ key: 'nextTicketNumber', value: result.nextTicketNumber });
      for (const list of EXPORT_LISTS) await write(tableOf(db, list), writes[list]);
      await write(db.ticketWords as unknown as Table<unknown, string>, rows);
      await rebuildCounts(db, result.tickets);
      return { ok: true, mode, written: countsOf(writes), collisions };
    });
  } catch (error) {
    console.error('Sidedesk could not store the import', error);
    return { ok: false, problem: 'The browser could not store the import, so nothing of it was written; the desk is as it was.' };
  }
}
