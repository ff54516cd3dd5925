import type { CommandInput, Conversation, ObservationInput, Ticket } from '@/domain';

export const ACCOUNT = 'agent@sidedesk.test';
export const COLLEAGUE = 'colleague@sidedesk.test';

let request = 0;
/** A fresh request id per command, as a client would make. */
export function rid(): string {
  return `req-${++request}`;
}

export function observation(threadId: string, over: Partial<ObservationInput> = {}): ObservationInput {
  return {
    provider: 'gmail',
    account: ACCOUNT,
    threadId,
    subject: `Subject ${threadId}`,
    url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
    contact: { email: `customer-${threadId}@klient.pl`, name: `Customer ${threadId}` },
    participants: [{ email: `customer-${threadId}@klient.pl`, name: `Customer ${threadId}` }],
    messageCount: 1,
    lastMessageAt: 1_761_850_560_000,
    ...over,
  };
}

export function convId(threadId: string, account = ACCOUNT): string {
  return `gmail:${account}:${threadId}`;
}

export function observe(threadId: string, over: Partial<ObservationInput> = {}): CommandInput {
  return { type: 'observe', requestId: rid(), actor: 'content-script', observation: observation(threadId, over) };
}

/** Ticket number `n` as stored, written straight into a database (its activity at time `n`). */
export function ticketRecord(n: number, name = `Ticket ${n}`): Ticket {
  return {
    id: `t${n}`,
    number: n,
    name,
    description: '',
    pipelineId: 'support',
    stageId: 'new',
    priority: 'medium',
    ownerId: null,
    category: null,
    source: 'email',
    contactEmail: null,
    createdAt: n,
    updatedAt: n,
    closedAt: null,
    properties: {},
    rev: 1,
  };
}

/** A stored conversation of `account`, as the desk would have written it, with no ticket. */
export function conversationRecord(account: string, threadId: string, provider: Conversation['provider'] = 'gmail'): Conversation {
  return {
    id: `${provider}:${account}:${threadId}`,
    provider,
    account,
    threadId,
    subject: 'Hello',
    url: null,
    contactEmail: null,
    participants: [],
    messageCount: 1,
    lastMessageAt: null,
    ownerId: account,
    state: 'open',
    ticketId: null,
    firstSeenAt: 1,
    lastSeenAt: 1,
    rev: 1,
  };
}
