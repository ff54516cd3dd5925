import type { CommandInput, ObservationInput } from '../../domain';

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
