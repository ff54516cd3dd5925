import { describe, expect, it } from 'vitest';
import type { ReadingInput } from '@/domain/reading';
import { createTracker, DEBOUNCE_MS, MAX_WAIT_MS, RETRY_EVERY_MS, SETTLE_MS } from '@/content/tracker';

/** A tracker over a page whose reading the test sets, with a clock the test moves. */
function harness() {
  let now = 0;
  let reading: ReadingInput = { status: 'none', reason: 'No conversation is open.' };
  let failNext = false;
  let reads = 0;
  const reported: string[] = [];
  const timers = new Map<number, { at: number; fn: () => void }>();
  let ids = 0;
  const tracker = createTracker({
    read: () => (reads++, reading),
    report: async (r) => {
      if (failNext) {
        failNext = false;
        throw new Error('worker asleep');
      }
      reported.push(r.status === 'conversation' ? r.observation.threadId : r.status);
    },
    schedule: (fn, ms) => (timers.set(++ids, { at: now + ms, fn }), ids),
    cancel: (id) => void timers.delete(id as number),
    now: () => now,
  });
  return {
    tracker,
    reported,
    reads: () => reads,
    now: () => now,
    set(r: ReadingInput) {
      reading = r;
    },
    failNextReport() {
      failNext = true;
    },
    /** Moves the clock, running timers in order. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await Promise.resolve();
      }
      now = end;
      await Promise.resolve();
    },
  };
}

const conversation = (threadId: string, messageCount = 1): ReadingInput => ({
  status: 'conversation',
  observation: {
    provider: 'gmail',
    account: 'a@b.pl',
    threadId,
    subject: 's',
    url: null,
    contact: null,
    participants: [],
    messageCount,
    lastMessageAt: null,
  },
});
const unreadable: ReadingInput = { status: 'unreadable', reason: 'still opening' };

describe('the navigation tracker', () => {
  it('reports a conversation at once, and only when it changes', async () => {
    const h = harness();
    h.set(conversation('a'));
    h.tracker.navigated();
    await h.advance(100);
    h.tracker.changed();
    await h.advance(100);
    h.set(conversation('b'));
    h.tracker.navigated();
    await h.advance(100);
    expect(h.reported).toEqual(['a', 'b']);
  });

  it('waits for a late-painted thread instead of reporting the page as unreadable', async () => {
    const h = harness();
    h.set(unreadable);
    h.tracker.navigated();
    await h.advance(1500);
    expect(h.reported).toEqual([]);
    h.set(conversation('late'));
    await h.advance(200); // found by the retry alone, without a mutation signal
    expect(h.reported).toEqual(['late']);
  });

  it('reports an unreadable page once the late-paint window has passed', async () => {
    const h = harness();
    h.set(unreadable);
    h.tracker.navigated();
    await h.advance(SETTLE_MS.unreadable - 100);
    expect(h.reported).toEqual([]);
    await h.advance(300);
    expect(h.reported).toEqual(['unreadable']);
  });

  it('reports "nothing open" after a short settle, not during a thread change', async () => {
    const h = harness();
    h.set(conversation('a'));
    h.tracker.navigated();
    await h.advance(100);
    h.set({ status: 'none', reason: 'No conversation is open.' });
    h.tracker.navigated();
    await h.advance(SETTLE_MS.none - 100);
    h.set(conversation('b'));
    await h.advance(300);
    expect(h.reported).toEqual(['a', 'b']);
    h.set({ status: 'none', reason: 'No conversation is open.' });
    h.tracker.navigated();
    await h.advance(SETTLE_MS.none + 200);
    expect(h.reported).toEqual(['a', 'b', 'none']);
  });

  it('reads a page with nothing open twice before reporting it, and polls one it cannot read yet', async () => {
    const h = harness();
    h.tracker.navigated();
    await h.advance(SETTLE_MS.none + 50);
    expect(h.reported).toEqual(['none']);
    expect(h.reads()).toBe(2);

    const u = harness();
    u.set(unreadable);
    u.tracker.navigated();
    await u.advance(SETTLE_MS.unreadable + 50);
    expect(u.reported).toEqual(['unreadable']);
    expect(u.reads()).toBe(1 + Math.ceil(SETTLE_MS.unreadable / RETRY_EVERY_MS));
  });

  it('debounces a burst of mutations into one read', async () => {
    let reads = 0;
    const t = createTracker({
      read: () => (reads++, conversation('a')),
      report: async () => undefined,
      schedule: (fn, ms) => setTimeout(fn, ms),
      cancel: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    });
    for (let i = 0; i < 50; i++) t.changed();
    await new Promise((r) => setTimeout(r, 120));
    expect(reads).toBe(1);
  });

  it('reads in the next task after a navigation, without waiting a debounce', async () => {
    const h = harness();
    h.set(conversation('a'));
    h.tracker.navigated();
    await h.advance(0);
    expect(h.reported).toEqual(['a']);
  });

  it('a page that never stops changing is still read at least every MAX_WAIT_MS', async () => {
    const h = harness();
    h.set(conversation('a'));
    h.tracker.navigated();
    await h.advance(0);
    const before = h.reads();
    // A mutation every 10 ms for a second: a pure trailing debounce would never read.
    for (let t = 0; t < 1000; t += 10) {
      h.tracker.changed();
      await h.advance(10);
    }
    expect(h.reads() - before).toBeGreaterThanOrEqual(Math.floor(1000 / MAX_WAIT_MS) - 1);
    expect(h.reads() - before).toBeLessThanOrEqual(Math.ceil(1000 / MAX_WAIT_MS) + 1);
  });

  it('while a navigation is opening, a mutation is read in the next task; once settled, after a quiet frame', async () => {
    const h = harness();
    h.set(conversation('a'));
    h.tracker.navigated();
    await h.advance(50);
    h.set(unreadable); // the address names thread b; the page still shows a
    h.tracker.navigated();
    await h.advance(5);
    expect(h.reported).toEqual(['a']);
    h.set(conversation('b'));
    h.tracker.changed(); // thread b paints
    await h.advance(0);
    expect(h.reported).toEqual(['a', 'b']);
    h.tracker.changed(); // settled: debounced again
    await h.advance(DEBOUNCE_MS - 1);
    const reads = h.reads();
    await h.advance(1);
    expect(h.reads()).toBe(reads + 1);
  });

  it('a burst of mutations is read once, a frame after it ends', async () => {
    const h = harness();
    h.set(conversation('a'));
    h.tracker.navigated();
    await h.advance(0);
    const settled = h.reads();
    for (let i = 0; i < 5; i++) {
      h.tracker.changed();
      await h.advance(2);
    }
    expect(h.reads()).toBe(settled);
    await h.advance(DEBOUNCE_MS);
    expect(h.reads()).toBe(settled + 1);
  });

  it('reports the open conversation again when a message arrives in it, and not otherwise', async () => {
    const h = harness();
    h.set(conversation('a', 2));
    h.tracker.navigated();
    await h.advance(50);
    h.tracker.changed();
    await h.advance(50);
    h.set(conversation('a', 3));
    h.tracker.changed();
    await h.advance(50);
    expect(h.reported).toEqual(['a', 'a']);
  });

  it('reports the open conversation again when its contact paints after a first read (a half-drawn pane)', async () => {
    const h = harness();
    const first = conversation('a');
    h.set(first);
    h.tracker.navigated();
    await h.advance(50);
    if (first.status !== 'conversation') throw new Error('unreachable');
    h.set({ ...first, observation: { ...first.observation, contact: { name: 'Jan Nowak', email: 'jan.nowak@sklep.pl' } } });
    h.tracker.changed();
    await h.advance(50);
    expect(h.reported).toEqual(['a', 'a']);
  });

  it('reports again after a report that did not reach the background', async () => {
    const h = harness();
    h.set(conversation('a'));
    h.failNextReport();
    h.tracker.navigated();
    await h.advance(100);
    expect(h.reported).toEqual([]);
    h.tracker.changed();
    await h.advance(100);
    expect(h.reported).toEqual(['a']);
  });
});
