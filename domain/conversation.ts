import { z } from 'zod';
import { ConversationId, Email, Provider, RecordId, Rev, Timestamp } from './ids';
import { CAPS } from './text';
import { MAX_PARTICIPANTS } from './zod-free/participants';

export const Participant = z.object({
  email: Email,
  name: z.string().max(CAPS.line),
});
export type Participant = z.infer<typeof Participant>;

export const Conversation = z.object({
  id: ConversationId,
  provider: Provider,
  account: Email,
  threadId: z.string().min(1).max(500),
  subject: z.string().max(CAPS.line),
  /** Deep link that reopens the thread in its webmail (https only). */
  url: z.string().max(CAPS.url).nullable(),
  contactEmail: Email.nullable(),
  participants: z.array(Participant).max(MAX_PARTICIPANTS),
  messageCount: z.number().int().min(0),
  lastMessageAt: Timestamp.nullable(),
  ownerId: RecordId.nullable(),
  state: z.enum(['open', 'closed']),
  ticketId: RecordId.nullable(),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
  rev: Rev,
});
export type Conversation = z.infer<typeof Conversation>;
