import type { DBCore, DBCoreCursor } from 'dexie';
import type { SidedeskDatabase } from '@/store/database';

/**
 * Counts the records of `tableName` the database hands out (by `get`, `getMany`, `query` and each
 * cursor step), and the keys a query hands out without their records: how much a page or a command
 * reads, whatever the desk holds. Call it before the database opens (it closes it to add itself).
 */
export function countReads(db: SidedeskDatabase, tableName: string): { values: number; keys: number } {
  const seen = { values: 0, keys: 0 };
  db.close();
  db.use({
    stack: 'dbcore',
    name: `count-reads-${tableName}`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
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
        };
      },
    }),
  });
  return seen;
}

/** `countReads` of the tickets table. */
export const countTicketReads = (db: SidedeskDatabase) => countReads(db, 'tickets');
