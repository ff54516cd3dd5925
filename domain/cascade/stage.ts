import type { Conversation } from '../conversation';
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
