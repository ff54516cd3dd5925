import type { ReadingInput } from './reading';

export interface TrackerDeps {
  read: () => ReadingInput;
  report: (reading: ReadingInput) => Promise<unknown>;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** How long a conversation that paints late is waited for after a navigation. */
export const RETRY_EVERY_MS = 200;
export const RETRY_FOR_MS = 4000;
const DEBOUNCE_MS = 50;

function keyOf(r: ReadingInput): string {
  return r.status === 'conversation' ? `c:${r.observation.account}:${r.observation.threadId}` : r.status;
}

/**
 * Re-reads the page after each navigation signal (debounced) and reports only when what it
 * shows changes. After a navigation Gmail paints the thread late, so a page that shows no
 * conversation yet is read again for a bounded time.
 */
export function createTracker(deps: TrackerDeps) {
  let last: string | null = null;
  let timer: unknown = null;
  let deadline = 0;

  function evaluate() {
    timer = null;
    const reading = deps.read();
    const key = keyOf(reading);
    if (key !== last) {
      last = key;
      void deps.report(reading).catch(() => {
        last = null; // not stored: report again on the next signal
      });
    }
    if (reading.status !== 'conversation' && Date.now() < deadline) {
      timer = deps.setTimeout(evaluate, RETRY_EVERY_MS);
    }
  }

  return {
    /** Something may have changed (navigation, a mutation of the thread container). */
    poke() {
      deadline = Date.now() + RETRY_FOR_MS;
      if (timer !== null) deps.clearTimeout(timer);
      timer = deps.setTimeout(evaluate, DEBOUNCE_MS);
    },
    stop() {
      if (timer !== null) deps.clearTimeout(timer);
      timer = null;
    },
  };
}
