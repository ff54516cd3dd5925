import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/domain';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportFile, migrateExport } from '@/domain/export-format';

const versionOne = () => ({
  format: EXPORT_FORMAT,
  version: 1,
  schemaVersion: 5,
  exportedAt: 1_700_000_000_000,
  settings: structuredClone(DEFAULT_SETTINGS),
  nextTicketNumber: 1,
  tickets: [],
  conversations: [],
  contacts: [],
  timeline: [],
  trash: [],
});

describe('export format: versions and their migration', () => {
  it('reads today’s version as it is', () => {
    expect(EXPORT_VERSION).toBe(1);
    const file = versionOne();
    const migrated = migrateExport(file);
    expect(migrated).toEqual({ ok: true, file });
    expect(ExportFile.safeParse(migrated.ok && migrated.file).success).toBe(true);
  });

  it.each([
    [99, /version 99.*newer Sidedesk.*reads version 1/],
    [2, /version 2.*newer Sidedesk.*reads version 1/],
    [0, /version 0.*not known.*reads version 1/],
    [-3, /version -3.*not known/],
  ])('refuses version %s, naming it and the version it reads', (version, problem) => {
    const migrated = migrateExport({ ...versionOne(), version });
    expect(migrated.ok).toBe(false);
    expect(!migrated.ok && migrated.problem).toMatch(problem);
  });

  it.each([
    ['no version', { format: EXPORT_FORMAT }],
    ['a version in words', { format: EXPORT_FORMAT, version: 'one' }],
    ['a fractional version', { format: EXPORT_FORMAT, version: 1.5 }],
  ])('refuses %s, saying what this Sidedesk reads', (_name, raw) => {
    const migrated = migrateExport(raw);
    expect(!migrated.ok && migrated.problem).toMatch(/no version number; this Sidedesk reads version 1/);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a number', 7],
    ['another program’s JSON', { version: 1, tickets: [] }],
    ['another format', { format: 'helpdesk-backup', version: 1 }],
  ])('refuses %s as not a Sidedesk export', (_name, raw) => {
    const migrated = migrateExport(raw);
    expect(!migrated.ok && migrated.problem).toMatch(/not a Sidedesk export/);
  });
});
