import type { Contact } from './contact';
import { findStage, type Settings } from './settings';
import { PROPERTY_PREFIX } from './text';
import type { Ticket } from './ticket';
import { stageLabel } from './zod-free/stage-label';
import type { Translate } from './zod-free/translate';

/** Starts a CSV file: spreadsheets read the file as UTF-8 only when it begins with this mark. */
export const CSV_BOM = '\uFEFF';

/** The columns a tickets CSV can have, named as the tickets page names its own (without the
 * waiting time, which is only true at the moment it is read); free properties as `properties.<name>`. */
export const CSV_COLUMNS = [
  'number',
  'name',
  'stage',
  'priority',
  'owner',
  'contact',
  'conversations',
  'created',
  'updated',
  'category',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number] | `properties.${string}`;

/** Whether `key` names a CSV column. */
export function isCsvColumn(key: string): key is CsvColumn {
  return (CSV_COLUMNS as readonly string[]).includes(key) || (key.startsWith(PROPERTY_PREFIX) && key.length > PROPERTY_PREFIX.length);
}

// A spreadsheet runs a cell starting with one of these as a formula (`=HYPERLINK(...)` in a
// subject a customer wrote): such a text is written after an apostrophe, which shows it as typed.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Text that a spreadsheet would run as a formula is prefixed with `'`; numbers are written as
 * they are (a negative number is not a formula).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, ended with CRLF as RFC 4180 asks. */
export function csvRow(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

// The tickets page's own headings, so a column is called the same in the list and in its export.
const HEADINGS: Record<(typeof CSV_COLUMNS)[number], string> = {
  number: '#',
  name: 'colName',
  stage: 'stage',
  priority: 'priority',
  owner: 'owner',
  contact: 'contact',
  conversations: 'colConversations',
  created: 'prop_createdAt',
  updated: 'prop_updatedAt',
  category: 'prop_category',
};

/** The header line: headings in the agent's language when `t` is given, else the column keys. */
export function ticketsCsvHeader(columns: readonly CsvColumn[], t?: Translate): string {
  return csvRow(
    columns.map((c) => {
      if (c.startsWith(PROPERTY_PREFIX)) return c.slice(PROPERTY_PREFIX.length);
      if (!t) return c;
      const key = HEADINGS[c as (typeof CSV_COLUMNS)[number]];
      return key === '#' ? key : t(key);
    }),
  );
}

/** What a row needs beyond its ticket. */
export interface CsvRowContext {
  settings: Settings;
  contact: Contact | undefined;
  /** How many conversations the ticket has. */
  conversations: number;
  /** Stage and priority names in the agent's language; without it, as stored. */
  t?: Translate;
}

/** Dates as ISO 8601 in UTC: one spelling every spreadsheet reads, whatever its locale. */
const iso = (ms: number) => new Date(ms).toISOString();

/** One ticket as a CSV line in `columns`. */
export function ticketCsvRow(ticket: Ticket, columns: readonly CsvColumn[], ctx: CsvRowContext): string {
  const { settings, contact, t } = ctx;
  return csvRow(
    columns.map((column) => {
      switch (column) {
        case 'number':
          return ticket.number;
        case 'name':
          return ticket.name;
        case 'stage': {
          const stage = findStage(settings, ticket.pipelineId, ticket.stageId);
          return t ? stageLabel(stage, t, ticket.stageId) : (stage?.label ?? ticket.stageId);
        }
        case 'priority':
          return t ? t(`priority_${ticket.priority}`) : ticket.priority;
        case 'owner':
          return ticket.ownerId === null ? '' : (settings.team.find((m) => m.id === ticket.ownerId)?.name ?? ticket.ownerId);
        case 'contact': {
          const email = ticket.contactEmail;
          if (email === null) return '';
          return contact?.name && contact.name !== email ? `${contact.name} <${email}>` : email;
        }
        case 'conversations':
          return ctx.conversations;
        case 'created':
          return iso(ticket.createdAt);
        case 'updated':
          return iso(ticket.updatedAt);
        case 'category':
          return ticket.category;
        default:
          return ticket.properties[column.slice(PROPERTY_PREFIX.length)] ?? null;
      }
    }),
  );
}
