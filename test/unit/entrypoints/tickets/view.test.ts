import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/domain';
import { loadTickets } from '@/entrypoints/tickets/model';
import { addressOf, DEFAULT_VIEW, inView, isPreset, PRESETS, stagePairs, viewFromAddress } from '@/entrypoints/tickets/view';
import { ticketRecord } from '@/test/support/builders';
import { openTestDatabase } from '@/test/support/store';

describe('the view in the address', () => {
  it('round-trips through the address, defaults left out', () => {
    const view = { ...DEFAULT_VIEW, q: 'anna', stage: 'open', owner: 'unassigned', sort: 'number' as const };
    const address = addressOf(view, 'chrome-extension://x/tickets.html');
    expect(address).toBe('/tickets.html?q=anna&stage=open&owner=unassigned&sort=number');
    expect(viewFromAddress(new URL(`chrome-extension://x${address}`).search)).toEqual(view);
    expect(addressOf(DEFAULT_VIEW, 'chrome-extension://x/tickets.html?q=old')).toBe('/tickets.html');
  });

  it('an unknown sort in a hand-edited address falls back to last change', () => {
    expect(viewFromAddress('?sort=drop-table').sort).toBe('updated');
  });
});

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const context = { settings: DEFAULT_SETTINGS, me: ['me@b.pl'], now: NOW };

describe('the filter model', () => {
  it('a preset is pressed when the list shows exactly its filters', () => {
    const myOpen = PRESETS.find((p) => p.key === 'presetMyOpen')!.view;
    expect(isPreset({ ...DEFAULT_VIEW, owner: 'me', stage: 'open', q: 'anna' }, myOpen)).toBe(true);
    expect(isPreset({ ...DEFAULT_VIEW, owner: 'me', stage: 'open', closedIn: '7' }, myOpen)).toBe(false);
    expect(viewFromAddress('?stage=closed&closedIn=7').closedIn).toBe('7');
    expect(viewFromAddress('?closedIn=soon').closedIn).toBe('');
  });

  it('a stage filter means its stage, or every open or every closed stage', () => {
    expect(stagePairs('', DEFAULT_SETTINGS)).toBeNull();
    expect(stagePairs('open', DEFAULT_SETTINGS)).toEqual([
      ['support', 'new'],
      ['support', 'waiting-on-contact'],
      ['support', 'waiting-on-us'],
    ]);
    expect(stagePairs('closed', DEFAULT_SETTINGS)).toEqual([['support', 'closed']]);
    expect(stagePairs('support:waiting-on-us', DEFAULT_SETTINGS)).toEqual([['support', 'waiting-on-us']]);
    expect(stagePairs('support:gone', DEFAULT_SETTINGS)).toEqual([]);
  });

  it.each([
    [{ stage: 'open' }, { stageId: 'new' }, true],
    [{ stage: 'open' }, { stageId: 'closed', closedAt: 1 }, false],
    [{ stage: 'closed' }, { stageId: 'closed', closedAt: 1 }, true],
    [{ owner: 'unassigned' }, { ownerId: null }, true],
    [{ owner: 'unassigned' }, { ownerId: 'a@b.pl' }, false],
    [{ owner: 'a@b.pl' }, { ownerId: 'a@b.pl' }, true],
    [{ stage: 'support:new', owner: 'a@b.pl' }, { stageId: 'new', ownerId: 'x@y.pl' }, false],
    [{ owner: 'me' }, { ownerId: 'me@b.pl' }, true],
    [{ owner: 'me' }, { ownerId: 'x@y.pl' }, false],
    [{ stage: 'waiting' }, { stageId: 'waiting-on-us' }, true],
    [{ stage: 'waiting' }, { stageId: 'new' }, true],
    [{ stage: 'waiting' }, { stageId: 'waiting-on-contact' }, false],
    [{ stage: 'closed', closedIn: '7' }, { stageId: 'closed', closedAt: NOW - 6 * DAY }, true],
    [{ stage: 'closed', closedIn: '7' }, { stageId: 'closed', closedAt: NOW - 8 * DAY }, false],
  ])('%j and a ticket %j: %s', (filter, ticket, expected) => {
    expect(inView({ ...ticketRecord(1), ...ticket }, { ...DEFAULT_VIEW, ...filter }, context)).toBe(expected);
  });
});

describe('the filtered list, from the indexes', () => {
  it('by stage, by owner, unassigned, and sorted by number or last change', async () => {
    const db = openTestDatabase();
    await db.tickets.bulkPut(
      Array.from({ length: 30 }, (_, i) => ({
        ...ticketRecord(i + 1),
        stageId: i % 3 === 0 ? 'closed' : 'new',
        closedAt: i % 3 === 0 ? 1 : null,
        ownerId: i % 2 === 0 ? 'agent@sidedesk.test' : null,
        // Older tickets changed last: last change and number disagree.
        updatedAt: 1000 - i,
      })),
    );
    const numbers = async (view: Partial<typeof DEFAULT_VIEW>, shown = 100) =>
      (await loadTickets(db, { ...DEFAULT_VIEW, ...view }, shown)).tickets.map((t) => t.number);
    expect(await numbers({ stage: 'closed', sort: 'number' })).toEqual([28, 25, 22, 19, 16, 13, 10, 7, 4, 1]);
    expect(await numbers({ stage: 'closed' })).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
    expect(await numbers({ owner: 'agent@sidedesk.test', stage: 'open', sort: 'number' })).toEqual([29, 27, 23, 21, 17, 15, 11, 9, 5, 3]);
    expect(await numbers({ owner: 'unassigned', sort: 'number' }, 5)).toEqual([30, 28, 26, 24, 22]);
    const page = await loadTickets(db, { ...DEFAULT_VIEW, owner: 'unassigned' }, 5);
    expect(page.more).toBe(true);
  });
});
