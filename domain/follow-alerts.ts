import type { CommandType } from './commands';
import type { Contact } from './contact';
import type { CommandResult } from './result';
import type { Settings } from './settings';
import { findStage } from './settings';
import { ticketLabel } from './zod-free/labels';

/** Something to tell the agent about a followed contact. */
export type FollowAlert =
  | { kind: 'new-conversation'; contact: string; subject: string; conversationId: string }
  | { kind: 'stage'; contact: string; ticket: string; stage: string; ticketId: string };

/**
 * Following a contact means hearing about them: a conversation from them seen for the first
 * time (also when its contact is read only on a second look), and a stage change of one of
 * their tickets. Nothing when notifications are off.
 */
export function followAlerts(type: CommandType, result: CommandResult, contact: Contact | undefined, settings: Settings): FollowAlert[] {
  if (!settings.notifications || !contact?.followed) return [];
  const who = contact.name || contact.email;
  const c = result.conversation;
  if (type === 'observe' && c && c.contactEmail === contact.email && result.newForContact) {
    return [{ kind: 'new-conversation', contact: who, subject: c.subject, conversationId: c.id }];
  }
  const t = result.ticket;
  if (type === 'setTicketStage' && result.changed && t && t.contactEmail === contact.email) {
    return [
      {
        kind: 'stage',
        contact: who,
        ticket: `${ticketLabel(t)} ${t.name}`,
        stage: findStage(settings, t.pipelineId, t.stageId)?.label ?? t.stageId,
        ticketId: t.id,
      },
    ];
  }
  return [];
}

/** The contact an alert would be about, to read before deciding. */
export function alertContactEmail(result: CommandResult): string | null {
  return result.ticket?.contactEmail ?? result.conversation?.contactEmail ?? null;
}
