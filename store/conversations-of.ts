import type { Conversation } from '@/domain';
import type { SidedeskDatabase } from './database';

/** The conversations of `ticketIds` (a page of tickets), one request per ticket sent side by side:
 * `anyOf` would step a single cursor from one key to the next, a round trip each, so a page of a
 * hundred tickets would wait for a hundred in a row. */
export async function conversationsOf(db: SidedeskDatabase, ticketIds: readonly string[]): Promise<Conversation[]> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return [];
  // In one transaction: a transaction of its own for each request costs more than the request.
  const lists = await db.transaction('r', db.conversations, () =>
    Promise.all(ids.map((id) => db.conversations.where('ticketId').equals(id).toArray())),
  );
  return lists.flat();
}
