import { describe, expect, it } from 'vitest';
import { coalesce } from '@/background/coalesce';

describe('coalesce', () => {
  it('a burst of calls while the task runs costs one more run, not one per call, and none is missed', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const task = coalesce(
      () =>
        new Promise<void>((resolve) => {
          runs += 1;
          release = resolve;
        }),
    );
    const first = task();
    const burst = Array.from({ length: 1000 }, () => task());
    expect(runs).toBe(1);
    release();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    release();
    await Promise.all([first, ...burst]);
    expect(runs).toBe(2);
    // Once idle, the next call runs again.
    const later = task();
    expect(runs).toBe(3);
    release();
    await later;
  });

  it('a failing run is reported and does not stop the next', async () => {
    let runs = 0;
    const task = coalesce(async () => {
      runs += 1;
      throw new Error('tab closed');
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      await task();
      await task();
    } finally {
      console.error = original;
    }
    expect(runs).toBe(2);
  });
});
