import type { Table } from 'dexie';
import type { Contact, Translate } from '@/domain';
import { CSV_BOM, ticketCsvRow, ticketsCsvHeader, type CsvColumn } from '@/domain/csv';
import { EXPORT_FORMAT, EXPORT_LISTS, EXPORT_VERSION, type ExportList } from '@/domain/export-format';
import type { SidedeskDatabase } from './database';
import { readSettings } from './settings';

/** Records read per request: enough to keep IndexedDB busy, few enough that a page of them is
 * small beside the file. */
export const EXPORT_PAGE = 2000;

export interface ExportProgress {
  /** The list being read. */
  list: ExportList;
  /** Records read so far, of `total` in all lists. */
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Called after each page; runs inside the read transaction, so it must not wait on anything. */
  onProgress?: (progress: ExportProgress) => void;
  now?: () => number;
}

/** The tables an export reads: one read-only transaction over them all is a consistent snapshot
 * (a command's write waits until the export has read everything). */
function exportTables(db: SidedeskDatabase) {
  return [db.tickets, db.conversations, db.contacts, db.timeline, db.trash, db.settings, db.meta];
}

function tableOf(db: SidedeskDatabase, list: ExportList): Table<unknown, string> {
  return db[list] as unknown as Table<unknown, string>;
}

/** Walks a table in pages by primary key, each page one request. */
async function eachPage(table: Table<unknown, string>, page: number, use: (records: unknown[]) => void): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const records =
      last === undefined ? await table.orderBy(':id').limit(page).toArray() : await table.where(':id').above(last).limit(page).toArray();
    if (records.length === 0) return;
    use(records);
    if (records.length < page) return;
    last = keyOf(table, records[records.length - 1]);
  }
}

function keyOf(table: Table<unknown, string>, record: unknown): string {
  return (record as Record<string, string>)[table.schema.primKey.keyPath as string]!;
}

/**
 * The whole desk as one Sidedesk export file (JSON), read in pages of `EXPORT_PAGE` by primary
 * key inside one read-only transaction. The file grows as a Blob page by page: the browser keeps
 * the parts, and no string of the whole file is ever built. Trash groups are written as the
 * domain reads them (the store's own `holds` index stays out).
 */
export async function exportDesk(db: SidedeskDatabase, options: ExportOptions = {}): Promise<Blob> {
  const now = options.now ?? Date.now;
  return db.transaction('r', exportTables(db), async () => {
    const settings = await readSettings(db);
    const nextTicketNumber = (await db.meta.get('nextTicketNumber'))?.value ?? 1;
    const counts = await Promise.all(EXPORT_LISTS.map((l) => tableOf(db, l).count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let file = new Blob([
      `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"schemaVersion":${db.verno},"exportedAt":${now()},`,
      `"settings":${JSON.stringify(settings)},"nextTicketNumber":${nextTicketNumber}`,
    ]);
    let done = 0;
    for (const list of EXPORT_LISTS) {
      file = new Blob([file, `,${JSON.stringify(list)}:[`]);
      let first = true;
      await eachPage(tableOf(db, list), EXPORT_PAGE, (records) => {
        const chunk = records.map((r) => JSON.stringify(r)).join(',');
        file = new Blob([file, first ? chunk : `,${chunk}`]);
        first = false;
        done += records.length;
        options.onProgress?.({ list, done, total });
      });
      file = new Blob([file, ']']);
    }
    return new Blob([file, '}'], { type: 'application/json' });
  });
}

export interface CsvProgress {
  /** Tickets written so far, of `total`. */
  done: number;
  total: number;
}

export interface CsvOptions {
  /** Called after each page; runs inside the read transaction, so it must not wait on anything. */
  onProgress?: (progress: CsvProgress) => void;
  /** Headings, stage and priority names in the agent's language; without it, as stored. */
  t?: Translate;
}

/**
 * The tickets as a CSV file (UTF-8 with a byte order mark, RFC 4180), one row per live ticket in
 * number order, in `columns`. Read in pages of `EXPORT_PAGE` by number inside one read-only
 * transaction; each page's conversation counts come from the `ticketId` index (keys only, no
 * conversation is read) and its contacts in one request.
 */
export async function exportTicketsCsv(db: SidedeskDatabase, columns: readonly CsvColumn[], options: CsvOptions = {}): Promise<Blob> {
  return db.transaction('r', [db.tickets, db.conversations, db.contacts, db.settings], async () => {
    const settings = await readSettings(db);
    const total = await db.tickets.count();
    let file = new Blob([CSV_BOM, ticketsCsvHeader(columns, options.t)]);
    let done = 0;
    let last = 0;
    for (;;) {
      const tickets = await db.tickets.where('number').above(last).limit(EXPORT_PAGE).toArray();
      if (tickets.length === 0) break;
      const counts = new Map<string, number>();
      if (columns.includes('conversations')) {
        const linked = await db.conversations
          .where('ticketId')
          .anyOf(tickets.map((t) => t.id))
          .keys();
        for (const id of linked) counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
      }
      const contacts: Array<Contact | undefined> = columns.includes('contact')
        ? await db.contacts.bulkGet(tickets.map((t) => t.contactEmail ?? ''))
        : [];
      const rows = tickets.map((ticket, i) =>
        ticketCsvRow(ticket, columns, {
          settings,
          contact: contacts[i],
          conversations: counts.get(ticket.id) ?? 0,
          ...(options.t ? { t: options.t } : {}),
        }),
      );
      file = new Blob([file, rows.join('')]);
      done += tickets.length;
      options.onProgress?.({ done, total });
      if (tickets.length < EXPORT_PAGE) break;
      last = tickets[tickets.length - 1]!.number;
    }
    return new Blob([file], { type: 'text/csv;charset=utf-8' });
  });
}
