import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_SELECTION, step, toggle, toggleAll } from '@/entrypoints/tickets/selection';

const shown = ['a', 'b', 'c', 'd', 'e'];

describe('the selection', () => {
  it('a click toggles one row; Shift-click sets the range from the last click to what the row becomes', () => {
    let s = toggle(NO_SELECTION, 'b', shown, false);
    s = toggle(s, 'd', shown, true);
    expect([...s.ids].sort()).toEqual(['b', 'c', 'd']);
    // Upwards too, and a range over selected rows from a selected one unselects them.
    s = toggle(s, 'a', shown, true);
    expect([...s.ids].sort()).toEqual(['a', 'b', 'c', 'd']);
    s = toggle(s, 'c', shown, true);
    expect([...s.ids].sort()).toEqual(['d']);
    // Without an anchor, Shift-click is a plain click.
    expect([...toggle(NO_SELECTION, 'e', shown, true).ids]).toEqual(['e']);
  });

  it('select all shown, then none; rows not shown stay as they were', () => {
    const s = toggleAll({ ids: new Set(['z']), anchor: null }, shown);
    expect([...s.ids].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'z']);
    expect([...toggleAll(s, shown).ids]).toEqual(['z']);
  });

  it('the keyboard steps through the rows and stops at either end', () => {
    expect(step(shown, null, 1)).toBe('a');
    expect(step(shown, 'a', -1)).toBe('a');
    expect(step(shown, 'd', 1)).toBe('e');
    expect(step(shown, 'e', 1)).toBe('e');
    expect(step(shown, 'gone', -1)).toBe('a');
    expect(step([], null, 1)).toBeNull();
  });

  it('for any clicks, the selection holds only rows shown, and a plain click twice is no change', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...shown), fc.boolean())), fc.constantFrom(...shown), (clicks, last) => {
        let s = NO_SELECTION;
        for (const [id, range] of clicks) s = toggle(s, id, shown, range);
        expect([...s.ids].every((id) => shown.includes(id))).toBe(true);
        const twice = toggle(toggle(s, last, shown, false), last, shown, false);
        expect([...twice.ids].sort()).toEqual([...s.ids].sort());
      }),
    );
  });
});
