import type { Conversation } from '@/domain';

/**
 * A key that is the same for one mail thread seen from two of the agent's mailboxes, or null
 * where the provider's id cannot tell.
 *
 * - Outlook: the conversation id Outlook puts on its rows is the mailbox's id (its first bytes
 *   name the mailbox) followed by a 16-byte conversation id, which Exchange derives from the
 *   conversation index that travels with the mail (Thread-Index). Those 16 bytes are the key: the
 *   same thread in two mailboxes has the same ones when its mails carry that index (mail from
 *   Outlook and Exchange does); when they do not, each mailbox makes its own and the two stay
 *   apart. A wrong match would need two random 16-byte ids to collide.
 * - Gmail, Proton Mail and Fastmail: a thread id is one mailbox's own (Gmail's hex id is that
 *   mailbox's id of the first message; Proton's and Fastmail's (JMAP) ids are per account), so
 *   the same thread in two accounts has unrelated ids. Nothing in the id can tell; a match by
 *   subject and dates would be a guess, and a guess here would say two threads are one.
 */
export function sameThreadKey(conversation: Pick<Conversation, 'provider' | 'threadId'>): string | null {
  if (conversation.provider !== 'outlook') return null;
  const bytes = base64Bytes(conversation.threadId);
  // ... 0x00 0x10 0x00, then the 16 bytes (the tail of every id seen on Outlook's rows).
  if (!bytes || bytes.length < 24) return null;
  const tail = bytes.length - 16;
  if (bytes[tail - 3] !== 0x00 || bytes[tail - 2] !== 0x10 || bytes[tail - 1] !== 0x00) return null;
  return `outlook:${[...bytes.subarray(tail)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function base64Bytes(text: string): Uint8Array | null {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
