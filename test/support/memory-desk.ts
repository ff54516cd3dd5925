import {
  Command,
  decide,
  DEFAULT_SETTINGS,
  gatherSnapshot,
  type CommandInput,
  type CommandResult,
  type Contact,
  type Conversation,
  type DeskError,
  type DeskReader,
  type Settings,
  type Ticket,
  type TimelineEntry,
  type TrashGroup,
  type Writes,
} from '@/domain';

/** Plain maps standing in for the tables, so the pure cascade can be driven fast and in bulk. */
export interface MemoryState {
  tickets: Map<string, Ticket>;
  conversations: Map<string, Conversation>;
  contacts: Map<string, Contact>;
  timeline: Map<string, TimelineEntry>;
  trash: Map<string, TrashGroup>;
  settings: Settings;
  nextTicketNumber: number;
}

export function emptyState(): MemoryState {
  return {
    tickets: new Map(),
    conversations: new Map(),
    contacts: new Map(),
    timeline: new Map(),
    trash: new Map(),
    settings: structuredClone(DEFAULT_SETTINGS),
    nextTicketNumber: 1,
  };
}

export function cloneState(s: MemoryState): MemoryState {
  return structuredClone(s);
}

function readerOf(s: MemoryState): DeskReader {
  return {
    ticket: async (id) => s.tickets.get(id),
    conversation: async (id) => s.conversations.get(id),
    conversationsOfTicket: async (ticketId) => [...s.conversations.values()].filter((c) => c.ticketId === ticketId),
    contact: async (email) => s.contacts.get(email),
    timelineOf: async (ref) =>
      [...s.timeline.values()].filter(
        (e) => (ref.ticketId && e.ticketId === ref.ticketId) || (ref.conversationId && e.conversationId === ref.conversationId),
      ),
    trash: async (id) => s.trash.get(id),
    settings: async () => s.settings,
    ticketsInStage: async (pipelineId, stageId) =>
      [...s.tickets.values()].filter((t) => t.pipelineId === pipelineId && t.stageId === stageId).length,
    nextTicketNumber: async () => s.nextTicketNumber,
  };
}

function apply(s: MemoryState, w: Writes): void {
  for (const id of w.deleteTrash) s.trash.delete(id);
  for (const id of w.deleteTimeline) s.timeline.delete(id);
  for (const id of w.deleteConversations) s.conversations.delete(id);
  for (const id of w.deleteTickets) s.tickets.delete(id);
  for (const t of w.putTickets) s.tickets.set(t.id, t);
  for (const c of w.putConversations) s.conversations.set(c.id, c);
  for (const c of w.putContacts) s.contacts.set(c.email, c);
  for (const e of w.putTimeline) s.timeline.set(e.id, e);
  for (const g of w.putTrash) s.trash.set(g.id, g);
  if (w.putSettings) s.settings = w.putSettings;
  if (w.nextTicketNumber !== null) s.nextTicketNumber = w.nextTicketNumber;
}

export type MemoryOutcome = { ok: true; data: CommandResult; writes: Writes } | { ok: false; error: DeskError };

/** Runs commands through the same gather → decide → apply path as the store, over maps. */
export function createMemoryDesk(state: MemoryState = emptyState()) {
  let clock = 1_700_000_000_000;
  let seq = 0;
  return {
    state,
    tick(ms = 1000) {
      clock += ms;
    },
    async run(input: CommandInput): Promise<MemoryOutcome> {
      const command = Command.parse(input);
      const snap = await gatherSnapshot(command, readerOf(state));
      const decision = decide(command, snap, { now: clock, newId: () => `id-${++seq}` });
      if (!decision.ok) return decision;
      apply(state, decision.writes);
      return { ok: true, data: decision.result, writes: decision.writes };
    },
  };
}
