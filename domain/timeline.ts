import { z } from 'zod';
import { Actor, ConversationId, Email, RecordId, Timestamp } from './ids';
import { RULE_IDS } from './rules';
import { CAPS, capLength, FIELD_KEY_MAX } from './text';

/** A value as the timeline shows it: what a field was, or became. */
export const TimelineValue = z.union([z.string().max(CAPS.description), z.number(), z.boolean(), z.null()]);
export type TimelineValue = z.infer<typeof TimelineValue>;

/** Events a timeline entry can record, each shown as a sentence (`event_<name>` in the locales). */
export const TIMELINE_EVENTS = ['created', 'deleted', 'restored'] as const;

/** Fields whose changes the cascade records, each with its label (`field_<name>` in the locales). */
export const TIMELINE_FIELDS = [
  'stageId',
  'ownerId',
  'name',
  'description',
  'priority',
  'category',
  'state',
  'ticketId',
  'subject',
  'url',
  'contactEmail',
  'participants',
  'followed',
] as const;

/** What an entry is about: an event, a known field, or a free property of a ticket. */
export type TimelineField =
  | (typeof TIMELINE_EVENTS)[number]
  | (typeof TIMELINE_FIELDS)[number]
  | `properties.${string}`
  // A settings change, by its kind (`settings.addStage`...): the settings timeline.
  | `settings.${string}`;

/** A value cut to what the timeline keeps: never over the cap, the cut marked with an ellipsis. */
export function fitTimelineValue(value: TimelineValue): TimelineValue {
  if (typeof value !== 'string' || value.length <= CAPS.description) return value;
  return `${capLength(value, CAPS.description - 1)}…`;
}

/** How many items of a list a timeline entry names before it counts the rest. */
export const LISTED_ITEMS = 5;

/**
 * A change of a list (a conversation's people) as the timeline tells it: what left (`from`) and
 * what joined (`to`), each naming a few and counting the rest, so it fits however long the list.
 */
export function listChange(before: readonly string[], after: readonly string[]): { from: string | null; to: string | null } {
  const was = new Set(before);
  const now = new Set(after);
  const name = (items: string[], sign: string) =>
    items.length === 0
      ? null
      : items
          .slice(0, LISTED_ITEMS)
          .map((i) => `${sign}${i}`)
          .join(', ') + (items.length > LISTED_ITEMS ? ` (+${items.length - LISTED_ITEMS})` : '');
  return {
    from: name(
      [...was].filter((i) => !now.has(i)),
      '−',
    ),
    to: name(
      [...now].filter((i) => !was.has(i)),
      '+',
    ),
  };
}

/** One recorded change. Entries of a ticket's cascade carry the ticket id even when the change
 * was made to one of its conversations, so the ticket's timeline tells the whole story. */
export const TimelineEntry = z.object({
  id: RecordId,
  at: Timestamp,
  actor: Actor,
  requestId: RecordId,
  ticketId: RecordId.nullable(),
  conversationId: ConversationId.nullable(),
  contactEmail: Email.nullable(),
  /** `created`, `deleted`, `restored`, or the changed field (`stageId`, `ownerId`, `state`...). */
  field: z.string().min(1).max(FIELD_KEY_MAX),
  from: TimelineValue,
  to: TimelineValue,
  /** Set when a cascade rule made this change rather than the user's own command. */
  rule: z.enum(RULE_IDS).nullable(),
  /** The order of this change within its command: the changes of one command share `at`. */
  seq: z.number().int().min(0).max(100_000).default(0),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Newest first; within one command, the later change first (a cascade above its cause). */
export function newestFirst(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => b.at - a.at || b.seq - a.seq);
}
