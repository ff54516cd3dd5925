import type { Ticket } from '@/domain';
import type { SidedeskDatabase } from './database';
import { countKeysOf, countsOf, ownerCountPrefix } from './count-keys';

export { countsOf, ownerCountKey, stageCountKey, type TicketCountRecord } from './count-keys';

/**
 * Moves the counts from the tickets as they were (`before`, read before the write) to the
 * tickets as they are (`after`), inside the writing transaction: a count is exact at every commit,
 * and reading one is a single key, however many tickets the desk holds.
 */
export async function adjustCounts(
  db: SidedeskDatabase,
  before: ReadonlyArray<Ticket | undefined>,
  after: readonly Ticket[],
): Promise<void> {
  const delta = new Map<string, number>();
  for (const t of before) if (t) for (const key of countKeysOf(t)) delta.set(key, (delta.get(key) ?? 0) - 1);
  for (const t of after) for (const key of countKeysOf(t)) delta.set(key, (delta.get(key) ?? 0) + 1);
  const changed = [...delta].filter(([, d]) => d !== 0);
  if (changed.length === 0) return;
  const stored = await db.ticketCounts.bulkGet(changed.map(([key]) => key));
  const next = changed.map(([key, d], i) => ({ key, count: (stored[i]?.count ?? 0) + d }));
  await db.ticketCounts.bulkDelete(next.filter((c) => c.count <= 0).map((c) => c.key));
  await db.ticketCounts.bulkPut(next.filter((c) => c.count > 0));
}

/** The sum of the counts at `keys`: one request, whatever the desk's size. */
export async function sumCounts(db: SidedeskDatabase, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  return (await db.ticketCounts.bulkGet([...new Set(keys)])).reduce((n, c) => n + (c?.count ?? 0), 0);
}

/** How many tickets `owners` own, in any stage (a stage since deleted included): their counts,
 * read as one key range each. */
export async function ownedCount(db: SidedeskDatabase, owners: readonly string[]): Promise<number> {
  const each = await Promise.all([...new Set(owners)].map((o) => db.ticketCounts.where('key').startsWith(ownerCountPrefix(o)).toArray()));
  return each.flat().reduce((n, c) => n + c.count, 0);
}

/** Rebuilds every count from the stored tickets (after an import), in the caller's transaction. */
export async function rebuildCounts(db: SidedeskDatabase, tickets: Iterable<Ticket>): Promise<void> {
  await db.ticketCounts.clear();
  await db.ticketCounts.bulkPut(countsOf(tickets));
}
