import { z } from 'zod';
import { Provider } from './ids';
import { uniqueParticipants } from './zod-free/participants';
import { hostsOf } from './zod-free/providers';
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
type ObservedPerson = z.infer<typeof ObservedPerson>;

// What a page hands over for its people is read entry by entry: an address the normaliser does
// not accept (`"john doe"@klient.example`) costs that entry, never the conversation. The typed
// input says what a reader sends; at run time anything is accepted and judged per entry.
const RAW_PEOPLE_MAX = 10_000;
const anyPerson = z.custom<{ email: string; name: string }>(() => true);
const toPerson = (raw: unknown): ObservedPerson | null => ObservedPerson.safeParse(raw).data ?? null;
const person = anyPerson.transform(toPerson);
const people = z.array(anyPerson).transform((list) => list.slice(0, RAW_PEOPLE_MAX).flatMap((raw) => toPerson(raw) ?? []));

/**
 * What a content script reports of the conversation open in its page. Parsing cleans and caps
 * every text; the account and thread id must be real, or the observation is refused. A contact
 * or participant that does not parse is dropped, and a long list of people is deduped and cut
 * (uniqueParticipants), never refused.
 */
export const Observation = z
  .object({
    provider: Provider,
    account: email,
    threadId: z.string().min(1).max(500).regex(/^\S+$/, 'thread id without whitespace'),
    subject: line,
    url: z
      .string()
      .max(RAW_MAX)
      .nullable()
      .transform((s) => (s === null ? null : safeLink(s))),
    contact: person.nullable(),
    participants: people,
    /** Messages in the thread as the page shows it (a collapsed run counts as shown). */
    messageCount: z.number().int().min(0).max(100_000),
    /** Time of the newest message, in ms, when the page gives it in a language-independent form. */
    lastMessageAt: z.number().int().nonnegative().nullable(),
    /** Who wrote the newest message, when the page's headers say (the customer writing again). */
    lastSenderEmail: z
      .string()
      .max(RAW_MAX)
      .nullable()
      .optional()
      .transform((s) => (s ? normalizeEmail(s) : null)),
  })
  .transform((o) => ({
    ...o,
    contact: o.contact ?? null,
    participants: uniqueParticipants(o.participants, [o.account]),
    // The link a conversation keeps must lead back to its own webmail, whatever the page said.
    url: o.url !== null && hostsOf(o.provider).includes(new URL(o.url).hostname) && o.url.startsWith('https:') ? o.url : null,
  }));
export type Observation = z.infer<typeof Observation>;
export type ObservationInput = z.input<typeof Observation>;

/**
 * The contact of an observed conversation: the person outside the team. A reader that cannot tell
 * the agent's own address (an Outlook page that shows none), or a colleague who wrote first, gives
 * way to the first participant outside the team. A page that shows no contact yet is a half-drawn
 * pane: no contact, until it is read.
 */
export function externalContact(o: Observation, team: ReadonlyArray<{ email: string }>): Observation['contact'] {
  const ours = new Set([o.account, ...team.map((m) => m.email)]);
  if (!o.contact || !ours.has(o.contact.email)) return o.contact;
  return o.participants.find((p) => !ours.has(p.email)) ?? null;
}
