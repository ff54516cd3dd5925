import type { DBCore, DBCoreCursor, DBCoreTable } from 'dexie';
import type { SidedeskDatabase } from '@/store/database';

/** Puts `wrap` around `tableName`'s DBCore table. Call it before the database opens (it closes it
 * to add itself). */
function wrapTable(db: SidedeskDatabase, tableName: string, name: string, wrap: (table: DBCoreTable) => DBCoreTable): void {
  db.close();
  db.use({
    stack: 'dbcore',
    name: `${name}-${tableName}`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (table) => (table === tableName ? wrap(down.table(table)) : down.table(table)),
    }),
  });
}

/**
 * Counts the records of `tableName` the database hands out (by `get`, `getMany`, `query` and each
 * cursor step), and the keys a query hands out without their records: how much a page or a command
 * reads, whatever the desk holds. Call it before the database opens (it closes it to add itself).
 */
export function countReads(db: SidedeskDatabase, tableName: string): { values: number; keys: number } {
  const seen = { values: 0, keys: 0 };
  wrapTable(db, tableName, 'count-reads', (table) => ({
    ...table,
    get: async (req) => {
      const value = await table.get(req);
      if (value !== undefined) seen.values++;
      return value;
    },
    getMany: async (req) => {
      const values = await table.getMany(req);
      seen.values += values.filter((v) => v !== undefined).length;
      return values;
    },
    query: async (req) => {
      const result = await table.query(req);
      if (req.values) seen.values += result.result.length;
      else seen.keys += result.result.length;
      return result;
    },
    openCursor: async (req) => {
      const cursor = await table.openCursor(req);
      if (!cursor || !req.values) return cursor;
      return Object.create(cursor, {
        start: {
          value: (onNext: () => void) =>
            cursor.start(() => {
              seen.values++;
              onNext();
            }),
        },
      }) as DBCoreCursor;
    },
  }));
  return seen;
}

/** `countReads` of the tickets table. */
export const countTicketReads = (db: SidedeskDatabase) => countReads(db, 'tickets');

/** Calls `seen` with each request `tableName`'s records get ('query' or 'getMany'), as it is
 * made: which requests a read waits for, in order. Call it before the database opens. */
export function watchRequests(db: SidedeskDatabase, tableName: string, seen: (kind: 'query' | 'getMany') => void): void {
  wrapTable(db, tableName, 'watch-requests', (table) => ({
    ...table,
    query: (req) => (seen('query'), table.query(req)),
    getMany: (req) => (seen('getMany'), table.getMany(req)),
  }));
}
