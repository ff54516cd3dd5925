import type { SidedeskDatabase } from '@/store/database';

/** How old the last export may be before the page reminds the agent (the desk lives only in this
 * browser until team sync exists). */
export const EXPORT_REMINDER_DAYS = 30;
const DAY = 86_400_000;

/** When this browser last exported the desk (ms), or null if never. A preference of this browser. */
export async function lastExportAt(db: SidedeskDatabase): Promise<number | null> {
  const value = (await db.local.get('lastExportAt'))?.value;
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

export async function recordExport(db: SidedeskDatabase, at: number): Promise<void> {
  await db.local.put({ key: 'lastExportAt', value: String(at) });
}

/** Whether to remind: a desk with tickets never exported, or exported over a month ago. */
export function exportReminder(last: number | null, tickets: number, now: number): 'never' | 'old' | null {
  if (tickets === 0) return null;
  if (last === null) return 'never';
  return now - last > EXPORT_REMINDER_DAYS * DAY ? 'old' : null;
}

/** The file name of an export made at `at`: the day in it, so a folder of backups sorts by date. */
export function exportFileName(at: number, kind: 'json' | 'csv'): string {
  const d = new Date(at);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return kind === 'json' ? `sidedesk-${day}.json` : `sidedesk-tickets-${day}.csv`;
}

/** Saves `blob` as a download named `name` (the browser's own download; the object URL is freed after). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
