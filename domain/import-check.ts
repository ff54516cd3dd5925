import type { z } from 'zod';
import { ExportFile, migrateExport, type DeskData } from './export-format';
import type { TimelineEntry } from './timeline';

// A file to import is hostile until checked: it may be cut off, made by another program or a
// newer Sidedesk, or edited by hand. Everything is checked before anything is written, and the
// agent reads the first problem as one sentence that says where it is.

/** The largest file an import reads: checked on the file's size, before a byte of it is read. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export type ImportCheck = { ok: true; data: ExportFile } | { ok: false; problem: string };

/** Refuses a file past `MAX_IMPORT_BYTES` from its size alone. */
export function checkImportSize(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString('en')} MB`;
  return `The file is ${mb(bytes)}; Sidedesk imports files of at most ${mb(MAX_IMPORT_BYTES)}.`;
}

/** Line and column (from 1) of character `position` of `text`. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: position - start + 1 };
}

/**
 * The text of a file as JSON, or why it is not: empty, cut off (where it ends), or broken (where).
 * A leading byte order mark, which some editors add, is skipped.
 */
export function parseImportText(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart();
  if (start === '') return { ok: false, problem: 'The file is empty.' };
  if (start[0] !== '{' && start[0] !== '[') return { ok: false, problem: 'The file is not JSON: a Sidedesk export starts with “{”.' };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // Chromium says "at position N" (or nothing, for some tokens), Firefox "at line L column C";
    // both say when the text ran out.
    const at = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const end = body.trimEnd().length;
    const position = at ? Number(at[1]) : null;
    const ranOut = /end of (JSON )?(input|data)|Unterminated/i.test(message) || (position !== null && position >= end);
    if (ranOut) {
      // Where the text stops, not where the value it cut began: the end is what tells a cut file.
      const { line, column } = lineAndColumn(body, end - 1);
      return {
        ok: false,
        problem: `The file is cut off: its JSON ends at line ${line}, column ${column} (character ${end}) in the middle of a value, so it was not saved completely.`,
      };
    }
    if (position !== null) {
      const { line, column } = lineAndColumn(body, position);
      return { ok: false, problem: `The file is not valid JSON: it breaks at line ${line}, column ${column} (character ${position + 1}).` };
    }
    if (lc) return { ok: false, problem: `The file is not valid JSON: it breaks at line ${lc[1]}, column ${lc[2]}.` };
    const token = /Unexpected token '(.)'/.exec(message)?.[1];
    return { ok: false, problem: `The file is not valid JSON${token ? `: “${token}” where a value should be` : ''}.` };
  }
}

/** A zod path as the file spells it: `tickets[41].stageId`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

/** An id as a message quotes it: hostile text is shown as text, but a page of it helps no one. */
function q(id: string): string {
  return `"${id.length > 80 ? `${id.slice(0, 79)}…` : id}"`;
}

/**
 * Checks a parsed file completely: its kind and version (migrating an older one), every record
 * against its schema, then the desk's invariants (see `checkDesk`). Returns the current-version
 * file, or the first problem as a sentence that names where it is.
 */
export function checkImport(raw: unknown): ImportCheck {
  const migrated = migrateExport(raw);
  if (!migrated.ok) return migrated;
  const parsed = ExportFile.safeParse(migrated.file);
  if (!parsed.success) return { ok: false, problem: describeSchemaProblem(parsed.error, migrated.file) };
  const problem = checkDesk(parsed.data);
  return problem ? { ok: false, problem } : { ok: true, data: parsed.data };
}

const KINDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** What is wrong with one value, after its path: "is longer than 500 characters". */
function clause(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `is longer than ${String(issue.maximum)} characters`
        : issue.origin === 'array'
          ? `has more than ${String(issue.maximum)} entries`
          : `is above ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'is empty'
          : `is shorter than ${String(issue.minimum)} characters`
        : issue.origin === 'array'
          ? Number(issue.minimum) <= 1
            ? 'is empty'
            : `has fewer than ${String(issue.minimum)} entries`
          : `is below ${String(issue.minimum)}`;
    case 'invalid_type':
      return value === undefined ? 'is missing' : `should be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      // Formats and our own refinements carry a message meant to be read ("expected a lower-cased email address").
      return `is not valid (${issue.message})`;
  }
}

/** The value at `path` of the parsed file, or undefined. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || typeof key === 'symbol') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** A schema's first issue as the file's place and what is wrong there. */
export function describeSchemaProblem(error: z.ZodError, raw: unknown, prefix: readonly PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return 'The file is not valid.';
  const where = pathOf([...prefix, ...issue.path]);
  return `${where || 'The file'}: ${clause(issue, valueAt(raw, issue.path))}.`;
}

/**
 * The invariants the desk keeps, checked on a whole desk: ids and ticket numbers used once (live
 * and trashed alike: a restore must never collide), the next number above them all, every link
 * pointing at a live record, every live ticket in a stage and with an owner the settings know,
 * closed tickets closed all through, trash groups whole, and no timeline entry about nothing.
 * Returns the first problem, or null.
 *
 * What the desk itself allows passes: a conversation both live and in a trash group, or in two
 * groups (trashed, seen again in the webmail, trashed again); a conversation whose owner is an
 * account not on the team (an account the team was full for); a timeline entry about a trashed
 * record; an entry about nothing at all (about the desk, such as a settings change).
 */
export function checkDesk(data: DeskData): string | null {
  const { settings, tickets, conversations, contacts, timeline, trash } = data;

  // Where each ticket is (live, or which group): an id lives in one place only.
  const ticketAt = new Map<string, string>();
  const numberAt = new Map<number, string>();
  const place = (id: string, number: number, where: string): string | null => {
    const other = ticketAt.get(id);
    if (other) return `${where}.id: ticket ${q(id)} is also at ${other}.`;
    ticketAt.set(id, where);
    const same = numberAt.get(number);
    if (same) return `${where}.number: number ${number} is also used by ${same}.`;
    numberAt.set(number, where);
    if (number >= data.nextTicketNumber) {
      return `nextTicketNumber: ${data.nextTicketNumber} is not above ticket number ${number} (${where}), so it would be given twice.`;
    }
    return null;
  };
  const live = new Map(tickets.map((t) => [t.id, t]));
  for (const [i, t] of tickets.entries()) {
    const problem = place(t.id, t.number, `tickets[${i}]`);
    if (problem) return problem;
  }
  for (const [g, group] of trash.entries()) {
    for (const [i, t] of group.tickets.entries()) {
      const problem = place(t.id, t.number, `trash[${g}].tickets[${i}]`);
      if (problem) return problem;
    }
  }

  const unique = <T>(list: readonly T[], key: (r: T) => string, where: string, what: string): string | null => {
    const seen = new Map<string, number>();
    for (const [i, r] of list.entries()) {
      const k = key(r);
      const first = seen.get(k);
      if (first !== undefined) return `${where}[${i}]: ${what} ${q(k)} is also ${where}[${first}].`;
      seen.set(k, i);
    }
    return null;
  };
  const duplicate =
    unique(conversations, (c) => c.id, 'conversations', 'conversation') ??
    unique(contacts, (c) => c.email, 'contacts', 'contact') ??
    unique(trash, (g) => g.id, 'trash', 'trash group') ??
    trash.map((g, i) => unique(g.conversations, (c) => c.id, `trash[${i}].conversations`, 'conversation')).find((p) => p) ??
    null;
  if (duplicate) return duplicate;
  const entryAt = new Map<string, string>();
  const entryLists: Array<[string, readonly TimelineEntry[]]> = [
    ['timeline', timeline],
    ...trash.map((g, i) => [`trash[${i}].timeline`, g.timeline] as [string, TimelineEntry[]]),
  ];
  for (const [where, entries] of entryLists) {
    for (const [i, e] of entries.entries()) {
      const other = entryAt.get(e.id);
      if (other) return `${where}[${i}].id: timeline entry ${q(e.id)} is also at ${other}.`;
      entryAt.set(e.id, `${where}[${i}]`);
    }
  }

  // Looked up once per record: a desk has up to a few hundred thousand of them.
  const stages = new Map(settings.pipelines.map((p) => [p.id, new Map(p.stages.map((s) => [s.id, s]))]));
  const team = new Set(settings.team.map((m) => m.id));
  for (const [i, t] of tickets.entries()) {
    const pipeline = stages.get(t.pipelineId);
    if (!pipeline) return `tickets[${i}].pipelineId: pipeline ${q(t.pipelineId)} is not in the settings.`;
    const stage = pipeline.get(t.stageId);
    if (!stage) return `tickets[${i}].stageId: stage ${q(t.stageId)} is not in pipeline ${q(t.pipelineId)}.`;
    if ((t.closedAt === null) !== (stage.state === 'open')) {
      return `tickets[${i}].closedAt: ${t.closedAt === null ? 'missing' : 'set'}, but stage ${q(stage.id)} is ${stage.state}.`;
    }
    if (t.ownerId !== null && !team.has(t.ownerId)) {
      return `tickets[${i}].ownerId: owner ${q(t.ownerId)} is not in the team.`;
    }
  }

  for (const [i, c] of conversations.entries()) {
    if (c.ticketId === null) continue;
    const ticket = live.get(c.ticketId);
    if (!ticket) {
      const trashed = ticketAt.get(c.ticketId);
      return `conversations[${i}].ticketId: ticket ${q(c.ticketId)} is ${trashed ? `in the trash (${trashed}), not live` : 'not in the file'}.`;
    }
    if (c.state === 'open' && stages.get(ticket.pipelineId)?.get(ticket.stageId)?.state === 'closed') {
      return `conversations[${i}].state: open, but its ticket ${q(ticket.id)} is closed.`;
    }
  }

  for (const [g, group] of trash.entries()) {
    const own = group.tickets[0]?.id ?? null;
    for (const [i, c] of group.conversations.entries()) {
      if (c.ticketId !== own) {
        return `trash[${g}].conversations[${i}].ticketId: linked to ${c.ticketId === null ? 'no ticket' : `ticket ${q(c.ticketId)}`}, but the group holds ${own === null ? 'no ticket' : `ticket ${q(own)}`}.`;
      }
    }
    const origin = group.origin;
    const holdsOrigin =
      origin.kind === 'delete-ticket' ? own === origin.ticketId : group.conversations.some((c) => c.id === origin.conversationId);
    if (!holdsOrigin) return `trash[${g}].origin: the group does not hold the record it was made from.`;
  }

  // An entry is about something that is somewhere (live or trashed); entries of a purged group's
  // records outlive it only beside a reference that still resolves.
  const conversationIds = new Set([...conversations.map((c) => c.id), ...trash.flatMap((g) => g.conversations.map((c) => c.id))]);
  const contactEmails = new Set(contacts.map((c) => c.email));
  for (const [where, entries] of entryLists) {
    for (const [i, e] of entries.entries()) {
      const refs = [e.ticketId, e.conversationId, e.contactEmail].filter((r): r is string => r !== null);
      if (refs.length === 0) continue;
      if (
        (e.ticketId !== null && ticketAt.has(e.ticketId)) ||
        (e.conversationId !== null && conversationIds.has(e.conversationId)) ||
        (e.contactEmail !== null && contactEmails.has(e.contactEmail))
      ) {
        continue;
      }
      return `${where}[${i}]: timeline entry ${q(e.id)} is about ${refs.map(q).join(' and ')}, which the file does not hold.`;
    }
  }
  return null;
}
