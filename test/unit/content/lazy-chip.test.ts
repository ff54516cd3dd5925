import { describe, expect, it } from 'vitest';
import type { ReadingInput } from '@/domain/reading';
import type { Chip } from '@/content/chip-stage';
import { createLazyChip } from '@/content/lazy-chip';

const none: ReadingInput = { status: 'none', reason: 'No conversation is open.' };

/** A chip that records what it was told, and a loader the test answers by hand. */
function harness() {
  const told: string[] = [];
  const chip: Chip = {
    show: (id) => void told.push(`show ${id}`),
    sync: (reading) => void told.push(`sync ${reading?.status ?? '-'}`),
    refresh: async () => void told.push('refresh'),
    remove: () => void told.push('remove'),
  };
  const loads: Array<(c: Chip | null) => void> = [];
  const fails: Array<() => void> = [];
  const lazy = createLazyChip(
    () =>
      new Promise<Chip | null>((resolve, reject) => {
        loads.push(resolve);
        fails.push(() => reject(new Error('worker asleep')));
      }),
  );
  return { told, chip, loads, fails, lazy };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the chip before its code is in the page', () => {
  it('is not loaded while no conversation is shown', async () => {
    const h = harness();
    h.lazy.sync(none);
    h.lazy.show(null, null, null);
    await h.lazy.refresh();
    expect(h.loads).toHaveLength(0);
  });

  it('is loaded once at the first conversation, and given the last reading and the last conversation shown', async () => {
    const h = harness();
    h.lazy.show('c1', null, 't1');
    h.lazy.show('c2', null, 't2');
    h.lazy.sync(none);
    expect(h.loads).toHaveLength(1);
    h.loads[0]!(h.chip);
    await tick();
    expect(h.told).toEqual(['sync none', 'show c2']);
    h.lazy.show('c3', null, 't3');
    await h.lazy.refresh();
    expect(h.told.slice(2)).toEqual(['show c3', 'refresh']);
    expect(h.loads).toHaveLength(1);
  });

  it('a load that fails is asked for again at the next conversation; a stopped script draws nothing', async () => {
    const h = harness();
    h.lazy.show('c1', null, 't1');
    h.fails[0]!();
    await tick();
    h.lazy.show('c2', null, 't2');
    expect(h.loads).toHaveLength(2);
    h.lazy.remove();
    h.loads[1]!(h.chip);
    await tick();
    expect(h.told).toEqual([]);
  });
});
