import { z } from 'zod';
import { Observation } from './observation';

/** What a webmail reader makes of a page: a conversation, nothing open, or a page it cannot read. */
export const Reading = z.discriminatedUnion('status', [
  z.object({ status: z.literal('conversation'), observation: Observation }),
  /** A supported page with no conversation open (the inbox list, settings...). */
  z.object({ status: z.literal('none'), reason: z.string().max(500) }),
  /** A supported page whose layout the reader does not understand: a health notice, never a guess. */
  z.object({ status: z.literal('unreadable'), reason: z.string().max(500) }),
]);
export type Reading = z.infer<typeof Reading>;
export type ReadingInput = z.input<typeof Reading>;
