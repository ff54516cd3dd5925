import type { Conversation } from '@/domain';
import type { SidedeskDatabase } from './database';

/** The conversations of `ticketIds` (a page of tickets), one request per ticket sent side by side:
 * `anyOf` would step a single cursor from one key to the next, a round trip each, so a page of a
 * hundred tickets would wait for a hundred in a row. */
export async function conversationsOf(db: SidedeskDatabase, ticketIds: readonly string[]): Promise<Conversation[]> {
  const lists = await Promise.all([...new Set(ticketIds)].map((id) => db.conversations.where('ticketId').equals(id).toArray()));
  return lists.flat();
}
