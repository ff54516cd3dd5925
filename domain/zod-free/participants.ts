/** The most people a conversation keeps. Gmail's own thread limit (100 messages with 10 in copy)
 * gives a thousand entries; beyond this many the list says nothing more to an agent. */
export const MAX_PARTICIPANTS = 100;

/**
 * The people of a conversation as every reader and the schema keep them: each address once (the
 * first time it appears, compared without case or surrounding spaces), none of `exclude` (the
 * signed-in account), at most `cap`. A long list is cut, never refused.
 */
export function uniqueParticipants<T extends { email: string }>(
  people: Iterable<T>,
  exclude: readonly string[] = [],
  cap = MAX_PARTICIPANTS,
): T[] {
  const seen = new Set(exclude.map((e) => e.trim().toLowerCase()));
  const kept: T[] = [];
  for (const person of people) {
    if (kept.length >= cap) break;
    const key = person.email.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(person);
  }
  return kept;
}
