import { z } from 'zod';
import { Actor, ConversationId, Email, RecordId, Rev } from './ids';
import { Observation } from './observation';
import { FreeProperties, Priority, TicketSource } from './ticket';
import { CAPS, cleanBlock, cleanLine } from './text';
import { SettingsChange } from './settings-change';

const line = z
  .string()
  .max(CAPS.line * 4)
  .transform((s) => cleanLine(s));
const block = z
  .string()
  .max(CAPS.description * 2)
  .transform((s) => cleanBlock(s));

/** Every command carries a request id (the same id applied twice has the effect of one) and
 * the actor who asked for it. */
const base = { requestId: RecordId, actor: Actor };

// Free properties as typed: names and text values cleaned like any other line (no invisible or
// control characters); a name that cleans to nothing is dropped.
const properties = FreeProperties.transform((props) =>
  Object.fromEntries(
    Object.entries(props)
      .map(
        ([name, value]) =>
          [cleanLine(name, CAPS.propertyName), typeof value === 'string' ? cleanLine(value, CAPS.propertyValue) : value] as const,
      )
      .filter(([name]) => name !== ''),
  ),
);

export const TicketDraft = z.object({
  name: line.optional(),
  description: block.optional(),
  pipelineId: RecordId.optional(),
  stageId: RecordId.optional(),
  priority: Priority.optional(),
  ownerId: RecordId.nullable().optional(),
  category: line.nullable().optional(),
  source: TicketSource.optional(),
  properties: properties.optional(),
});

export const TicketChanges = z
  .object({
    name: line,
    description: block,
    priority: Priority,
    category: line.nullable(),
    properties,
  })
  .partial();
export type TicketChanges = z.infer<typeof TicketChanges>;

export const Command = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('observe'), observation: Observation }),
  z.object({ ...base, type: z.literal('createTicket'), conversationId: ConversationId, draft: TicketDraft }),
  z.object({ ...base, type: z.literal('addConversationToTicket'), conversationId: ConversationId, ticketId: RecordId }),
  z.object({ ...base, type: z.literal('updateTicket'), ticketId: RecordId, rev: Rev, changes: TicketChanges }),
  z.object({ ...base, type: z.literal('setTicketStage'), ticketId: RecordId, rev: Rev, stageId: RecordId }),
  z.object({ ...base, type: z.literal('setTicketOwner'), ticketId: RecordId, rev: Rev, ownerId: RecordId.nullable() }),
  z.object({ ...base, type: z.literal('setConversationOwner'), conversationId: ConversationId, rev: Rev, ownerId: RecordId.nullable() }),
  z.object({ ...base, type: z.literal('closeConversation'), conversationId: ConversationId, rev: Rev }),
  z.object({ ...base, type: z.literal('reopenConversation'), conversationId: ConversationId, rev: Rev }),
  // `conversations`: how many the confirmation named; a group that has grown since is refused.
  z.object({
    ...base,
    type: z.literal('trashConversation'),
    conversationId: ConversationId,
    rev: Rev,
    conversations: z.number().int().min(1).optional(),
  }),
  z.object({ ...base, type: z.literal('deleteTicket'), ticketId: RecordId, rev: Rev, conversations: z.number().int().min(0).optional() }),
  z.object({ ...base, type: z.literal('restoreTrash'), trashId: RecordId }),
  // The only permanent deletion: a trash group and what it carried go for good.
  z.object({ ...base, type: z.literal('purgeTrash'), trashId: RecordId }),
  z.object({ ...base, type: z.literal('followContact'), email: Email, followed: z.boolean() }),
  // `rev`: the settings' revision the page showed; a change made on an older copy is a conflict.
  // Which team member is "me" in this browser (null: the accounts it reads mail as).
  z.object({ ...base, type: z.literal('setMe'), memberId: RecordId.nullable() }),
  z.object({ ...base, type: z.literal('changeSettings'), rev: z.number().int().nonnegative(), change: SettingsChange }),
]);
export type Command = z.infer<typeof Command>;
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
