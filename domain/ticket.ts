import { z } from 'zod';
import { Email, RecordId, Rev, Timestamp } from './ids';
import { CAPS } from './text';

export const Priority = z.enum(['low', 'medium', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

export const TicketSource = z.enum(['email', 'context-menu', 'manual', 'import']);

/** Free properties: a small map of user-defined values. */
export const PropertyValue = z.union([z.string().max(CAPS.propertyValue), z.number(), z.boolean(), z.null()]);
export const FreeProperties = z
  .record(z.string().min(1).max(CAPS.propertyName), PropertyValue)
  .refine((p) => Object.keys(p).length <= 100, { message: 'at most 100 free properties' });

export const Ticket = z.object({
  id: RecordId,
  /** Human number shown as T-0042; unique, never reused. */
  number: z.number().int().positive(),
  name: z.string().min(1).max(CAPS.line),
  description: z.string().max(CAPS.description),
  pipelineId: RecordId,
  stageId: RecordId,
  priority: Priority,
  ownerId: RecordId.nullable(),
  category: z.string().max(CAPS.line).nullable(),
  source: TicketSource,
  contactEmail: Email.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  properties: FreeProperties,
  rev: Rev,
});
export type Ticket = z.infer<typeof Ticket>;
