import type { z } from 'zod';

// What an agent reads when a change is refused: one sentence that names what was wrong, never a
// schema dump. The full detail goes to the console of the part that refused it.

const FIELD_NAMES: Record<string, string> = {
  name: 'the name',
  description: 'the description',
  category: 'the category',
  properties: 'a property',
  priority: 'the priority',
  stageId: 'the stage',
  ownerId: 'the owner',
  email: 'the address',
  rev: 'the version of the record',
  field: 'a timeline entry',
  team: 'the team',
  pipelines: 'the pipelines',
  stages: 'the stages',
  displayedProperties: 'the displayed properties',
};

/** The part of a command or record an issue is about, in words ("the name", "a property"). */
function fieldOf(path: readonly PropertyKey[]): string {
  // A command's `conversations` is the count its confirmation named; inside a record it is a list.
  if (path.at(-1) === 'conversations') return 'the number of conversations';
  for (const key of [...path].reverse()) {
    if (typeof key === 'string' && FIELD_NAMES[key]) return FIELD_NAMES[key];
  }
  const last = [...path].reverse().find((k) => typeof k === 'string');
  return typeof last === 'string' ? `“${last.slice(0, 40)}”` : 'a value';
}

/** One schema issue as a clause: "the name is longer than 500 characters". */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'a value is not valid';
  // A record's key or a list's entry: say what was wrong with it, not that its container is.
  if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues[0]) {
    const inner = describeIssue({ ...issue.issues[0], path: [...issue.path, ...issue.issues[0].path] } as z.core.$ZodIssue);
    return issue.code === 'invalid_key' ? `the name of ${inner}` : inner;
  }
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `${field} is longer than ${String(issue.maximum)} characters`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `${field} has more than ${String(issue.maximum)} entries`
          : `${field} is too large`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? `${field} is empty` : `${field} is too small`;
    case 'invalid_type':
      // Zod does not report the input itself (it could be an email's text): its message says what it got.
      return /received undefined$/.test(issue.message) ? `${field} is missing` : `${field} is not of the right kind`;
    case 'invalid_value':
      return `${field} is not one of the allowed values`;
    default:
      return `${field} is not valid`;
  }
}

/** The first issue of a failed parse, as a sentence: "The name is longer than 500 characters." */
export function describeZodError(error: z.ZodError): string {
  const clause = describeIssue(error.issues[0]);
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}
