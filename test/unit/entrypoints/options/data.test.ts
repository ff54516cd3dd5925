import { describe, expect, it } from 'vitest';
import { exportFileName, exportReminder, lastExportAt, recordExport } from '@/entrypoints/options/data';
import { openTestDatabase } from '@/test/support/store';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 30, 12).getTime();

describe('the export reminder', () => {
  it('reminds when a desk with tickets was never exported, or over a month ago; never for an empty desk', () => {
    expect(exportReminder(null, 3, NOW)).toBe('never');
    expect(exportReminder(NOW - 31 * DAY, 3, NOW)).toBe('old');
    expect(exportReminder(NOW - 29 * DAY, 3, NOW)).toBeNull();
    expect(exportReminder(null, 0, NOW)).toBeNull();
  });

  it('remembers the last export in this browser only', async () => {
    const db = openTestDatabase();
    expect(await lastExportAt(db)).toBeNull();
    await recordExport(db, NOW);
    expect(await lastExportAt(db)).toBe(NOW);
  });

  it('names a file by its day, so backups sort by date', () => {
    expect(exportFileName(NOW, 'json')).toBe('sidedesk-2026-11-30.json');
    expect(exportFileName(NOW, 'csv')).toBe('sidedesk-tickets-2026-11-30.csv');
  });
});
