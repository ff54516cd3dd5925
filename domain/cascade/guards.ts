import type { Conversation } from '../conversation';
import { deskError, type DeskError } from '../zod-free/errors';
import type { Settings } from '../settings';
import type { Snapshot } from '../snapshot';
import type { Ticket } from '../ticket';

type Found<T> = { ok: true; value: T } | { ok: false; error: DeskError };

/** The record the command edits, at the revision the command was made on. */
export function editable<T extends { rev: number }>(record: T | undefined, what: string, rev: number | undefined): Found<T> {
  if (!record) return { ok: false, error: deskError('not-found', `${what} does not exist (it may have been deleted).`) };
  if (rev !== undefined && rev !== record.rev) {
    return {
      ok: false,
      error: deskError('conflict', `${what} was changed elsewhere (revision ${record.rev}, edit made on ${rev}). Reload and try again.`),
    };
  }
  return { ok: true, value: record };
}

export function ticketIn(snap: Snapshot, id: string, rev?: number): Found<Ticket> {
  return editable(snap.tickets.get(id), `Ticket ${id}`, rev);
}

export function conversationIn(snap: Snapshot, id: string, rev?: number): Found<Conversation> {
  return editable(snap.conversations.get(id), `Conversation ${id}`, rev);
}

/** Conversations linked to `ticketId`, in a stable order. */
export function linkedTo(snap: Snapshot, ticketId: string): Conversation[] {
  return [...snap.conversations.values()].filter((c) => c.ticketId === ticketId).sort((a, b) => a.id.localeCompare(b.id));
}

/** Whether `ownerId` may be given work: no one, or a member who has not left the team. */
export function checkOwner(settings: Settings, ownerId: string | null): DeskError | null {
  if (ownerId === null) return null;
  const member = settings.team.find((m) => m.id === ownerId);
  if (!member) return deskError('unknown-owner', `No team member has the id ${ownerId}.`);
  if (member.active === false) return deskError('unknown-owner', `${member.name || member.email} has left the team.`);
  return null;
}
