import { Contact, Conversation, Settings, Ticket, TimelineEntry, TrashGroup, type Writes } from '@/domain';
import type { SidedeskDatabase } from './database';
import { moveSearchRows, refreshSearch, searchChangesOf, type RecordsBefore } from './search-index';
import { adjustCounts } from './ticket-counts';

/**
 * Writes a decision. Runs inside the command's transaction; every record is checked against its
 * schema first, so a bug in the cascade aborts the transaction instead of storing a bad record.
 * `read`: the records the command read before deciding, in this transaction; with them, only the
 * tickets whose words changed have them recomputed (closing a ticket moves its search row, and
 * never reads its conversations again).
 */
export async function applyWrites(db: SidedeskDatabase, w: Writes, read?: RecordsBefore): Promise<void> {
  const tickets = w.putTickets.map((t) => Ticket.parse(t));
  const conversations = w.putConversations.map((c) => Conversation.parse(c));
  const contacts = w.putContacts.map((c) => Contact.parse(c));
  const timeline = w.putTimeline.map((e) => TimelineEntry.parse(e));
  const trash = w.putTrash.map((g) => TrashGroup.parse(g));
  const settings = w.putSettings ? Settings.parse(w.putSettings) : null;

  // The tickets as they were, for the counts kept beside them.
  const before = await db.tickets.bulkGet([...new Set([...w.deleteTickets, ...tickets.map((t) => t.id)])]);
  // Deletes first: a restore deletes its trash group and puts its records back.
  await db.trash.bulkDelete(w.deleteTrash);
  await db.timeline.bulkDelete(w.deleteTimeline);
  await db.conversations.bulkDelete(w.deleteConversations);
  await db.tickets.bulkDelete(w.deleteTickets);

  await db.tickets.bulkPut(tickets);
  await db.conversations.bulkPut(conversations);
  await db.contacts.bulkPut(contacts);
  await db.timeline.bulkPut(timeline);
  await db.trash.bulkPut(trash);
  if (settings) await db.settings.put({ key: 'settings', value: settings });
  if (w.putMe !== undefined) await db.local.put({ key: 'me', value: w.putMe });
  if (w.nextTicketNumber !== null) await db.meta.put({ key: 'nextTicketNumber', value: w.nextTicketNumber });
  // The last put of a ticket is what is stored.
  await adjustCounts(db, before, [...new Map(tickets.map((t) => [t.id, t])).values()]);
  // The search words of every ticket the decision touched, in the same transaction: a search
  // never finds a ticket by what it no longer says, nor at its old place in the newest-first order.
  const search = await searchChangesOf(db, w, new Map(before.filter((t) => t !== undefined).map((t) => [t.id, t])), read);
  await refreshSearch(db, search.recompute);
  await moveSearchRows(db, search.moved);
}
