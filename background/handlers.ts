import { DeskFailure, deskError, findStage, Settings, type CommandResult, type CommandType } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import type { Desk } from '@/store/desk';
import { readSettings } from '@/store/settings';
import { providerOfUrl, type Provider } from '@/domain/zod-free/providers';
import { READERS } from '@/webmail/registry';
import type { TicketView } from '@/messaging/protocol';
import type { Handlers } from './router';

export interface HandlerDeps {
  desk: Desk;
  db: SidedeskDatabase;
  /** Opens the ticket record page in a new tab. */
  openTicketPage: (ticketId: string) => Promise<void>;
  /** Opens the side panel on a tab; false where the browser refuses or has none. */
  openPanel?: (tabId: number | undefined) => Promise<boolean>;
  /** Runs the chip's script in a frame of a webmail tab; false where the browser refuses. */
  loadChip?: (tabId: number, frameId: number) => Promise<boolean>;
  /** Told after every stored command (chips, badge, follow alerts). */
  onStored?: (type: CommandType, result: CommandResult) => void;
  /** Told when the desk was written outside a command (an import): chips and badge read it again. */
  onDeskChanged?: () => void;
}

function orThrow<T>(outcome: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!outcome.ok) throw new DeskFailure(outcome.error as DeskFailure['error']);
  return outcome.data;
}

/** The background's answers to each request of the protocol. */
export function createHandlers({ desk, db, openTicketPage, openPanel, loadChip, onStored, onDeskChanged }: HandlerDeps): Handlers {
  /** A conversation's ticket as the chip shows it (number, name, stage), read together. */
  function ticketView(conversationId: string): Promise<TicketView> {
    return db.transaction('r', [db.conversations, db.tickets, db.settings], async () => {
      const conversation = await db.conversations.get(conversationId);
      const ticket = conversation?.ticketId ? await db.tickets.get(conversation.ticketId) : undefined;
      if (!ticket) return { ticket: null, stage: null };
      const stage = findStage(await readSettings(db), ticket.pipelineId, ticket.stageId) ?? null;
      return { ticket: { id: ticket.id, number: ticket.number, name: ticket.name }, stage };
    });
  }

  /** The ticket of the conversation a webmail tab shows now, as the background recorded it. */
  async function ticketOfTab(tabId: number | undefined): Promise<string | null> {
    const tab = tabId === undefined ? undefined : await db.tabs.get(tabId);
    const conversation = tab?.conversationId ? await db.conversations.get(tab.conversationId) : undefined;
    return conversation?.ticketId ?? null;
  }

  return {
    async command(command) {
      const outcome = await desk.execute(command);
      const result = orThrow(outcome);
      if (result.changed && !(outcome.ok && outcome.replayed)) onStored?.(command.type, result);
      return result;
    },

    async commands({ commands }) {
      const results = [];
      for (const command of commands) {
        const outcome = await desk.execute(command);
        if (!outcome.ok) {
          results.push({ ok: false as const, error: outcome.error });
          continue;
        }
        if (outcome.data.changed && !outcome.replayed) onStored?.((command as { type: CommandType }).type, outcome.data);
        results.push({ ok: true as const, result: outcome.data });
      }
      return { results };
    },

    async report({ requestId, reading }, caller) {
      const tabId = caller.tabId!;
      // The tab's address is the browser's word for it (the sender), never what the message says.
      const url = caller.url;
      if (reading.status !== 'conversation') {
        await desk.reportTab(tabId, url, reading.status === 'none' ? { status: 'ok' } : { status: 'unreadable', reason: reading.reason });
        return { conversationId: null, view: null };
      }
      // A content script speaks only for the webmail it runs on, and for the conversation its
      // address shows: a report of another thread was misled by the page, and is refused before
      // anything is stored or answered.
      if (providerOfUrl(caller.url) !== reading.observation.provider) {
        throw new DeskFailure(deskError('forbidden', 'A page may only report conversations of its own webmail.'));
      }
      if (!addressAllows(url, reading.observation.provider, reading.observation.threadId)) {
        throw new DeskFailure(deskError('forbidden', 'A page may only report the conversation its address shows.'));
      }
      const outcome = await desk.execute(
        {
          type: 'observe',
          requestId,
          actor: 'content-script',
          observation: reading.observation,
        },
        { tabId, url },
      );
      const result = orThrow(outcome);
      if (!(outcome.ok && outcome.replayed)) onStored?.('observe', result);
      const conversationId = result.conversation?.id ?? null;
      return { conversationId, view: conversationId ? await ticketView(conversationId) : null };
    },

    async conversationTicket({ conversationId }, caller) {
      if (caller.kind === 'content-script') {
        const tab = await db.tabs.get(caller.tabId!);
        if (tab?.conversationId !== conversationId) {
          throw new DeskFailure(deskError('forbidden', 'A page may only read the ticket of the conversation it shows.'));
        }
      }
      return ticketView(conversationId);
    },

    async openTicket({ ticketId }, caller) {
      if (caller.kind === 'content-script' && (await ticketOfTab(caller.tabId)) !== ticketId) {
        throw new DeskFailure(deskError('forbidden', 'A page may only open the ticket of the conversation it shows.'));
      }
      if (!(await db.tickets.get(ticketId))) throw new DeskFailure(deskError('not-found', 'That ticket no longer exists.'));
      await openTicketPage(ticketId);
      return { opened: true };
    },

    async loadChip(_data, caller) {
      // Only into the frame that asked, and only once its tab shows a conversation.
      const tab = caller.tabId === undefined ? undefined : await db.tabs.get(caller.tabId);
      if (!tab?.conversationId) throw new DeskFailure(deskError('forbidden', 'A page loads the chip only while it shows a conversation.'));
      return { loaded: (await loadChip?.(caller.tabId!, caller.frameId ?? 0)) ?? false };
    },

    async openPanel(_data, caller) {
      return { opened: (await openPanel?.(caller.tabId)) ?? false };
    },

    getSettings: () => readSettings(db),

    async deskChanged() {
      onDeskChanged?.();
      return {};
    },
  };
}

/**
 * Whether a report may be about `threadId`, judged from the page's own address (the sender's, not
 * the message's): yes when the address names that thread, no when it names another. An address
 * that names no thread (Gmail's split pane, an Outlook list) cannot tell, and the reading, taken
 * from the page's header parts only, is believed.
 */
export function addressAllows(url: string, provider: Provider, threadId: string): boolean {
  if (!URL.canParse(url)) return false;
  const named = READERS[provider].threadIdFromUrl(new URL(url));
  return named === null || named === threadId;
}
