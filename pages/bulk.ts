import type { CommandResult, Priority, Ticket } from '@/domain';
import type { Client } from '@/messaging/client';
import { BATCH_MAX } from '@/messaging/protocol';
import type { CommandBody } from './commands';

/** What a bulk action does to each selected ticket. */
export type BulkAction =
  | { kind: 'stage'; stageId: string }
  | { kind: 'owner'; ownerId: string | null }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'trash' };

export type BulkResult = { ok: true; result: CommandResult } | { ok: false; error: { code: string; message: string } };

/** One command per ticket, each with the revision the agent saw: a ticket changed since is refused
 * as a conflict, alone. `conversations` is each ticket's count, as the confirmation named it. */
export function bulkCommands(action: BulkAction, tickets: readonly Ticket[], conversations: ReadonlyMap<string, number>): CommandBody[] {
  return tickets.map((t): CommandBody => {
    switch (action.kind) {
      case 'stage':
        return { type: 'setTicketStage', ticketId: t.id, rev: t.rev, stageId: action.stageId };
      case 'owner':
        return { type: 'setTicketOwner', ticketId: t.id, rev: t.rev, ownerId: action.ownerId };
      case 'priority':
        return { type: 'updateTicket', ticketId: t.id, rev: t.rev, changes: { priority: action.priority } };
      case 'trash':
        return { type: 'deleteTicket', ticketId: t.id, rev: t.rev, conversations: conversations.get(t.id) ?? 0 };
    }
  });
}

/**
 * The commands that take back what a bulk action changed, or null where one of them would not
 * restore exactly: closing a ticket closes all its conversations, and reopening it reopens a lone
 * one only (rule 4), so a close of a ticket with several cannot be undone. Tickets left unchanged
 * (refused, or already so) are left alone.
 */
export function undoCommands(
  action: BulkAction,
  before: readonly Ticket[],
  results: readonly BulkResult[],
  conversations: ReadonlyMap<string, number>,
): CommandBody[] | null {
  const undo: CommandBody[] = [];
  for (const [i, r] of results.entries()) {
    const was = before[i]!;
    if (!r.ok || !r.result.changed) continue;
    if (action.kind === 'trash') {
      if (!r.result.trashId) return null;
      undo.push({ type: 'restoreTrash', trashId: r.result.trashId });
      continue;
    }
    const after = r.result.ticket;
    if (!after) return null;
    if (action.kind === 'stage') {
      const closed = r.result.cascade.some((e) => e.to === 'closed');
      if (closed && (conversations.get(was.id) ?? 0) > 1) return null;
      undo.push({ type: 'setTicketStage', ticketId: was.id, rev: after.rev, stageId: was.stageId });
    } else if (action.kind === 'owner') {
      undo.push({ type: 'setTicketOwner', ticketId: was.id, rev: after.rev, ownerId: was.ownerId });
    } else {
      undo.push({ type: 'updateTicket', ticketId: was.id, rev: after.rev, changes: { priority: was.priority } });
    }
  }
  return undo;
}

/** How many changed, how many were refused and the first reason, and how many conversations the
 * cascades closed or reopened. */
export function summarize(results: readonly BulkResult[]) {
  let changed = 0;
  let unchanged = 0;
  let closed = 0;
  let reopened = 0;
  const refused: Array<{ code: string; message: string }> = [];
  for (const r of results) {
    if (!r.ok) {
      refused.push(r.error);
      continue;
    }
    if (r.result.changed) changed += 1;
    else unchanged += 1;
    closed += r.result.cascade.filter((e) => e.to === 'closed').length;
    reopened += r.result.cascade.filter((e) => e.to === 'open').length;
  }
  return { changed, unchanged, closed, reopened, refused };
}

/** Per message: one message per ticket would cost a round trip each, one for all would leave the
 * page without news for seconds. */
export const BULK_CHUNK = Math.min(50, BATCH_MAX);

/**
 * Sends `bodies` in chunks, in order, and reports progress after each: the page stays responsive
 * (each chunk is an await), and a thousand changes show how far they got. If the background stops
 * answering, what was not sent is reported as not saved, and nothing is sent after it.
 */
export async function sendBulk(
  call: Client,
  bodies: readonly CommandBody[],
  actor: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (let i = 0; i < bodies.length; i += BULK_CHUNK) {
    const chunk = bodies.slice(i, i + BULK_CHUNK).map((b) => ({ ...b, requestId: crypto.randomUUID(), actor }));
    try {
      // A lost answer (the worker restarted) is asked again with the same request ids: what was
      // stored is answered from the record, never applied twice.
      const answer = await call('commands', { commands: chunk }).catch(() => call('commands', { commands: chunk }));
      results.push(...(answer.results as BulkResult[]));
    } catch (error) {
      const message = (error as Error).message;
      for (let j = i; j < bodies.length; j++) results.push({ ok: false, error: { code: 'internal', message } });
      onProgress?.(bodies.length, bodies.length);
      return results;
    }
    onProgress?.(results.length, bodies.length);
  }
  return results;
}
