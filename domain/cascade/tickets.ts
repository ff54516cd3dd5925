import type { CommandOf, TicketChanges } from '../commands';
import { deskError } from '../zod-free/errors';
import { defaultPipeline, findStage } from '../settings';
import { RULES } from '../rules';
import type { Snapshot } from '../snapshot';
import type { Ticket } from '../ticket';
import type { TimelineValue } from '../timeline';
import { createChangeSet, refuse, revise, type DecideContext, type Decision } from './change-set';
import { cascadeStage } from './stage';
import { checkOwner, conversationIn, linkedTo, ticketIn } from './guards';

/** Rule 1: a ticket for a conversation that has none. A ticket created straight into a closed
 * stage closes its conversation, as moving into that stage would (rule 3). */
export function decideCreateTicket(cmd: CommandOf<'createTicket'>, snap: Snapshot, ctx: DecideContext): Decision {
  const found = conversationIn(snap, cmd.conversationId);
  if (!found.ok) return refuse(found.error);
  const conversation = found.value;
  if (conversation.ticketId !== null) {
    return refuse(deskError('already-linked', `This conversation already has ticket ${conversation.ticketId}.`));
  }
  const d = cmd.draft;
  const pipeline = d.pipelineId ? snap.settings.pipelines.find((p) => p.id === d.pipelineId) : defaultPipeline(snap.settings);
  if (!pipeline) return refuse(deskError('unknown-stage', `No pipeline has the id ${d.pipelineId}.`));
  const stage = d.stageId ? findStage(snap.settings, pipeline.id, d.stageId) : pipeline.stages.find((s) => s.state === 'open');
  if (!stage) return refuse(deskError('unknown-stage', `Pipeline ${pipeline.label} has no stage ${d.stageId}.`));
  const ownerId = d.ownerId === undefined ? conversation.ownerId : d.ownerId;
  const ownerError = checkOwner(snap.settings, ownerId);
  if (ownerError) return refuse(ownerError);

  const change = createChangeSet(cmd, ctx);
  const ticket: Ticket = {
    id: ctx.newId(),
    number: snap.nextTicketNumber,
    name: d.name || conversation.subject || '(no subject)',
    description: d.description ?? '',
    pipelineId: pipeline.id,
    stageId: stage.id,
    priority: d.priority ?? 'medium',
    ownerId,
    category: d.category ?? null,
    source: d.source ?? 'email',
    contactEmail: conversation.contactEmail,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    closedAt: stage.state === 'closed' ? ctx.now : null,
    properties: d.properties ?? {},
    rev: 1,
  };
  change.writes.nextTicketNumber = snap.nextTicketNumber + 1;
  change.putTicket(ticket);
  change.record({ ticketId: ticket.id, field: 'created', from: null, to: ticket.name });
  const linked = revise(conversation, { ticketId: ticket.id });
  change.putConversation(linked);
  change.record({ ticketId: ticket.id, conversationId: linked.id, field: 'ticketId', from: null, to: ticket.id });
  cascadeStage(change, ticket, null, stage, [linked]);
  return change.finish({ ticket, conversation: linked });
}

/** Rule 1: a second conversation joins a ticket only while it has no ticket of its own. */
export function decideAddConversation(cmd: CommandOf<'addConversationToTicket'>, snap: Snapshot, ctx: DecideContext): Decision {
  const conv = conversationIn(snap, cmd.conversationId);
  if (!conv.ok) return refuse(conv.error);
  const ticket = ticketIn(snap, cmd.ticketId);
  if (!ticket.ok) return refuse(ticket.error);
  if (conv.value.ticketId !== null) {
    return refuse(deskError('already-linked', `This conversation already has ticket ${conv.value.ticketId}; a link is never removed.`));
  }
  const change = createChangeSet(cmd, ctx);
  // A closed ticket never has an open conversation: one that joins it closes, as creating a
  // ticket straight into a closed stage closes its conversation.
  const closing =
    conv.value.state === 'open' && findStage(snap.settings, ticket.value.pipelineId, ticket.value.stageId)?.state === 'closed';
  const linked = revise(conv.value, { ticketId: ticket.value.id, ...(closing ? { state: 'closed' as const } : {}) });
  change.putConversation(linked);
  change.record({ ticketId: ticket.value.id, conversationId: linked.id, field: 'ticketId', from: null, to: ticket.value.id });
  if (closing) {
    change.record({
      ticketId: ticket.value.id,
      conversationId: linked.id,
      field: 'state',
      from: 'open',
      to: 'closed',
      rule: RULES.closedTicketClosesAddedConversation,
    });
  }
  return change.finish({ ticket: ticket.value, conversation: linked });
}

const EDITABLE: Array<keyof TicketChanges> = ['name', 'description', 'priority', 'category', 'properties'];

export function decideUpdateTicket(cmd: CommandOf<'updateTicket'>, snap: Snapshot, ctx: DecideContext): Decision {
  const found = ticketIn(snap, cmd.ticketId, cmd.rev);
  if (!found.ok) return refuse(found.error);
  if (cmd.changes.name !== undefined && cmd.changes.name === '') {
    return refuse(deskError('invalid', 'A ticket needs a name.'));
  }
  const prior = found.value;
  const change = createChangeSet(cmd, ctx);
  const patch: Partial<Ticket> = {};
  for (const key of EDITABLE) {
    const next = cmd.changes[key];
    if (next === undefined) continue;
    if (key === 'properties') {
      const before = prior.properties;
      const after = { ...before, ...(next as Ticket['properties']) };
      for (const [k, v] of Object.entries(after)) {
        if (before[k] === v && k in before) continue;
        change.record({ ticketId: prior.id, field: `properties.${k}`, from: (before[k] ?? null) as TimelineValue, to: v });
      }
      patch.properties = after;
    } else if (prior[key] !== next) {
      change.record({ ticketId: prior.id, field: key, from: prior[key] as TimelineValue, to: next as TimelineValue });
      Object.assign(patch, { [key]: next });
    }
  }
  if (change.writes.putTimeline.length === 0) return change.finish({ ticket: prior });
  const ticket = revise(prior, { ...patch, updatedAt: ctx.now });
  change.putTicket(ticket);
  return change.finish({ ticket });
}

/** Rules 3 and 4 through `cascadeStage`. */
export function decideSetStage(cmd: CommandOf<'setTicketStage'>, snap: Snapshot, ctx: DecideContext): Decision {
  const found = ticketIn(snap, cmd.ticketId, cmd.rev);
  if (!found.ok) return refuse(found.error);
  const prior = found.value;
  const to = findStage(snap.settings, prior.pipelineId, cmd.stageId);
  if (!to) return refuse(deskError('unknown-stage', `The ticket's pipeline has no stage ${cmd.stageId}.`));
  const change = createChangeSet(cmd, ctx);
  if (prior.stageId === to.id) return change.finish({ ticket: prior });
  const from = findStage(snap.settings, prior.pipelineId, prior.stageId) ?? null;
  const closedAt = to.state === 'closed' ? (from?.state === 'closed' ? prior.closedAt : ctx.now) : null;
  const ticket = revise(prior, { stageId: to.id, closedAt, updatedAt: ctx.now });
  change.putTicket(ticket);
  change.record({ ticketId: ticket.id, field: 'stageId', from: prior.stageId, to: to.id });
  cascadeStage(change, ticket, from, to, linkedTo(snap, ticket.id));
  return change.finish({ ticket });
}

/** Rule 2, the other way: a ticket's owner never moves its conversations' owners. */
export function decideSetTicketOwner(cmd: CommandOf<'setTicketOwner'>, snap: Snapshot, ctx: DecideContext): Decision {
  const found = ticketIn(snap, cmd.ticketId, cmd.rev);
  if (!found.ok) return refuse(found.error);
  const ownerError = checkOwner(snap.settings, cmd.ownerId);
  if (ownerError) return refuse(ownerError);
  const prior = found.value;
  const change = createChangeSet(cmd, ctx);
  if (prior.ownerId === cmd.ownerId) return change.finish({ ticket: prior });
  const ticket = revise(prior, { ownerId: cmd.ownerId, updatedAt: ctx.now });
  change.putTicket(ticket);
  change.record({ ticketId: ticket.id, field: 'ownerId', from: prior.ownerId, to: cmd.ownerId });
  return change.finish({ ticket });
}
