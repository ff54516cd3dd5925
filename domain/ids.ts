import { z } from 'zod';
import { CAPS } from './text';
import { PROVIDER_IDS } from './zod-free/providers';

/** Record ids made by Sidedesk (UUIDs in practice; any short opaque token is accepted). */
export const RecordId = z.string().min(1).max(100);

/** Milliseconds since the Unix epoch. */
export const Timestamp = z.number().int().nonnegative();

/** Revision of a mutable record; starts at 1 and grows by one on every write. */
export const Rev = z.number().int().positive();

/** A lower-cased email address. */
export const Email = z
  .string()
  .max(CAPS.email)
  .regex(/^[^\s@A-Z]+@[^\s@A-Z]+$/, 'expected a lower-cased email address');

/** A supported webmail, from the one list of providers. */
export const Provider = z.enum(PROVIDER_IDS);
export type Provider = z.infer<typeof Provider>;

/** `provider:account:threadId`, for example `gmail:me@example.com:18c2f4a1b9e0d3c7`. */
export const ConversationId = z
  .string()
  .max(CAPS.email + 600)
  .regex(new RegExp(`^(${PROVIDER_IDS.join('|')}):[^:\\s]+:\\S+$`), 'expected provider:account:threadId');

/** Builds a conversation id from its parts. The thread id is opaque and may contain colons. */
export function conversationIdOf(provider: Provider, account: string, threadId: string): string {
  return `${provider}:${account}:${threadId}`;
}

/** Who made a change: an owner id, or `sidedesk` for changes made by the product itself. */
export const Actor = z.string().min(1).max(CAPS.email);
export const SYSTEM_ACTOR = 'sidedesk';
