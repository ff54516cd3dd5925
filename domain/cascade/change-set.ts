import type { Command } from '../commands';
import type { Contact } from '../contact';
import type { Conversation } from '../conversation';
import type { DeskError } from '../zod-free/errors';
import type { CommandResult } from '../result';
import type { RuleId } from '../rules';
import type { Settings } from '../settings';
import type { Ticket } from '../ticket';
import { fitTimelineValue, type TimelineEntry, type TimelineField, type TimelineValue } from '../timeline';
import type { TrashGroup } from '../trash';

/** What the cascade needs from the world: the time and fresh ids, given, never read. */
export interface DecideContext {
  now: number;
  newId: () => string;
}

/** Everything a command writes. The store applies it in the command's own transaction. */
export interface Writes {
  putTickets: Ticket[];
  deleteTickets: string[];
  putConversations: Conversation[];
  deleteConversations: string[];
  putContacts: Contact[];
  putTimeline: TimelineEntry[];
  deleteTimeline: string[];
  putTrash: TrashGroup[];
  deleteTrash: string[];
  putSettings: Settings | null;
  /** This browser's "me" (a member id, or null to go back to its accounts); undefined: unchanged. */
  putMe?: string | null;
  /** The next free ticket number after this command, when it used one. */
  nextTicketNumber: number | null;
}

export type Decision = { ok: true; writes: Writes; result: CommandResult } | { ok: false; error: DeskError };

export interface EntryInput {
  ticketId?: string | null;
  conversationId?: string | null;
  contactEmail?: string | null;
  field: TimelineField;
  from: TimelineValue;
  to: TimelineValue;
  rule?: RuleId | null;
}

/** Writes that change nothing: what a change set starts from. */
export function noWrites(): Writes {
  return {
    putTickets: [],
    deleteTickets: [],
    putConversations: [],
    deleteConversations: [],
    putContacts: [],
    putTimeline: [],
    deleteTimeline: [],
    putTrash: [],
    deleteTrash: [],
    putSettings: null,
    nextTicketNumber: null,
  };
}

/** Collects the writes of one command; a record put twice keeps its last version. */
export function createChangeSet(command: Command, ctx: DecideContext) {
  const tickets = new Map<string, Ticket>();
  const conversations = new Map<string, Conversation>();
  const contacts = new Map<string, Contact>();
  const recorded: TimelineEntry[] = [];
  const writes = noWrites();

  return {
    writes,
    putTicket(t: Ticket) {
      tickets.set(t.id, t);
    },
    putConversation(c: Conversation) {
      conversations.set(c.id, c);
    },
    putContact(c: Contact) {
      contacts.set(c.email, c);
    },
    record(input: EntryInput): TimelineEntry {
      const entry: TimelineEntry = {
        id: ctx.newId(),
        at: ctx.now,
        actor: command.actor,
        requestId: command.requestId,
        ticketId: input.ticketId ?? null,
        conversationId: input.conversationId ?? null,
        contactEmail: input.contactEmail ?? null,
        field: input.field,
        from: fitTimelineValue(input.from),
        to: fitTimelineValue(input.to),
        rule: input.rule ?? null,
        seq: writes.putTimeline.length,
      };
      writes.putTimeline.push(entry);
      recorded.push(entry);
      return entry;
    },
    finish(about: Partial<Pick<CommandResult, 'ticket' | 'conversation' | 'trashId' | 'newForContact'>> = {}): Decision {
      writes.putTickets = [...tickets.values()];
      writes.putConversations = [...conversations.values()];
      writes.putContacts = [...contacts.values()];
      const result: CommandResult = {
        ticket: about.ticket ?? null,
        conversation: about.conversation ?? null,
        trashId: about.trashId ?? null,
        cascade: recorded.filter((e) => e.rule !== null),
        changed: recorded.length > 0,
        ...(about.newForContact ? { newForContact: true } : {}),
      };
      return { ok: true, writes, result };
    },
  };
}
export type ChangeSet = ReturnType<typeof createChangeSet>;

export function refuse(error: DeskError): Decision {
  return { ok: false, error };
}

/** Bumps a record's revision and update time. */
export function revise<T extends { rev: number }>(record: T, patch: Partial<T>): T {
  return { ...record, ...patch, rev: record.rev + 1 };
}
