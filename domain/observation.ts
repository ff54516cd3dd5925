import { z } from 'zod';
import { Provider } from './ids';
import { CAPS, cleanLine, normalizeEmail, safeLink } from './text';

// A page may hand us anything; accept up to this much raw text and cap it while parsing, so a
// megabyte subject is stored short rather than refused (the conversation is still real).
const RAW_MAX = 2_000_000;
const line = z
  .string()
  .max(RAW_MAX)
  .transform((s) => cleanLine(s, CAPS.line));
const email = z
  .string()
  .max(RAW_MAX)
  .transform((s, ctx) => normalizeEmail(s) ?? (ctx.addIssue({ code: 'custom', message: 'not an email address' }), z.NEVER));

const ObservedPerson = z.object({ email, name: line });

/**
 * What a content script reports of the conversation open in its page. Parsing cleans and caps
 * every text; the account and thread id must be real, or the observation is refused.
 */
export const Observation = z.object({
  provider: Provider,
  account: email,
  threadId: z.string().min(1).max(500).regex(/^\S+$/, 'thread id without whitespace'),
  subject: line,
  url: z
    .string()
    .max(RAW_MAX)
    .nullable()
    .transform((s) => (s === null ? null : safeLink(s))),
  contact: ObservedPerson.nullable(),
  participants: z
    .array(ObservedPerson)
    .max(1000)
    .transform((list) => dedupeByEmail(list).slice(0, 100)),
  /** Messages in the thread as the page shows it (a collapsed run counts as shown). */
  messageCount: z.number().int().min(0).max(100_000),
  /** Time of the newest message, in ms, when the page gives it in a language-independent form. */
  lastMessageAt: z.number().int().nonnegative().nullable(),
});
export type Observation = z.infer<typeof Observation>;
export type ObservationInput = z.input<typeof Observation>;

function dedupeByEmail<T extends { email: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.email) && (seen.add(p.email), true));
}
