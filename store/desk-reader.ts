import type { DeskReader } from '@/domain';
import type { SidedeskDatabase } from './database';
import { readSettings } from './settings';
import { stageCountKey, sumCounts } from './ticket-counts';

/** The domain's read interface over the database; used inside a command's transaction. */
export function createDeskReader(db: SidedeskDatabase): DeskReader {
  return {
    ticket: (id) => db.tickets.get(id),
    conversation: (id) => db.conversations.get(id),
    conversationsOfTicket: (ticketId) => db.conversations.where('ticketId').equals(ticketId).toArray(),
    contact: (email) => db.contacts.get(email),
    async timelineOf(ref) {
      if (ref.ticketId) return db.timeline.where('ticketId').equals(ref.ticketId).toArray();
      if (ref.conversationId) return db.timeline.where('conversationId').equals(ref.conversationId).toArray();
      return [];
    },
    trash: (id) => db.trash.get(id),
    settings: () => readSettings(db),
    // The count kept with every write, in this same transaction: one key.
    ticketsInStage: (pipelineId, stageId) => sumCounts(db, [stageCountKey(pipelineId, stageId)]),
    async nextTicketNumber() {
      return (await db.meta.get('nextTicketNumber'))?.value ?? 1;
    },
  };
}
