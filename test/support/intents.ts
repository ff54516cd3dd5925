import fc from 'fast-check';
import type { CommandInput } from '@/domain';
import { COLLEAGUE, convId, observe, rid } from './builders';
import type { MemoryState } from './memory-desk';

const THREADS = ['a', 'b', 'c', 'd', 'e'];
const STAGES = ['new', 'waiting-on-contact', 'waiting-on-us', 'closed', 'no-such-stage'];
const OWNERS = ['agent@sidedesk.test', COLLEAGUE, null, 'stranger@x.test'];

/** A random user action, resolved against the state at the moment it runs (pick = which record,
 * stale = use an old revision). Unresolvable picks still make a command, which must be refused. */
export type Intent =
  | { kind: 'observe'; thread: number; subject: number }
  | { kind: 'reply'; thread: number; fromCustomer: boolean }
  | { kind: 'create'; thread: number; stage: number }
  | { kind: 'add'; thread: number; pick: number }
  | { kind: 'stage'; pick: number; stage: number; stale: boolean }
  | { kind: 'ticketOwner'; pick: number; owner: number; stale: boolean }
  | { kind: 'convOwner'; thread: number; owner: number; stale: boolean }
  | { kind: 'close' | 'reopen' | 'trash'; thread: number; stale: boolean }
  | { kind: 'delete'; pick: number; stale: boolean }
  | { kind: 'restore' | 'purge'; pick: number }
  | { kind: 'update'; pick: number; stale: boolean; priority: number };

const thread = fc.nat(THREADS.length - 1);
const pick = fc.nat(3);
const stale = fc.boolean().map((b) => b && Math.random() < 0.3);

export const intent: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('observe' as const), thread, subject: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reply' as const), thread, fromCustomer: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), thread, stage: fc.nat(STAGES.length - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), thread, pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('stage' as const), pick, stage: fc.nat(STAGES.length - 1), stale }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ticketOwner' as const), pick, owner: fc.nat(OWNERS.length - 1), stale }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('convOwner' as const), thread, owner: fc.nat(OWNERS.length - 1), stale }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('close' as const, 'reopen' as const, 'trash' as const), thread, stale }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick, stale }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('update' as const), pick, stale, priority: fc.nat(3) }) },
);

/** Every run starts with the threads seen, as an agent's inbox would be. */
export function seedCommands(): CommandInput[] {
  return THREADS.map((t) => observe(t));
}

/** A sequence long enough to build tickets with several conversations and then act on them. */
export function intents(maxLength: number): fc.Arbitrary<Intent[]> {
  return fc.array(intent, { minLength: Math.min(10, maxLength), maxLength, size: 'max' });
}

function nth<T>(list: T[], i: number): T | undefined {
  return list.length ? list[i % list.length] : undefined;
}

/** Turns an intent into the command a client would send in `state`. */
export function toCommand(i: Intent, state: MemoryState): CommandInput {
  const base = { requestId: rid(), actor: 'agent@sidedesk.test' };
  const tickets = [...state.tickets.values()].sort((a, b) => a.number - b.number);
  const ticket = 'pick' in i ? nth(tickets, i.pick) : undefined;
  const ticketId = ticket?.id ?? 'missing-ticket';
  const revOf = (r: { rev: number } | undefined, old: boolean) => Math.max(1, (r?.rev ?? 1) - (old ? 1 : 0));
  const cid = 'thread' in i ? convId(THREADS[i.thread]!) : '';
  const conv = state.conversations.get(cid);
  switch (i.kind) {
    case 'observe':
      return observe(THREADS[i.thread]!, { subject: `Subject ${i.subject}` });
    case 'reply': {
      // A newer message in the thread, from its customer or from a teammate.
      const t = THREADS[i.thread]!;
      return observe(t, {
        messageCount: (conv?.messageCount ?? 1) + 1,
        lastMessageAt: (conv?.lastMessageAt ?? 1_761_850_560_000) + 60_000,
        lastSenderEmail: i.fromCustomer ? `customer-${t}@klient.pl` : COLLEAGUE,
      });
    }
    case 'create':
      return { ...base, type: 'createTicket', conversationId: cid, draft: { stageId: STAGES[i.stage]! } };
    case 'add':
      return { ...base, type: 'addConversationToTicket', conversationId: cid, ticketId };
    case 'stage':
      return { ...base, type: 'setTicketStage', ticketId, rev: revOf(ticket, i.stale), stageId: STAGES[i.stage]! };
    case 'ticketOwner':
      return { ...base, type: 'setTicketOwner', ticketId, rev: revOf(ticket, i.stale), ownerId: OWNERS[i.owner]! };
    case 'convOwner':
      return { ...base, type: 'setConversationOwner', conversationId: cid, rev: revOf(conv, i.stale), ownerId: OWNERS[i.owner]! };
    case 'close':
      return { ...base, type: 'closeConversation', conversationId: cid, rev: revOf(conv, i.stale) };
    case 'reopen':
      return { ...base, type: 'reopenConversation', conversationId: cid, rev: revOf(conv, i.stale) };
    case 'trash':
      return { ...base, type: 'trashConversation', conversationId: cid, rev: revOf(conv, i.stale) };
    case 'delete':
      return { ...base, type: 'deleteTicket', ticketId, rev: revOf(ticket, i.stale) };
    case 'restore':
    case 'purge': {
      const groups = [...state.trash.values()].sort((a, b) => a.trashedAt - b.trashedAt || a.id.localeCompare(b.id));
      const trashId = nth(groups, i.pick)?.id ?? 'missing-trash';
      return { ...base, type: i.kind === 'restore' ? 'restoreTrash' : 'purgeTrash', trashId };
    }
    case 'update':
      return {
        ...base,
        type: 'updateTicket',
        ticketId,
        rev: revOf(ticket, i.stale),
        changes: { priority: (['low', 'medium', 'high', 'urgent'] as const)[i.priority]! },
      };
  }
}
