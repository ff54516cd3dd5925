import { DEFAULT_SETTINGS, Settings, type DeskReader } from '../domain';
import type { SidedeskDatabase } from './database';

/** The domain's read interface over the database; used inside a command's transaction. */
export function createReader(db: SidedeskDatabase): DeskReader {
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
    async nextTicketNumber() {
      return (await db.meta.get('nextTicketNumber'))?.value ?? 1;
    },
  };
}

/** The stored settings, or the defaults when none are stored or they no longer parse. */
export async function readSettings(db: SidedeskDatabase): Promise<Settings> {
  const stored = await db.settings.get('settings');
  const parsed = Settings.safeParse(stored?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
