import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addressWriter } from '@/pages/address-writer';

/** A window with just what the writer touches: its address, its history and its events. */
function fakeWindow(href: string) {
  const listeners = new Map<string, () => void>();
  const written: string[] = [];
  const win = {
    location: { href },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        written.push(url);
        win.location.href = url;
      },
    },
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
  };
  return { win: win as unknown as Window, written, fire: (type: string) => listeners.get(type)?.() };
}

describe("a page's address, kept in step with its view", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once when the agent pauses, the last of what was typed', () => {
    const { win, written } = fakeWindow('chrome-extension://x/tickets.html');
    const address = addressWriter(150, win);
    for (const q of ['k', 'ko', 'kow']) {
      address.write(`chrome-extension://x/tickets.html?q=${q}`);
      vi.advanceTimersByTime(50);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(written).toEqual(['chrome-extension://x/tickets.html?q=kow']);
  });

  it('writes what is pending before the page is left, so Back and a reload open the same view', () => {
    const { win, written, fire } = fakeWindow('chrome-extension://x/tickets.html');
    const address = addressWriter(150, win);
    address.write('chrome-extension://x/tickets.html?stage=open');
    fire('pagehide');
    expect(written).toEqual(['chrome-extension://x/tickets.html?stage=open']);
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(1);
  });

  it('leaves the history alone when the address is already the one to write', () => {
    const { win, written } = fakeWindow('chrome-extension://x/tickets.html?q=a');
    const address = addressWriter(150, win);
    address.write('chrome-extension://x/tickets.html?q=a');
    vi.advanceTimersByTime(150);
    expect(written).toEqual([]);
  });
});
