// One formatter of each kind for every view, in the browser's locale (Intl's formatters are costly
// to build, so each is made once).
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "30 Nov 2026, 09:12": when a change was made. */
export const formatDateTime = (ms: number): string => dateTime.format(ms);
/** "30 Nov 2026": the day of a message. */
export const formatDate = (ms: number): string => date.format(ms);
/** "30 Nov": a day in a short list. */
export const formatDayMonth = (ms: number): string => dayMonth.format(ms);

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'narrow' });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
];

/** "3 days ago", "5 min. ago": how long something has waited, to the largest whole unit (days past a day). */
export function formatAge(ms: number, now: number): string {
  const elapsed = Math.max(0, now - ms);
  // Under a minute reads "now" ("teraz"), not "this minute" ("ta minuta").
  if (elapsed < 60_000) return relative.format(0, 'second');
  const [unit, size] = [...STEPS].reverse().find(([, size]) => elapsed >= size) ?? STEPS[0]!;
  return relative.format(-Math.floor(elapsed / size), unit);
}
