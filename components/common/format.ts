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
