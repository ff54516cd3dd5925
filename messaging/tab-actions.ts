import { findStage, type CommandResult, type CommandType } from '../domain';
import type { SidedeskDatabase } from '../store/database';
import type { Desk } from '../store/desk';
import { readSettings } from '../store/reader';

export type TabActionResult = { ok: true; ticketId: string; created: boolean } | { ok: false; reason: string };

export const NO_CONVERSATION = 'No conversation is open in this tab.';

/**
 * What the context menu and the shortcuts do to "the conversation open in this tab". The tab's
 * conversation comes from the database (the content script keeps it current), so it survives the
 * worker being stopped between the user's action and this code.
 */
export function createTabActions(desk: Desk, db: SidedeskDatabase, onStored?: (type: CommandType, result: CommandResult) => void) {
  async function conversationOf(tabId: number | undefined) {
    if (tabId === undefined) return undefined;
    const tab = await db.tabs.get(tabId);
    return tab?.conversationId ? db.conversations.get(tab.conversationId) : undefined;
  }

  return {
    /** Rule 1: creates the ticket (the text becomes its description), or finds the one it has. */
    async createTicket(tabId: number | undefined, description: string, source: 'context-menu' | 'manual'): Promise<TabActionResult> {
      const conversation = await conversationOf(tabId);
      if (!conversation) return { ok: false, reason: NO_CONVERSATION };
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
      if (!conversation) return { ok: false, reason: NO_CONVERSATION };
      const ticket = conversation.ticketId ? await db.tickets.get(conversation.ticketId) : undefined;
      if (!ticket) return { ok: false, reason: 'This conversation has no ticket to close.' };
      const settings = await readSettings(db);
      const closed = settings.pipelines.find((p) => p.id === ticket.pipelineId)?.stages.find((s) => s.state === 'closed');
      if (!closed) return { ok: false, reason: 'This ticket’s pipeline has no closed stage.' };
      if (findStage(settings, ticket.pipelineId, ticket.stageId)?.state === 'closed') return { ok: true, ticketId: ticket.id, created: false };
      const out = await desk.execute({ type: 'setTicketStage', requestId: crypto.randomUUID(), actor: conversation.account, ticketId: ticket.id, rev: ticket.rev, stageId: closed.id });
      if (!out.ok) return { ok: false, reason: out.error.message };
      onStored?.('setTicketStage', out.data);
      return { ok: true, ticketId: ticket.id, created: false };
    },
  };
}
export type TabActions = ReturnType<typeof createTabActions>;
