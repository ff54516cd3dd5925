import { z } from 'zod';
import { Conversation } from './conversation';
import { RecordId } from './ids';
import { Ticket } from './ticket';
import { TimelineEntry } from './timeline';

/** What a command did, as the UI needs it: the records it was about after the change, and the
 * entries of every cascade it set off ("Ticket closed, and 2 conversations"). */
export const CommandResult = z.object({
  ticket: Ticket.nullable(),
  conversation: Conversation.nullable(),
  trashId: RecordId.nullable(),
  cascade: z.array(TimelineEntry),
  /** False when the command asked for what already was (same stage, same owner...). */
  changed: z.boolean(),
  /** An observation that made this conversation its contact's for the first time: a new
   * conversation, or one whose contact was only now read (a pane first read half-drawn). */
  newForContact: z.boolean().optional(),
});
export type CommandResult = z.infer<typeof CommandResult>;
