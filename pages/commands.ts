import { useMemo, useRef } from 'preact/hooks';
import { useT, type Translate } from '@/components/common/i18n';
import { useToast, type ToastMessage } from '@/components/common/toast';
import {
  DeskFailure,
  findStage,
  stageLabel,
  SYSTEM_ACTOR,
  settingsRev,
  type CommandInput,
  type SettingsChangeInput,
  type CommandResult,
  type Settings,
  type Ticket,
  type TrashGroup,
} from '@/domain';
import type { Client } from '@/messaging/client';

/** A command as a page builds it: the request id and the actor are added when it is sent. */
export type CommandBody = CommandInput extends infer C ? (C extends unknown ? Omit<C, 'requestId' | 'actor'> : never) : never;
type Body = CommandBody;

export interface PageCommandsDeps {
  call: Client;
  t: Translate;
  actor: () => string;
  settings: () => Settings;
  toast: (message: Omit<ToastMessage, 'id'>) => void;
}

/** The ticket and conversation a command acts on: what its message is about. */
function aboutOf(body: Body): string[] {
  const ids = body as { ticketId?: unknown; conversationId?: unknown };
  return [ids.ticketId, ids.conversationId].filter((id): id is string => typeof id === 'string');
}

/**
 * Sends the panel's commands and says what happened. The message comes only from the stored
 * result (never before the transaction committed), with Undo where undoing restores exactly.
 */
export function createPageCommands({ call, t, actor, settings, toast }: PageCommandsDeps) {
  async function run(body: Body): Promise<CommandResult | null> {
    try {
      return await call('command', { ...body, requestId: crypto.randomUUID(), actor: actor() } as CommandInput);
    } catch (error) {
      // The agent reads one sentence; the whole error is for whoever opens the console.
      console.error('Sidedesk: a command was not saved', error);
      const code = error instanceof DeskFailure ? error.error.code : 'internal';
      const text =
        code === 'conflict'
          ? t('conflictShown')
          : code === 'restore-collision'
            ? t('restoreCollision')
            : t('notSaved', [(error as Error).message]);
      toast({ text, tone: 'error', about: aboutOf(body) });
      return null;
    }
  }

  return {
    run,

    /** Moves the ticket to `stageId`; Undo takes it back to the stage it left. */
    async setStage(ticket: Ticket, stageId: string, linked: number) {
      const from = ticket.stageId;
      const result = await run({ type: 'setTicketStage', ticketId: ticket.id, rev: ticket.rev, stageId });
      if (!result?.ticket || !result.changed) return;
      const after = result.ticket;
      const closed = result.cascade.filter((e) => e.to === 'closed').length;
      const reopened = result.cascade.filter((e) => e.to === 'open').length;
      const label = stageLabel(findStage(settings(), after.pipelineId, stageId), t, stageId);
      const text = closed > 0 ? t('toastTicketClosed', [closed]) : reopened > 0 ? t('toastTicketReopened') : t('toastStage', [label]);
      // Reopening reopens a lone conversation only (rule 4): undoing a close is exact only when
      // the ticket has at most one conversation.
      const exact = closed === 0 || linked <= 1;
      toast({
        text,
        tone: 'info',
        about: [after.id],
        undo: exact ? () => void run({ type: 'setTicketStage', ticketId: after.id, rev: after.rev, stageId: from }) : undefined,
      });
    },

    /** Rule 6; the message names what went, as the confirmation did, and Undo restores it all. */
    async trash(conversationId: string, rev: number, withTicket: boolean, conversations: number) {
      const result = await run({ type: 'trashConversation', conversationId, rev, conversations });
      if (!result?.trashId) return;
      const trashId = result.trashId;
      const text = withTicket ? t('toastTrashedTicket', [conversations]) : t('toastTrashedConversation');
      toast({ text, tone: 'info', about: [conversationId], undo: () => void run({ type: 'restoreTrash', trashId }) });
    },

    /** Rule 6 from the record page; Undo restores the ticket and its conversations. */
    async deleteTicket(ticket: Ticket, conversations: number) {
      const result = await run({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev, conversations });
      if (!result?.trashId) return;
      const trashId = result.trashId;
      toast({
        text: t('toastDeleted', [conversations]),
        tone: 'info',
        about: [ticket.id],
        undo: () => void run({ type: 'restoreTrash', trashId }),
      });
    },

    /** Restore from a page that shows what is in the trash; the restored records reappear there. */
    async restore(group: TrashGroup) {
      const result = await run({ type: 'restoreTrash', trashId: group.id });
      if (result)
        toast({
          text: t('toastRestored'),
          tone: 'info',
          about: [...group.tickets.map((x) => x.id), ...group.conversations.map((c) => c.id)],
        });
    },

    /** Delete forever, from the trash page only (the one permanent deletion; no Undo). */
    async purge(group: TrashGroup) {
      const result = await run({ type: 'purgeTrash', trashId: group.id });
      if (result) toast({ text: t('toastPurged'), tone: 'info' });
    },

    /** A settings change on the revision shown; true once stored (a refusal is said in the toast). */
    async changeSettings(change: SettingsChangeInput): Promise<boolean> {
      return (await run({ type: 'changeSettings', rev: settingsRev(settings()), change })) !== null;
    },

    async setConversationOwner(conversationId: string, rev: number, ownerId: string | null) {
      const result = await run({ type: 'setConversationOwner', conversationId, rev, ownerId });
      if (result?.cascade.length) toast({ text: t('toastOwnerFollowed'), tone: 'info', about: [conversationId] });
    },
  };
}

export type PageCommands = ReturnType<typeof createPageCommands>;

/** Who acts and under which settings, as the page shows them now (undefined while loading). */
export interface CommandContext {
  actor: string;
  settings: Settings;
}

/**
 * A page's commands wired to its toast, once: stable across renders, acting as whoever the page
 * shows at the moment a command is sent. `showing` is the tickets and conversations on screen
 * (see `useToast`): a message about one no longer shown goes, and its Undo with it.
 */
export function usePageCommands(call: Client, context: CommandContext | undefined, showing?: readonly string[]) {
  const t = useT();
  const [toast, toaster] = useToast(showing);
  const latest = useRef(context);
  latest.current = context;
  const commands = useMemo(
    () =>
      createPageCommands({
        call,
        t,
        actor: () => latest.current?.actor ?? SYSTEM_ACTOR,
        settings: () => latest.current!.settings,
        toast: toaster.show,
      }),
    [call, t, toaster],
  );
  return { commands, toast, toaster };
}
