import type { CommandOf } from '../commands';
import { RULES } from '../rules';
import type { Snapshot } from '../snapshot';
import { createChangeSet, refuse, revise, type DecideContext, type Decision } from './change-set';
import { checkOwner, conversationIn } from './guards';
import { reopenClosedTicket } from './stage';

/** Rule 2: a conversation's new owner becomes its ticket's owner too. */
export function decideSetConversationOwner(cmd: CommandOf<'setConversationOwner'>, snap: Snapshot, ctx: DecideContext): Decision {
  const found = conversationIn(snap, cmd.conversationId, cmd.rev);
  if (!found.ok) return refuse(found.error);
  const ownerError = checkOwner(snap.settings, cmd.ownerId);
  if (ownerError) return refuse(ownerError);
  const prior = found.value;
  const change = createChangeSet(cmd, ctx);
  const ticketBefore = prior.ticketId ? snap.tickets.get(prior.ticketId) : undefined;
  if (prior.ownerId === cmd.ownerId) return change.finish({ conversation: prior, ticket: ticketBefore });

  const conversation = revise(prior, { ownerId: cmd.ownerId });
  change.putConversation(conversation);
  change.record({ ticketId: prior.ticketId, conversationId: prior.id, field: 'ownerId', from: prior.ownerId, to: cmd.ownerId });
  let ticket = ticketBefore;
  if (ticketBefore && ticketBefore.ownerId !== cmd.ownerId) {
    ticket = revise(ticketBefore, { ownerId: cmd.ownerId, updatedAt: ctx.now });
    change.putTicket(ticket);
    change.record({
      ticketId: ticket.id,
      field: 'ownerId',
      from: ticketBefore.ownerId,
      to: cmd.ownerId,
      rule: RULES.ownerFlowsToTicket,
    });
  }
  return change.finish({ conversation, ticket });
}

/** Rule 5: closing (or reopening) a conversation touches only the conversation; but reopening one
 * of a closed ticket reopens the ticket too, which never has an open conversation while closed. */
export function decideConversationState(
  cmd: CommandOf<'closeConversation'> | CommandOf<'reopenConversation'>,
  snap: Snapshot,
  ctx: DecideContext,
): Decision {
  const found = conversationIn(snap, cmd.conversationId, cmd.rev);
  if (!found.ok) return refuse(found.error);
  const prior = found.value;
  const state = cmd.type === 'closeConversation' ? 'closed' : 'open';
  const change = createChangeSet(cmd, ctx);
  let ticket = prior.ticketId ? snap.tickets.get(prior.ticketId) : undefined;
  if (prior.state === state) return change.finish({ conversation: prior, ticket });
  const conversation = revise(prior, { state });
  change.putConversation(conversation);
  change.record({ ticketId: prior.ticketId, conversationId: prior.id, field: 'state', from: prior.state, to: state });
  if (state === 'open') ticket = reopenClosedTicket(change, snap.settings, ticket, ctx.now, RULES.reopenConversationReopensTicket);
  return change.finish({ conversation, ticket });
}
