import Dexie from 'dexie';
import { type Conversation, type Settings, type Ticket } from '@/domain';
import type { SidedeskDatabase, TabRecord } from '@/store/database';
import { readSettings } from '@/store/settings';
import { openStages } from '@/store/waiting-on-us';

/** How many open tickets the popup lists. */
const RECENT_SHOWN = 10;

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
  // Each open stage's newest 11 along [pipelineId+stageId+updatedAt], merged: bounded however
  // many closed tickets changed since (walking updatedAt for open ones could read the whole desk).
  const perStage = await Promise.all(
    openStages(settings).map(([p, s]) =>
      db.tickets
        .where('[pipelineId+stageId+updatedAt]')
        .between([p, s, Dexie.minKey], [p, s, Dexie.maxKey])
        .reverse()
        .limit(RECENT_SHOWN + 1)
        .toArray(),
    ),
  );
  const recent = perStage
    .flat()
    .filter((t) => t.id !== ticket?.id)
    .sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number)
    .slice(0, RECENT_SHOWN);
  const counts = await Promise.all(recent.map((t) => db.conversations.where('ticketId').equals(t.id).count()));
  const recentLinked = Object.fromEntries(recent.map((t, i) => [t.id, counts[i]!]));
  return { tab, conversation, ticket, settings, recent, linked, recentLinked };
}
