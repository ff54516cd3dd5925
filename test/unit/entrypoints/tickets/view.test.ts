import type { Ticket } from '@/domain';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/domain';
import { FILTER_CANDIDATES, loadTickets } from '@/entrypoints/tickets/model';
import {
  addressOf,
  DEFAULT_COLUMNS,
  DEFAULT_VIEW,
  inView,
  isPreset,
  PRESETS,
  stagePairs,
  viewFromAddress,
} from '@/entrypoints/tickets/view';
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

describe('every filter, the sorts and the columns', () => {
  it('round-trip through the address; a hand-edited address falls back field by field', () => {
    const view = {
      ...DEFAULT_VIEW,
      priority: 'urgent',
      category: 'Billing',
      contact: 'anna@klient.pl',
      createdFrom: '2026-01-01',
      updatedTo: '2026-02-01',
      pipeline: 'support',
      prop: 'Plan',
      propValue: 'Gold',
      sort: 'priority' as const,
      columns: ['name', 'properties.plan', 'number'],
      mode: 'board' as const,
    };
    const address = addressOf(view, 'chrome-extension://x/tickets.html');
    expect(viewFromAddress(new URL(`chrome-extension://x${address}`).search)).toEqual(view);
    const bad = viewFromAddress('?priority=extreme&createdFrom=yesterday&col=%3Cscript%3E&col=properties.&mode=kanban&sort=name');
    expect(bad).toMatchObject({ priority: '', createdFrom: '', columns: DEFAULT_COLUMNS, mode: 'list', sort: 'name' });
  });

  it.each([
    [{ priority: 'urgent' }, { priority: 'urgent' as const }, true],
    [{ priority: 'urgent' }, { priority: 'low' as const }, false],
    [{ category: 'billing' }, { category: ' Billing ' }, true],
    [{ category: 'billing' }, { category: null }, false],
    [{ contact: 'anna@klient.pl' }, { contactEmail: 'anna@klient.pl' }, true],
    [{ contact: 'anna@klient.pl' }, { contactEmail: 'jan@klient.pl' }, false],
    [{ prop: 'Plan', propValue: 'gold' }, { properties: { Plan: 'Gold ' } }, true],
    [{ prop: 'Plan', propValue: 'gold' }, { properties: { Plan: 'Silver' } }, false],
    [{ prop: 'Plan' }, { properties: { Plan: 'Silver' } }, true],
    [{ prop: 'Plan' }, { properties: { Plan: null } }, false],
    [{ prop: 'Seats', propValue: '12' }, { properties: { Seats: 12 } }, true],
    [{ pipeline: 'support' }, {}, true],
    [{ pipeline: 'sales' }, {}, false],
    [{ createdFrom: '2027-01-15', createdTo: '2027-01-15' }, { createdAt: new Date('2027-01-15T23:59:00').getTime() }, true],
    [{ createdFrom: '2027-01-15' }, { createdAt: new Date('2027-01-14T23:59:00').getTime() }, false],
    [{ updatedTo: '2027-01-15' }, { updatedAt: new Date('2027-01-16T00:00:00').getTime() }, false],
  ])('%j and a ticket %j: %s', (filter, ticket, expected) => {
    expect(inView({ ...ticketRecord(1), ...ticket }, { ...DEFAULT_VIEW, ...filter }, context)).toBe(expected);
  });

  it('sorted by priority, by name and by creation, each from its index, bounded', async () => {
    const db = openTestDatabase();
    const priorities = ['low', 'urgent', 'medium', 'high'] as const satisfies ReadonlyArray<Ticket['priority']>;
    await db.tickets.bulkPut(
      Array.from({ length: 12 }, (_, i) => ({
        ...ticketRecord(i + 1, ['émile', 'Zoë', 'adam', 'Bart'][i % 4]! + ` ${i + 1}`),
        priority: priorities[i % 4]!,
        updatedAt: 1000 + i,
        createdAt: new Date(2027, 0, 1 + (i % 3), 12).getTime(),
      })),
    );
    const names = async (view: Partial<typeof DEFAULT_VIEW>, shown = 100) =>
      (await loadTickets(db, { ...DEFAULT_VIEW, ...view }, shown)).tickets.map((t) => t.name);
    expect((await names({ sort: 'priority' }, 4)).map((n) => n.split(' ')[0])).toEqual(['Zoë', 'Zoë', 'Zoë', 'Bart']);
    expect(await names({ sort: 'priority' }, 4)).toEqual(['Zoë 10', 'Zoë 6', 'Zoë 2', 'Bart 12']);
    // Names as people read them: case and accents aside, numbers in number order.
    expect(await names({ sort: 'name' }, 5)).toEqual(['adam 3', 'adam 7', 'adam 11', 'Bart 4', 'Bart 8']);
    expect(await names({ sort: 'created' }, 2)).toEqual(['Bart 12', 'adam 11']);
    expect(await names({ priority: 'high', sort: 'number' })).toEqual(['Bart 12', 'Bart 8', 'Bart 4']);
    const range = { createdFrom: '2027-01-01', createdTo: '2027-01-01' };
    expect(await names({ ...range, sort: 'number' }, 2)).toEqual(['Zoë 10', 'adam 7']);
  });

  it('an owner’s open tickets sorted by last change are read exactly from their index, however many they own', async () => {
    const db = openTestDatabase();
    const n = FILTER_CANDIDATES + 300;
    await db.tickets.bulkPut(
      Array.from({ length: n }, (_, i) => ({
        ...ticketRecord(i + 1),
        ownerId: 'agent@sidedesk.test',
        stageId: i % 3 === 0 ? 'closed' : 'new',
        closedAt: i % 3 === 0 ? 1 : null,
        updatedAt: 1_000_000 - i,
      })),
    );
    const page = await loadTickets(db, { ...DEFAULT_VIEW, owner: 'agent@sidedesk.test', stage: 'open' }, 3);
    expect(page.tickets.map((t) => t.number)).toEqual([2, 3, 5]);
    expect(page.truncated).toBe(false);
  });

  it('a stage sorted by last change is read exactly from its index, however many match', async () => {
    const db = openTestDatabase();
    const n = FILTER_CANDIDATES + 300;
    await db.tickets.bulkPut(
      Array.from({ length: n }, (_, i) => ({
        ...ticketRecord(i + 1),
        stageId: i % 2 === 0 ? 'new' : 'waiting-on-us',
        // The newest changes belong to the lowest numbers: neither the number nor the id order them.
        updatedAt: 1_000_000 - i,
      })),
    );
    const page = await loadTickets(db, { ...DEFAULT_VIEW, stage: 'open' }, 3);
    expect(page.tickets.map((t) => t.number)).toEqual([1, 2, 3]);
    expect(page.truncated).toBe(false);
    expect(page.more).toBe(true);
  });
});
