import { findStage, type Conversation, type Settings, type Ticket } from '@/domain';
import type { SidedeskDatabase, TabRecord } from '@/store/database';
import { readSettings } from '@/store/settings';

export interface PopupModel {
  tab: TabRecord | undefined;
  conversation: Conversation | undefined;
  ticket: Ticket | undefined;
  settings: Settings;
  /** Up to 10 open tickets, most recently changed first (the current one excluded). */
  recent: Ticket[];
  linked: number;
  /** How many conversations each recent ticket has (Undo of a close is exact only for one). */
  recentLinked: Record<string, number>;
}

export async function loadPopup(db: SidedeskDatabase, tabId: number | null): Promise<PopupModel> {
  const settings = await readSettings(db);
  const tab = tabId === null ? undefined : await db.tabs.get(tabId);
  const conversation = tab?.conversationId ? await db.conversations.get(tab.conversationId) : undefined;
  const ticket = conversation?.ticketId ? await db.tickets.get(conversation.ticketId) : undefined;
  const linked = ticket ? await db.conversations.where('ticketId').equals(ticket.id).count() : 0;
  // Walks the updatedAt index newest first and stops at 10 open ones: no scan of the store.
  const recent = await db.tickets
    .orderBy('updatedAt')
    .reverse()
    .filter((t) => t.id !== ticket?.id && findStage(settings, t.pipelineId, t.stageId)?.state === 'open')
    .limit(10)
    .toArray();
  const counts = await Promise.all(recent.map((t) => db.conversations.where('ticketId').equals(t.id).count()));
  const recentLinked = Object.fromEntries(recent.map((t, i) => [t.id, counts[i]!]));
  return { tab, conversation, ticket, settings, recent, linked, recentLinked };
}
