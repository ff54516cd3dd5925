import { expect } from 'vitest';
import { findStage, type CommandInput, type CommandResult, type DeskError, type Writes } from '@/domain';
import type { MemoryState } from './memory-desk';

/** Invariants that hold in every state, whatever happened before. */
export function checkState(s: MemoryState): void {
  const numbers = new Set<number>();
  for (const t of s.tickets.values()) {
    expect(numbers.has(t.number), `ticket number ${t.number} used twice`).toBe(false);
    numbers.add(t.number);
    expect(t.number).toBeLessThan(s.nextTicketNumber);
    const stage = findStage(s.settings, t.pipelineId, t.stageId);
    expect(stage, `ticket ${t.id} is in a stage that exists`).toBeDefined();
    expect(t.closedAt === null, `closedAt is set exactly when the stage is closed`).toBe(stage!.state === 'open');
  }
  for (const c of s.conversations.values()) {
    // One field holds the link, so "at most one ticket" is structural; it must point somewhere.
    if (c.ticketId !== null) expect(s.tickets.has(c.ticketId), `conversation ${c.id} links to a missing ticket`).toBe(true);
    const ticket = c.ticketId ? s.tickets.get(c.ticketId) : undefined;
    if (ticket && c.state === 'open') {
      expect(
        findStage(s.settings, ticket.pipelineId, ticket.stageId)?.state,
        `closed ticket ${ticket.id} has open conversation ${c.id}`,
      ).toBe('open');
    }
  }
  for (const g of s.trash.values()) {
    for (const t of g.tickets) expect(s.tickets.has(t.id), 'a ticket is never both live and trashed').toBe(false);
  }
}

type Step = { ok: true; data: CommandResult; writes?: Writes } | { ok: false; error: DeskError };

/** Invariants of one step, from the state before, the command, the outcome and the state after. */
export function checkStep(before: MemoryState, input: CommandInput, outcome: Step, after: MemoryState): void {
  if (!outcome.ok) {
    expect(after, `rejected ${input.type} (${outcome.error.code}) wrote nothing`).toEqual(before);
    return;
  }
  const entries = [...after.timeline.values()].filter((e) => e.requestId === input.requestId);
  // Every ticket or conversation that changed (other than being seen again) has an entry of this request.
  const changed = (a: Map<string, { rev: number }>, b: Map<string, { rev: number }>) =>
    [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id)?.rev !== b.get(id)?.rev || a.has(id) !== b.has(id));
  for (const id of changed(before.tickets, after.tickets)) {
    expect(
      entries.some((e) => e.ticketId === id && e.conversationId === null),
      `ticket ${id} change recorded`,
    ).toBe(true);
  }
  for (const id of changed(before.conversations, after.conversations)) {
    expect(
      entries.some((e) => e.conversationId === id),
      `conversation ${id} change recorded`,
    ).toBe(true);
  }
  // Revisions never go back.
  for (const [id, t] of after.tickets) expect(t.rev).toBeGreaterThanOrEqual(before.tickets.get(id)?.rev ?? 0);

  if (input.type === 'purgeTrash') {
    // Delete forever: the group and every entry that named it are gone; nothing live changed.
    expect(after.trash.has(input.trashId), 'a purged group is gone').toBe(false);
    expect([...after.timeline.values()].filter((e) => e.to === input.trashId && e.field === 'deleted')).toEqual([]);
    expect([after.tickets, after.conversations, after.contacts]).toEqual([before.tickets, before.conversations, before.contacts]);
  }
  if (input.type === 'setTicketStage') {
    const ticket = after.tickets.get(input.ticketId)!;
    const stage = findStage(after.settings, ticket.pipelineId, ticket.stageId)!;
    const linked = [...after.conversations.values()].filter((c) => c.ticketId === ticket.id);
    const wasClosed = findStage(before.settings, ticket.pipelineId, before.tickets.get(ticket.id)!.stageId)!.state === 'closed';
    if (stage.state === 'closed' && !wasClosed) {
      for (const c of linked) expect(c.state, 'rule 3: closing a ticket closes every conversation').toBe('closed');
    }
    if (stage.state === 'open' && wasClosed) {
      for (const c of linked) {
        const prior = before.conversations.get(c.id)!;
        const expected = linked.length === 1 ? 'open' : prior.state;
        expect(c.state, 'rule 4: only a lone conversation reopens').toBe(expected);
      }
    }
  }
  if (input.type === 'observe') {
    const o = input.observation;
    const id = `${o.provider}:${o.account}:${o.threadId}`;
    const was = before.conversations.get(id);
    const now = after.conversations.get(id)!;
    const newer = was?.lastMessageAt != null && o.lastMessageAt != null && o.lastMessageAt > was.lastMessageAt;
    const fromCustomer =
      !!o.lastSenderEmail && !after.settings.team.some((m) => m.email === o.lastSenderEmail) && o.lastSenderEmail !== o.account;
    if (was?.state === 'closed') {
      expect(now.state, 'a closed conversation reopens exactly when its customer writes again').toBe(
        newer && fromCustomer ? 'open' : 'closed',
      );
    }
  }
  if (input.type === 'reopenConversation' || input.type === 'addConversationToTicket') {
    const conv = after.conversations.get(input.conversationId);
    const ticket = conv?.ticketId ? after.tickets.get(conv.ticketId) : undefined;
    if (conv && ticket && conv.state === 'open') expect(findStage(after.settings, ticket.pipelineId, ticket.stageId)!.state).toBe('open');
  }
  if (input.type === 'setConversationOwner') {
    const conv = after.conversations.get(input.conversationId)!;
    const moved = before.conversations.get(input.conversationId)!.ownerId !== input.ownerId;
    if (moved && conv.ticketId) expect(after.tickets.get(conv.ticketId)!.ownerId, 'rule 2').toBe(input.ownerId);
  }
  if (input.type === 'setTicketOwner' || input.type === 'closeConversation') {
    // Rule 2 (other way) and rule 5: the other side is untouched.
    const untouched = input.type === 'setTicketOwner' ? [before.conversations, after.conversations] : [before.tickets, after.tickets];
    expect(untouched[1]).toEqual(untouched[0]);
  }
}
