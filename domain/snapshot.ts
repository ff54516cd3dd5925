import type { Command } from './commands';
import type { Contact } from './contact';
import type { Conversation } from './conversation';
import { conversationIdOf } from './ids';
import { externalContact } from './observation';
import type { Settings } from './settings';
import type { Ticket } from './ticket';
import type { TimelineEntry } from './timeline';
import type { TrashGroup } from './trash';

/** Read access to the stored records. The store implements it over Dexie inside the command's
 * transaction; the domain tests implement it over plain maps. */
export interface DeskReader {
  ticket(id: string): Promise<Ticket | undefined>;
  conversation(id: string): Promise<Conversation | undefined>;
  conversationsOfTicket(ticketId: string): Promise<Conversation[]>;
  contact(email: string): Promise<Contact | undefined>;
  timelineOf(ref: { ticketId?: string; conversationId?: string }): Promise<TimelineEntry[]>;
  trash(id: string): Promise<TrashGroup | undefined>;
  settings(): Promise<Settings>;
  /** How many tickets are in a stage (counted from an index). */
  ticketsInStage(pipelineId: string, stageId: string): Promise<number>;
  nextTicketNumber(): Promise<number>;
}

/** The records a command touches, read before the cascade decides. */
export interface Snapshot {
  settings: Settings;
  nextTicketNumber: number;
  tickets: Map<string, Ticket>;
  conversations: Map<string, Conversation>;
  contacts: Map<string, Contact>;
  /** Only for deletes: the timeline that goes into the trash with its records; for a purge, the
   * live entries that point at the purged group. */
  timeline: TimelineEntry[];
  trash: TrashGroup | null;
  /** For a settings change about a stage: how many tickets are in it. */
  ticketsInStage: number;
}

/** Reads everything `command` may touch, following links (conversation, its ticket, the
 * ticket's other conversations) as far as the cascade can reach. */
export async function gatherSnapshot(command: Command, reader: DeskReader): Promise<Snapshot> {
  const snap: Snapshot = {
    settings: await reader.settings(),
    nextTicketNumber: command.type === 'createTicket' ? await reader.nextTicketNumber() : 0,
    tickets: new Map(),
    conversations: new Map(),
    contacts: new Map(),
    timeline: [],
    trash: null,
    ticketsInStage: 0,
  };
  const addConversation = async (id: string) => {
    const c = await reader.conversation(id);
    if (c) snap.conversations.set(c.id, c);
    return c;
  };
  const addTicketFamily = async (ticketId: string) => {
    const t = await reader.ticket(ticketId);
    if (!t) return;
    snap.tickets.set(t.id, t);
    for (const c of await reader.conversationsOfTicket(t.id)) snap.conversations.set(c.id, c);
  };

  switch (command.type) {
    case 'observe': {
      const o = command.observation;
      // Its ticket too: a customer writing again reopens a closed ticket.
      const c = await addConversation(conversationIdOf(o.provider, o.account, o.threadId));
      if (c?.ticketId) await addTicketFamily(c.ticketId);
      // The contact the cascade will keep (not always the one the page named), read as stored,
      // so that what is known of them (followed, company) is kept.
      const person = externalContact(o, snap.settings.team);
      if (person) {
        const contact = await reader.contact(person.email);
        if (contact) snap.contacts.set(contact.email, contact);
      }
      break;
    }
    case 'createTicket':
    case 'setConversationOwner':
    case 'closeConversation':
    case 'reopenConversation':
    case 'addConversationToTicket':
    case 'trashConversation': {
      const c = await addConversation(command.conversationId);
      if (c?.ticketId) await addTicketFamily(c.ticketId);
      if (command.type === 'addConversationToTicket') await addTicketFamily(command.ticketId);
      break;
    }
    case 'setMe':
      break;
    case 'changeSettings': {
      const change = command.change;
      if ('stageId' in change && (change.kind === 'setStageState' || change.kind === 'deleteStage')) {
        snap.ticketsInStage = await reader.ticketsInStage(change.pipelineId, change.stageId);
      }
      break;
    }
    case 'updateTicket':
    case 'setTicketStage':
    case 'setTicketOwner':
    case 'deleteTicket':
      await addTicketFamily(command.ticketId);
      break;
    case 'restoreTrash': {
      snap.trash = (await reader.trash(command.trashId)) ?? null;
      for (const t of snap.trash?.tickets ?? []) {
        const live = await reader.ticket(t.id);
        if (live) snap.tickets.set(live.id, live);
      }
      for (const c of snap.trash?.conversations ?? []) await addConversation(c.id);
      break;
    }
    case 'purgeTrash': {
      snap.trash = (await reader.trash(command.trashId)) ?? null;
      if (!snap.trash) break;
      // The live entries that say "deleted into this group" name its ticket and subjects: they go
      // with it. Everything else of a conversation seen again since is the live record's own.
      const refs = [
        ...snap.trash.tickets.map((t) => ({ ticketId: t.id })),
        ...snap.trash.conversations.map((c) => ({ conversationId: c.id })),
      ];
      const seen = new Set<string>();
      for (const ref of refs) {
        for (const e of await reader.timelineOf(ref)) {
          if (e.field === 'deleted' && e.to === command.trashId && !seen.has(e.id)) (seen.add(e.id), snap.timeline.push(e));
        }
      }
      break;
    }
    case 'followContact': {
      const contact = await reader.contact(command.email);
      if (contact) snap.contacts.set(contact.email, contact);
      break;
    }
    default: {
      // A command without its case here would read nothing and be refused as not-found.
      const unhandled: never = command;
      throw new Error(`No snapshot for command ${(unhandled as Command).type}`);
    }
  }

  if (command.type === 'trashConversation' || command.type === 'deleteTicket') {
    const seen = new Set<string>();
    const refs = [
      ...[...snap.tickets.keys()].map((ticketId) => ({ ticketId })),
      ...[...snap.conversations.keys()].map((conversationId) => ({ conversationId })),
    ];
    for (const ref of refs) {
      for (const e of await reader.timelineOf(ref)) {
        if (!seen.has(e.id)) (seen.add(e.id), snap.timeline.push(e));
      }
    }
    // Storage returns entries in index order; the trash keeps them in the order they happened.
    snap.timeline.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return snap;
}
