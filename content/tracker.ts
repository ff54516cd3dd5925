import type { ReadingInput } from '@/domain/reading';

export interface TrackerDeps {
  read: () => ReadingInput;
  report: (reading: ReadingInput) => Promise<unknown>;
  /** Called after every read, reported or not (the chip re-attaches if the page redrew). */
  afterRead?: (reading: ReadingInput) => void;
  schedule: (fn: () => void, ms: number) => unknown;
  cancel: (handle: unknown) => void;
  now: () => number;
}

/** One frame: bursts of mutations within it merge into one read (a read costs well under 1 ms). */
export const DEBOUNCE_MS = 16;
/** A page that never stops changing (a ticking clock, a chat) is still read this often. */
export const MAX_WAIT_MS = 200;
export const RETRY_EVERY_MS = 150;
/** How long a reading must hold after a navigation before it is reported. A conversation is
 * reported at once; "nothing open" briefly (a thread paints a moment after its route); a page
 * that cannot be read only after the whole late-paint window, so health never flickers. */
export const SETTLE_MS = { conversation: 0, none: 300, unreadable: 4000 } as const;

/** What makes a reading worth reporting again: another conversation, or the open one read
 * differently (a new message; a subject, contact or people that painted after a first read of
 * a half-drawn pane), so the stored conversation ends up as the page shows it. */
function keyOf(r: ReadingInput): string {
  if (r.status !== 'conversation') return `${r.status}:${r.reason}`;
  const o = r.observation;
  const people = o.participants.map((p) => p.email);
  return JSON.stringify([
    o.account,
    o.threadId,
    o.messageCount,
    o.lastMessageAt,
    o.subject,
    o.contact?.email ?? null,
    o.contact?.name ?? null,
    people,
  ]);
}

/**
 * Re-reads the page after navigation and mutation signals (debounced) and reports only when
 * what it shows changes.
 */
export function createTracker(deps: TrackerDeps) {
  let lastKey: string | null = null;
  let timer: unknown = null;
  let navigatedAt = deps.now();
  /** When the first signal of the current burst came; null when no read is pending. */
  let burstAt: number | null = null;
  /** Since the last navigation, nothing has settled: the page is painting what the agent asked
   * for, so each change is read in the next task. A read of a half-painted thread is corrected by
   * the next one (its message count or subject differs, so it is reported again). */
  let opening = true;

  function evaluate() {
    timer = null;
    burstAt = null;
    const reading = deps.read();
    deps.afterRead?.(reading);
    const key = keyOf(reading);
    const wait = navigatedAt + SETTLE_MS[reading.status] - deps.now();
    if (wait > 0) {
      // A page that cannot be read yet may still be drawing the part the watcher watches, so it is
      // polled; "nothing open" is read again once its settle time is up (the watcher brings an
      // earlier read if a thread paints), which spares a page without a conversation a read.
      timer = deps.schedule(evaluate, reading.status === 'unreadable' ? Math.min(RETRY_EVERY_MS, wait) : wait);
      return;
    }
    opening = false;
    if (key === lastKey) return;
    lastKey = key;
    deps.report(reading).catch(() => {
      if (lastKey === key) lastKey = null; // not stored: report again on the next signal
    });
  }

  function readIn(ms: number) {
    if (timer !== null) deps.cancel(timer);
    timer = deps.schedule(evaluate, ms);
  }

  return {
    /** The address changed (hash, pushState, back/forward): read in the next task, after the
     * page's own handlers; if the thread paints later, its mutations bring the next read. */
    navigated() {
      navigatedAt = deps.now();
      burstAt = null;
      opening = true;
      readIn(0);
    },
    /** The watched part of the page changed: while a navigation is opening, read in the next
     * task; otherwise once it has been quiet for a frame, and at least every MAX_WAIT_MS while
     * it keeps changing. */
    changed() {
      if (opening) return readIn(0);
      const now = deps.now();
      burstAt ??= now;
      readIn(Math.max(0, Math.min(DEBOUNCE_MS, burstAt + MAX_WAIT_MS - now)));
    },
    stop() {
      if (timer !== null) deps.cancel(timer);
      timer = null;
    },
  };
}
