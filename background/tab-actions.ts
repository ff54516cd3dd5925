import { findStage, type CommandResult, type CommandType } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import type { Desk } from '@/store/desk';
import { readSettings } from '@/store/settings';
import { isWebmailUrl } from '@/domain/zod-free/providers';

export type TabActionResult = { ok: true; ticketId: string; created: boolean } | { ok: false; reason: string };

/** Why a tab action did nothing; each is a message of `_locales`. */
export type TabRefusal = 'noConversationInTab' | 'noTicketToClose' | 'noClosedStage';

export interface TabActionsDeps {
  desk: Desk;
  db: SidedeskDatabase;
  onStored?: (type: CommandType, result: CommandResult) => void;
  /** The address the tab shows now. The browser gives it only for the webmail hosts Sidedesk may
   * read, so anything else (another site, a closed tab) comes back undefined. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** A refusal in the agent's language. */
  say: (refusal: TabRefusal) => string;
}

/**
 * What the context menu and the shortcuts do to "the conversation open in this tab". The tab's
 * conversation comes from the database (the content script keeps it current), so it survives the
 * worker being stopped between the user's action and this code; but only while the tab still
 * shows the webmail: a tab that went to another site has no conversation, whatever was stored.
 */
export function createTabActions({ desk, db, onStored, tabUrl, say }: TabActionsDeps) {
  async function conversationOf(tabId: number | undefined) {
    if (tabId === undefined) return undefined;
    const [tab, url] = await Promise.all([db.tabs.get(tabId), tabUrl(tabId).catch(() => undefined)]);
    if (!tab) return undefined;
    if (!isWebmailUrl(url)) {
      await desk.forgetTab(tabId);
      return undefined;
    }
    return tab.conversationId ? db.conversations.get(tab.conversationId) : undefined;
  }

  return {
    /** Rule 1: creates the ticket (the text becomes its description), or finds the one it has. */
    async createTicket(tabId: number | undefined, description: string, source: 'context-menu' | 'manual'): Promise<TabActionResult> {
      const conversation = await conversationOf(tabId);
      if (!conversation) return { ok: false, reason: say('noConversationInTab') };
      if (conversation.ticketId) return { ok: true, ticketId: conversation.ticketId, created: false };
      const out = await desk.execute({
        type: 'createTicket',
        requestId: crypto.randomUUID(),
        actor: conversation.account,
        conversationId: conversation.id,
        // A selection comes with the page's line breaks and indentation around it.
        draft: { description: description.trim(), source },
      });
      if (!out.ok) return { ok: false, reason: out.error.message };
      onStored?.('createTicket', out.data);
      return { ok: true, ticketId: out.data.ticket!.id, created: true };
    },

    /** Moves the tab's ticket into its pipeline's first closed stage (rule 3 closes its conversations). */
    async closeTicket(tabId: number | undefined): Promise<TabActionResult> {
      const conversation = await conversationOf(tabId);
      if (!conversation) return { ok: false, reason: say('noConversationInTab') };
      const ticket = conversation.ticketId ? await db.tickets.get(conversation.ticketId) : undefined;
      if (!ticket) return { ok: false, reason: say('noTicketToClose') };
      const settings = await readSettings(db);
      const closed = settings.pipelines.find((p) => p.id === ticket.pipelineId)?.stages.find((s) => s.state === 'closed');
      if (!closed) return { ok: false, reason: say('noClosedStage') };
      if (findStage(settings, ticket.pipelineId, ticket.stageId)?.state === 'closed')
        return { ok: true, ticketId: ticket.id, created: false };
      const out = await desk.execute({
        type: 'setTicketStage',
        requestId: crypto.randomUUID(),
        actor: conversation.account,
        ticketId: ticket.id,
        rev: ticket.rev,
        stageId: closed.id,
      });
      if (!out.ok) return { ok: false, reason: out.error.message };
      onStored?.('setTicketStage', out.data);
      return { ok: true, ticketId: ticket.id, created: false };
    },
  };
}
export type TabActions = ReturnType<typeof createTabActions>;
