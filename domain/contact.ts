import { z } from 'zod';
import { Email } from './ids';
import { CAPS } from './text';

export const Contact = z.object({
  email: Email,
  name: z.string().max(CAPS.line),
  /** Null for free-mail addresses, which say nothing about a company. */
  companyDomain: z.string().max(CAPS.line).nullable(),
  followed: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;
