import type { ReadingInput } from './reading';

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
export const RETRY_EVERY_MS = 150;
/** How long a reading must hold after a navigation before it is reported. A conversation is
 * reported at once; "nothing open" briefly (a thread paints a moment after its route); a page
 * that cannot be read only after the whole late-paint window, so health never flickers. */
export const SETTLE_MS = { conversation: 0, none: 300, unreadable: 4000 } as const;

function keyOf(r: ReadingInput): string {
  return r.status === 'conversation' ? `c:${r.observation.account}:${r.observation.threadId}` : `${r.status}:${r.reason}`;
}

/**
 * Re-reads the page after navigation and mutation signals (debounced) and reports only when
 * what it shows changes.
 */
export function createTracker(deps: TrackerDeps) {
  let lastKey: string | null = null;
  let timer: unknown = null;
  let navigatedAt = deps.now();

  function evaluate() {
    timer = null;
    const reading = deps.read();
    deps.afterRead?.(reading);
    const key = keyOf(reading);
    const wait = navigatedAt + SETTLE_MS[reading.status] - deps.now();
    if (wait > 0) {
      timer = deps.schedule(evaluate, Math.min(RETRY_EVERY_MS, wait));
      return;
    }
    if (key === lastKey) return;
    lastKey = key;
    deps.report(reading).catch(() => {
      if (lastKey === key) lastKey = null; // not stored: report again on the next signal
    });
  }

  function soon() {
    if (timer !== null) deps.cancel(timer);
    timer = deps.schedule(evaluate, DEBOUNCE_MS);
  }

  return {
    /** The address changed (hash, pushState, back/forward). */
    navigated() {
      navigatedAt = deps.now();
      soon();
    },
    /** The watched part of the page changed. */
    changed: soon,
    stop() {
      if (timer !== null) deps.cancel(timer);
      timer = null;
    },
  };
}
