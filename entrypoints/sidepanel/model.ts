import { findStage, type Contact, type Conversation, type Settings, type Ticket, type TrashGroup } from '@/domain';
import type { EarlierConversation } from '@/components/common/contact-section';
import { trashHolding, type SidedeskDatabase, type TabRecord } from '@/store/database';
import { readSettings } from '@/store/settings';
import { findTickets } from '@/store/search-index';
import { sameThreadKey } from './same-thread';
import { loadHome, type PanelHome } from './home';
import { tabAccount, type KnownAccount } from './tab-account';

export interface PanelModel {
  tab: TabRecord | undefined;
  conversation: Conversation | undefined;
  ticket: Ticket | undefined;
  settings: Settings;
  contact: Contact | undefined;
  /** What trashing this conversation takes: its ticket's conversations, or itself. */
  groupSize: number;
  earlier: EarlierConversation[];
  /** The agent's queue, when no conversation is open. */
  home: PanelHome | undefined;
  /** The tab shows a conversation that is in the trash (with its ticket, if it had one). */
  trashed: TrashGroup | undefined;
}

/** Everything the side panel shows for one tab, read in one go (run as a live query): one
 * read-only transaction, and the reads that do not depend on each other side by side. `known` is
 * the account the panel last saw this tab signed in to (the queue is then that account's). */
export function loadPanel(db: SidedeskDatabase, tabId: number | null, known: KnownAccount | null = null): Promise<PanelModel> {
  return db.transaction(
    'r',
    [db.settings, db.tabs, db.conversations, db.tickets, db.contacts, db.trash, db.local, db.ticketCounts],
    async () => {
      const [settings, tab] = await Promise.all([readSettings(db), tabId === null ? undefined : db.tabs.get(tabId)]);
      const conversation = tab?.conversationId ? await db.conversations.get(tab.conversationId) : undefined;
      const [ticket, contact, home, trashed] = await Promise.all([
        conversation?.ticketId ? db.tickets.get(conversation.ticketId) : undefined,
        conversation?.contactEmail ? db.contacts.get(conversation.contactEmail) : undefined,
        conversation ? undefined : loadHome(db, settings, tabAccount(known, tabId, tab?.url)),
        tab?.conversationId && !conversation ? trashHolding(db, tab.conversationId) : undefined,
      ]);
      const [groupSize, theirs] = await Promise.all([
        ticket ? db.conversations.where('ticketId').equals(ticket.id).count() : 1,
        // The contact's most recently seen conversations, through the index; ordered below by the
        // date of their mail, which is not indexed (it may be missing).
        contact
          ? db.conversations
              .where('[contactEmail+lastSeenAt]')
              .between([contact.email, 0], [contact.email, Infinity])
              .reverse()
              .limit(200)
              .toArray()
          : [],
      ]);
      const others = conversation ? relate(conversation, theirs) : [];
      const theirTickets = await db.tickets.bulkGet(others.map((o) => o.conversation.ticketId ?? ''));
      const earlier = others.map((o, i) => {
        const t = theirTickets[i];
        return { ...o, stage: t ? (findStage(settings, t.pipelineId, t.stageId) ?? null) : null };
      });
      return { tab, conversation, ticket, settings, contact, groupSize, earlier, home, trashed };
    },
  );
}

/** Tickets for "Add to an existing ticket": the one with that number ("T-0042", "#42", "42"),
 * then those with a word (of the name, the contact's name or address, a subject) starting with
 * each typed word, most recently changed first; nothing typed, the most recent. The same search
 * index the tickets page uses, so every ticket can be found, however old. */
export async function searchTickets(db: SidedeskDatabase, query: string): Promise<Ticket[]> {
  const limit = 8;
  if (!query.trim()) return db.tickets.orderBy('updatedAt').reverse().limit(limit).toArray();
  return (await findTickets(db, query, { limit })).tickets;
}

/** When a conversation's mail was written: its last message, or when Sidedesk last saw it. */
export const mailDate = (c: Conversation): number => c.lastMessageAt ?? c.lastSeenAt;

/** The contact's other conversations as the panel lists them: the same thread seen from another
 * of the agent's accounts first, then the rest by the date of their mail, newest first, each
 * said to be earlier or later than the open one; ten at most. */
export function relate(open: Conversation, theirs: Conversation[]): Omit<EarlierConversation, 'stage'>[] {
  const key = sameThreadKey(open);
  const at = mailDate(open);
  return theirs
    .filter((c) => c.id !== open.id)
    .map((c) => ({
      conversation: c,
      date: mailDate(c),
      relation:
        key !== null && sameThreadKey(c) === key ? ('same-thread' as const) : mailDate(c) < at ? ('earlier' as const) : ('later' as const),
    }))
    .sort((a, b) => Number(b.relation === 'same-thread') - Number(a.relation === 'same-thread') || b.date - a.date)
    .slice(0, 10);
}
