import { findStage, type Contact, type Conversation, type Settings, type Ticket } from '@/domain';
import type { EarlierConversation } from '@/components/common/contact-section';
import type { SidedeskDatabase, TabRecord } from '@/store/database';
import { readSettings } from '@/store/settings';

export interface PanelModel {
  tab: TabRecord | undefined;
  conversation: Conversation | undefined;
  ticket: Ticket | undefined;
  settings: Settings;
  contact: Contact | undefined;
  /** What trashing this conversation takes: its ticket's conversations, or itself. */
  groupSize: number;
  earlier: EarlierConversation[];
  recent: Ticket[];
}

/** Everything the side panel shows for one tab, read in one go (run as a live query): one
 * read-only transaction, and the reads that do not depend on each other side by side. */
export function loadPanel(db: SidedeskDatabase, tabId: number | null): Promise<PanelModel> {
  return db.transaction('r', [db.settings, db.tabs, db.conversations, db.tickets, db.contacts], async () => {
    const [settings, tab] = await Promise.all([readSettings(db), tabId === null ? undefined : db.tabs.get(tabId)]);
    const conversation = tab?.conversationId ? await db.conversations.get(tab.conversationId) : undefined;
    const [ticket, contact, recent] = await Promise.all([
      conversation?.ticketId ? db.tickets.get(conversation.ticketId) : undefined,
      conversation?.contactEmail ? db.contacts.get(conversation.contactEmail) : undefined,
      tab?.conversationId ? [] : db.tickets.orderBy('updatedAt').reverse().limit(5).toArray(),
    ]);
    const [groupSize, earlierConversations] = await Promise.all([
      ticket ? db.conversations.where('ticketId').equals(ticket.id).count() : 1,
      contact
        ? db.conversations
            .where('[contactEmail+lastSeenAt]')
            .between([contact.email, 0], [contact.email, Infinity])
            .reverse()
            .limit(11)
            .toArray()
        : [],
    ]);
    const others = earlierConversations.filter((c) => c.id !== conversation?.id).slice(0, 10);
    const theirTickets = await db.tickets.bulkGet(others.map((c) => c.ticketId ?? ''));
    const earlier = others.map((c, i) => {
      const t = theirTickets[i];
      return { conversation: c, stage: t ? (findStage(settings, t.pipelineId, t.stageId) ?? null) : null };
    });
    return { tab, conversation, ticket, settings, contact, groupSize, earlier, recent };
  });
}

/** Tickets for "Add to an existing ticket": the one with that number ("T-0042", "#42", "42"),
 * then those whose name contains the text, most recently changed first. Every ticket can be
 * found, not only recent ones: the walk along `updatedAt` stops at the eighth match. */
export async function searchTickets(db: SidedeskDatabase, query: string): Promise<Ticket[]> {
  const text = query.trim().toLowerCase();
  const number = /^(#?t-?|#)?0*(\d+)$/.exec(text)?.[2];
  const byNumber = number ? await db.tickets.where('number').equals(Number(number)).first() : undefined;
  const byName = await db.tickets
    .orderBy('updatedAt')
    .reverse()
    .filter((t) => t.id !== byNumber?.id && (!text || t.name.toLowerCase().includes(text)))
    .limit(byNumber ? 7 : 8)
    .toArray();
  return byNumber ? [byNumber, ...byName] : byName;
}
