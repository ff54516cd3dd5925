import type { Conversation } from '../conversation';
import type { RuleId } from '../rules';
import { findStage, reopenStageOf, type Settings } from '../settings';
import { RULES } from '../rules';
import type { Stage } from '../settings';
import type { Ticket } from '../ticket';
import { revise, type ChangeSet } from './change-set';

/**
 * Rules 3 and 4: what moving `ticket` from stage `from` to stage `to` does to its conversations.
 * Into a closed stage: every linked conversation closes. From closed to open: the conversation
 * reopens only when it is the ticket's one and only.
 */
export function cascadeStage(change: ChangeSet, ticket: Ticket, from: Stage | null, to: Stage, linked: Conversation[]): void {
  const closing = to.state === 'closed' && from?.state !== 'closed';
  const reopening = to.state === 'open' && from?.state === 'closed';
  if (closing) {
    for (const c of linked) {
      if (c.state === 'closed') continue;
      change.putConversation(revise(c, { state: 'closed' }));
      change.record({
        ticketId: ticket.id,
        conversationId: c.id,
        field: 'state',
        from: 'open',
        to: 'closed',
        rule: RULES.closeTicketClosesConversations,
      });
    }
  } else if (reopening && linked.length === 1) {
    const [only] = linked as [Conversation];
    if (only.state === 'closed') {
      change.putConversation(revise(only, { state: 'open' }));
      change.record({
        ticketId: ticket.id,
        conversationId: only.id,
        field: 'state',
        from: 'closed',
        to: 'open',
        rule: RULES.reopenTicketReopensLoneConversation,
      });
    }
  }
}

/**
 * A closed ticket never has an open conversation: when one of its conversations opens again, the
 * ticket reopens into its pipeline's reopen stage, recorded under `rule`. Its other conversations
 * stay as they are (only the one that came back is open). Returns the ticket as it is now.
 */
export function reopenClosedTicket(
  change: ChangeSet,
  settings: Settings,
  ticket: Ticket | undefined,
  now: number,
  rule: RuleId,
): Ticket | undefined {
  if (!ticket || findStage(settings, ticket.pipelineId, ticket.stageId)?.state !== 'closed') return ticket;
  const pipeline = settings.pipelines.find((p) => p.id === ticket.pipelineId)!;
  const to = reopenStageOf(pipeline);
  const reopened = revise(ticket, { stageId: to.id, closedAt: null, updatedAt: now });
  change.putTicket(reopened);
  change.record({ ticketId: ticket.id, field: 'stageId', from: ticket.stageId, to: to.id, rule });
  return reopened;
}
