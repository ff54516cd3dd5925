import { z } from 'zod';
import { Contact } from './contact';
import { Conversation } from './conversation';
import { Timestamp } from './ids';
import { Settings } from './settings';
import { Ticket } from './ticket';
import { TimelineEntry } from './timeline';
import { TrashGroup } from './trash';

/** What the file says it is: anything else is not a Sidedesk export. */
export const EXPORT_FORMAT = 'sidedesk-export';

/** The version of the file this Sidedesk writes. Raise it with every change of what a file holds,
 * and add the step from the version before to `MIGRATIONS`. */
export const EXPORT_VERSION = 1;

/** The oldest version this Sidedesk still reads. */
export const OLDEST_EXPORT_VERSION = 1;

/**
 * The whole desk as one file, built from the records' own schemas, so a field added to a record
 * is carried (and checked) here without a second list. `schemaVersion` is the database's version
 * the file was read from: told, not acted on (the file's `version` decides how it is read).
 * The big lists come last, so a reader of the head learns what it holds before the records.
 */
export const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  schemaVersion: z.number().int().positive(),
  exportedAt: Timestamp,
  settings: Settings,
  /** The number the next ticket gets: above every number used, live or in the trash. */
  nextTicketNumber: z.number().int().positive(),
  tickets: z.array(Ticket),
  conversations: z.array(Conversation),
  contacts: z.array(Contact),
  timeline: z.array(TimelineEntry),
  trash: z.array(TrashGroup),
});
export type ExportFile = z.infer<typeof ExportFile>;

/** The records of a desk, without the file's envelope: what an import checks and writes. */
export type DeskData = Omit<ExportFile, 'format' | 'version' | 'schemaVersion' | 'exportedAt'>;

/** The lists of records a file holds, in the order they are written. */
export const EXPORT_LISTS = ['tickets', 'conversations', 'contacts', 'timeline', 'trash'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

type RawFile = Record<string, unknown>;

/**
 * The step from each version to the next, keyed by the version it reads. A step takes the file
 * as parsed JSON (not yet checked) and returns it one version newer; the check runs once, on the
 * current version. Version 2 adds `MIGRATIONS[1]`.
 */
const MIGRATIONS: Record<number, (file: RawFile) => RawFile> = {};

export type Migrated = { ok: true; file: RawFile } | { ok: false; problem: string };

/**
 * Turns a parsed file of any version this Sidedesk reads into the current version, unchecked.
 * Refuses what is not a Sidedesk export, and a version it cannot read (newer, or unknown),
 * saying which version the file has and which this Sidedesk reads.
 */
export function migrateExport(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as RawFile).format !== EXPORT_FORMAT) {
    return { ok: false, problem: `This is not a Sidedesk export: it has no "format": "${EXPORT_FORMAT}" at its top.` };
  }
  const version = (raw as RawFile).version;
  const reads =
    OLDEST_EXPORT_VERSION === EXPORT_VERSION ? `version ${EXPORT_VERSION}` : `versions ${OLDEST_EXPORT_VERSION} to ${EXPORT_VERSION}`;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problem: `This Sidedesk export has no version number; this Sidedesk reads ${reads}.` };
  }
  if (version > EXPORT_VERSION) {
    return {
      ok: false,
      problem: `This file is export version ${version}, made by a newer Sidedesk; this Sidedesk reads ${reads}. Update Sidedesk to import it.`,
    };
  }
  if (version < OLDEST_EXPORT_VERSION) {
    return { ok: false, problem: `This file is export version ${version}, which is not known; this Sidedesk reads ${reads}.` };
  }
  let file: RawFile = raw as RawFile;
  for (let v = version; v < EXPORT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, problem: `This Sidedesk cannot read export version ${v}; it reads ${reads}.` };
    file = { ...step(file), version: v + 1 };
  }
  return { ok: true, file };
}
