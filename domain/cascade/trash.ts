import type { CommandOf } from '../commands';
import type { Conversation } from '../conversation';
import { deskError } from '../zod-free/errors';
import { RULES, type RuleId } from '../rules';
import { defaultPipeline, type Settings } from '../settings';
import type { Snapshot } from '../snapshot';
import type { Ticket } from '../ticket';
import type { TrashGroup } from '../trash';
import { createChangeSet, refuse, type ChangeSet, type DecideContext, type Decision } from './change-set';
import { conversationIn, linkedTo, ticketIn } from './guards';

/**
 * Rule 6. Trashing a conversation deletes its ticket, and through the ticket every conversation
 * linked to it; deleting a ticket deletes its conversations. The group goes to the trash whole,
 * with its timeline, so it can be restored exactly. The "deleted" entries stay in the live
 * timeline: the history of a restored ticket says it was once deleted.
 */
export function decideTrashConversation(cmd: CommandOf<'trashConversation'>, snap: Snapshot, ctx: DecideContext): Decision {
  const found = conversationIn(snap, cmd.conversationId, cmd.rev);
  if (!found.ok) return refuse(found.error);
  const origin = found.value;
  const ticket = origin.ticketId ? snap.tickets.get(origin.ticketId) : undefined;
  const conversations = ticket ? linkedTo(snap, ticket.id) : [origin];
  if (cmd.conversations !== undefined && cmd.conversations !== conversations.length)
    return refuse(grew(cmd.conversations, conversations.length));
  const change = createChangeSet(cmd, ctx);
  const trashId = moveToTrash(change, snap, ctx, {
    actor: cmd.actor,
    origin: { kind: 'trash-conversation', conversationId: origin.id },
    ticket,
    conversations,
    ruleFor: (c) => (c.id === origin.id ? null : RULES.deleteTicketDeletesConversations),
    ticketRule: RULES.trashConversationDeletesTicket,
  });
  return change.finish({ trashId });
}

export function decideDeleteTicket(cmd: CommandOf<'deleteTicket'>, snap: Snapshot, ctx: DecideContext): Decision {
  const found = ticketIn(snap, cmd.ticketId, cmd.rev);
  if (!found.ok) return refuse(found.error);
  const conversations = linkedTo(snap, found.value.id);
  if (cmd.conversations !== undefined && cmd.conversations !== conversations.length)
    return refuse(grew(cmd.conversations, conversations.length));
  const change = createChangeSet(cmd, ctx);
  const trashId = moveToTrash(change, snap, ctx, {
    actor: cmd.actor,
    origin: { kind: 'delete-ticket', ticketId: found.value.id },
    ticket: found.value,
    conversations,
    ruleFor: () => RULES.deleteTicketDeletesConversations,
    ticketRule: null,
  });
  return change.finish({ trashId });
}

/** The agent confirmed a group of `told` conversations; it has `now`: nothing goes unconfirmed. */
function grew(told: number, now: number) {
  return deskError('conflict', `The ticket now has ${now} conversation(s), not the ${told} you confirmed; nothing was moved to the trash.`);
}

interface Group {
  actor: string;
  origin: TrashGroup['origin'];
  ticket: Ticket | undefined;
  conversations: Conversation[];
  ruleFor: (c: Conversation) => RuleId | null;
  ticketRule: RuleId | null;
}

function moveToTrash(change: ChangeSet, snap: Snapshot, ctx: DecideContext, group: Group): string {
  const ids = new Set<string>([...(group.ticket ? [group.ticket.id] : []), ...group.conversations.map((c) => c.id)]);
  const timeline = snap.timeline.filter((e) => ids.has(e.ticketId ?? '') || ids.has(e.conversationId ?? ''));
  const trash: TrashGroup = {
    id: ctx.newId(),
    trashedAt: ctx.now,
    actor: group.actor,
    origin: group.origin,
    tickets: group.ticket ? [group.ticket] : [],
    conversations: group.conversations,
    timeline,
  };
  change.writes.putTrash.push(trash);
  change.writes.deleteTimeline.push(...timeline.map((e) => e.id));
  if (group.ticket) {
    change.writes.deleteTickets.push(group.ticket.id);
    change.record({ ticketId: group.ticket.id, field: 'deleted', from: group.ticket.name, to: trash.id, rule: group.ticketRule });
  }
  for (const c of group.conversations) {
    change.writes.deleteConversations.push(c.id);
    change.record({
      ticketId: c.ticketId,
      conversationId: c.id,
      field: 'deleted',
      from: c.subject,
      to: trash.id,
      rule: group.ruleFor(c),
    });
  }
  return trash.id;
}

/** Puts a trashed group back exactly as it was. A conversation seen again since (so stored anew
 * without a ticket) is replaced by its trashed version; one that got a new ticket blocks it. */
/**
 * A restored ticket whose stage was deleted while it was in the trash (the stage's guard counts
 * live tickets only) goes to a stage of the same kind: its pipeline's first closed stage if it was
 * closed, else its first open one (the default pipeline's, if its own is gone too). Never a stage
 * that does not exist.
 */
function placeRestored(t: Ticket, settings: Settings): Ticket {
  const own = settings.pipelines.find((p) => p.id === t.pipelineId);
  if (own?.stages.some((s) => s.id === t.stageId)) return t;
  const pipeline = own ?? defaultPipeline(settings);
  const closed = t.closedAt !== null;
  const stage = (closed && pipeline.stages.find((s) => s.state === 'closed')) || pipeline.stages.find((s) => s.state === 'open')!;
  return { ...t, pipelineId: pipeline.id, stageId: stage.id, closedAt: stage.state === 'closed' ? t.closedAt : null, rev: t.rev + 1 };
}

export function decideRestore(cmd: CommandOf<'restoreTrash'>, snap: Snapshot, ctx: DecideContext): Decision {
  const trash = snap.trash;
  if (!trash) return refuse(deskError('not-found', 'That trash group does not exist (it may be restored already).'));
  for (const t of trash.tickets) {
    if (snap.tickets.has(t.id)) return refuse(deskError('restore-collision', `Ticket ${t.id} exists again.`));
  }
  for (const c of trash.conversations) {
    const live = snap.conversations.get(c.id);
    if (live?.ticketId) {
      return refuse(
        deskError('restore-collision', `Conversation "${c.subject}" has a new ticket since it was trashed; it cannot be restored.`),
      );
    }
  }
  const change = createChangeSet(cmd, ctx);
  change.writes.deleteTrash.push(trash.id);
  change.writes.putTimeline.push(...trash.timeline);
  for (const t of trash.tickets) {
    const placed = placeRestored(t, snap.settings);
    change.putTicket(placed);
    change.record({ ticketId: t.id, field: 'restored', from: trash.id, to: t.name });
    if (placed.stageId !== t.stageId) change.record({ ticketId: t.id, field: 'stageId', from: t.stageId, to: placed.stageId });
  }
  for (const c of trash.conversations) {
    const live = snap.conversations.get(c.id);
    change.putConversation(live ? { ...c, lastSeenAt: Math.max(c.lastSeenAt, live.lastSeenAt) } : c);
    change.record({ ticketId: c.ticketId, conversationId: c.id, field: 'restored', from: trash.id, to: c.subject });
  }
  return change.finish({ ticket: trash.tickets[0] ?? null, conversation: trash.conversations[0] ?? null });
}

/**
 * Delete forever: the only permanent deletion. The group goes, and with it the history it
 * carried (its records' timeline went into the group when they were trashed) and the live
 * "deleted" entries that point at it, which name the ticket and the subjects. Nothing records
 * the purge itself: an entry would keep what the agent asked to forget, and no record is left
 * for it to be about. A conversation seen again since keeps its own live record and history.
 */
export function decidePurge(cmd: CommandOf<'purgeTrash'>, snap: Snapshot, ctx: DecideContext): Decision {
  const trash = snap.trash;
  if (!trash) return refuse(deskError('not-found', 'That trash group does not exist (it may be restored or deleted already).'));
  const change = createChangeSet(cmd, ctx);
  change.writes.deleteTrash.push(trash.id);
  change.writes.deleteTimeline.push(...snap.timeline.filter((e) => e.field === 'deleted' && e.to === trash.id).map((e) => e.id));
  return change.finish({ trashId: trash.id });
}
