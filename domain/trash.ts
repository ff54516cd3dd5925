import { z } from 'zod';
import { Actor, ConversationId, RecordId, Timestamp } from './ids';
import { Conversation } from './conversation';
import { Ticket } from './ticket';
import { TimelineEntry } from './timeline';

/** A deleted group, kept whole so that restoring it gives back exactly what was there. */
export const TrashGroup = z.object({
  id: RecordId,
  trashedAt: Timestamp,
  actor: Actor,
  /** What the user did: trash a conversation or delete a ticket. */
  origin: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('trash-conversation'), conversationId: ConversationId }),
    z.object({ kind: z.literal('delete-ticket'), ticketId: RecordId }),
  ]),
  tickets: z.array(Ticket).max(1),
  conversations: z.array(Conversation),
  timeline: z.array(TimelineEntry),
});
export type TrashGroup = z.infer<typeof TrashGroup>;
