import { findStage, stagesWaitingOnUs, type Priority, type Settings, type Ticket } from '@/domain';

/** How the list is ordered: by last change, by creation (tickets are numbered as they are created,
 * so the number serves it), by priority (most urgent first, then last change), by number, by name. */
export const SORTS = ['updated', 'created', 'priority', 'number', 'name'] as const;
export type TicketsSort = (typeof SORTS)[number];

/** The list as a table, or the board with a column per stage. */
export const MODES = ['list', 'board'] as const;
export type TicketsMode = (typeof MODES)[number];

/** The columns an agent can show; free properties join as `properties.<name>`. */
export const COLUMNS = [
  'number',
  'name',
  'stage',
  'waiting',
  'priority',
  'owner',
  'contact',
  'conversations',
  'created',
  'updated',
  'category',
] as const;
export type BuiltinColumn = (typeof COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly string[] = [
  'number',
  'name',
  'stage',
  'waiting',
  'priority',
  'owner',
  'contact',
  'conversations',
  'updated',
];
export const PROPERTY_COLUMN = 'properties.';
const MAX_COLUMNS = 30;

export const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/**
 * What the list shows. It lives in the page's address, so a reload or a bookmark keeps it:
 * `q` the search, `stage` a stage (`pipeline:stage`), `open`, `closed` or `waiting` (on us),
 * `pipeline` a pipeline's id, `owner` a member's id, `me` (this browser's accounts) or
 * `unassigned`, `priority`, `category`, `contact` an address, `createdFrom`/`createdTo` and
 * `updatedFrom`/`updatedTo` days (`YYYY-MM-DD`, both ends included), `closedIn` a number of days,
 * `sort`, `col` the columns (repeated, in order), `mode`. Defaults stay out of the address.
 */
export interface TicketsView {
  q: string;
  stage: string;
  pipeline: string;
  owner: string;
  priority: string;
  category: string;
  contact: string;
  createdFrom: string;
  createdTo: string;
  updatedFrom: string;
  updatedTo: string;
  closedIn: string;
  /** A property (a custom or free one) and the value it must have (empty: any value). */
  prop: string;
  propValue: string;
  sort: TicketsSort;
  columns: readonly string[];
  mode: TicketsMode;
}

/** The filters: every field of the view that narrows which tickets it shows (the search aside). */
export const FILTERS = [
  'stage',
  'pipeline',
  'owner',
  'priority',
  'category',
  'contact',
  'createdFrom',
  'createdTo',
  'updatedFrom',
  'updatedTo',
  'closedIn',
  'prop',
  'propValue',
] as const;
export type FilterKey = (typeof FILTERS)[number];

export const DEFAULT_VIEW: TicketsView = {
  q: '',
  stage: '',
  pipeline: '',
  owner: '',
  priority: '',
  category: '',
  contact: '',
  createdFrom: '',
  createdTo: '',
  updatedFrom: '',
  updatedTo: '',
  closedIn: '',
  prop: '',
  propValue: '',
  sort: 'updated',
  columns: DEFAULT_COLUMNS,
  mode: 'list',
};

/** Views an agent asks for every day, one click each. */
export const PRESETS: ReadonlyArray<{ key: string; view: Partial<TicketsView> }> = [
  { key: 'presetMyOpen', view: { owner: 'me', stage: 'open' } },
  { key: 'presetWaitingOnUs', view: { stage: 'waiting' } },
  { key: 'presetUnassigned', view: { owner: 'unassigned', stage: 'open' } },
  { key: 'presetClosedThisWeek', view: { stage: 'closed', closedIn: '7' } },
];

/** Who "me" is and what time it is: what a view needs beyond the tickets. */
export interface ViewContext {
  settings: Settings;
  me: readonly string[];
  now: number;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const PRIORITIES = Object.keys(PRIORITY_RANK);

function day(value: string | null): string {
  return value && DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) ? value : '';
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The view an address asks for; anything a hand-edited address gets wrong falls back to its default. */
export function viewFromAddress(search: string): TicketsView {
  const p = new URLSearchParams(search);
  const text = (key: string) => (p.get(key) ?? '').slice(0, 200);
  const columns = [...new Set(p.getAll('col').filter(isColumn))].slice(0, MAX_COLUMNS);
  return {
    q: text('q'),
    stage: text('stage'),
    pipeline: text('pipeline'),
    owner: text('owner'),
    priority: oneOf(p.get('priority'), PRIORITIES, ''),
    category: text('category'),
    contact: text('contact').trim().toLowerCase(),
    createdFrom: day(p.get('createdFrom')),
    createdTo: day(p.get('createdTo')),
    updatedFrom: day(p.get('updatedFrom')),
    updatedTo: day(p.get('updatedTo')),
    closedIn: /^\d{1,4}$/.test(p.get('closedIn') ?? '') ? p.get('closedIn')! : '',
    prop: text('prop'),
    propValue: text('prop') ? text('propValue') : '',
    sort: oneOf(p.get('sort'), SORTS, 'updated'),
    columns: columns.length ? columns : DEFAULT_COLUMNS,
    mode: oneOf(p.get('mode'), MODES, 'list'),
  };
}

export function isColumn(key: string): boolean {
  return (COLUMNS as readonly string[]).includes(key) || (key.startsWith(PROPERTY_COLUMN) && key.length > PROPERTY_COLUMN.length);
}

/** The address of `view`, from the page's current one. */
export function addressOf(view: TicketsView, base: string): string {
  const url = new URL(base);
  for (const key of ['q', ...FILTERS, 'sort', 'mode'] as const) {
    const value = view[key];
    if (value.trim() && value !== DEFAULT_VIEW[key]) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  url.searchParams.delete('col');
  if (view.columns.join('\n') !== DEFAULT_COLUMNS.join('\n')) for (const c of view.columns) url.searchParams.append('col', c);
  return url.pathname + url.search + url.hash;
}

/** The `[pipelineId, stageId]` pairs the stage and pipeline filters mean, or null for neither. */
export function stagePairs(stage: string, settings: Settings, pipeline = ''): Array<[string, string]> | null {
  if (!stage && !pipeline) return null;
  const all = settings.pipelines
    .filter((p) => !pipeline || p.id === pipeline)
    .flatMap((p) => p.stages.map((s) => ({ pair: [p.id, s.id] as [string, string], state: s.state })));
  if (!stage) return all.map((s) => s.pair);
  if (stage === 'open' || stage === 'closed') return all.filter((s) => s.state === stage).map((s) => s.pair);
  if (stage === 'waiting') {
    const waiting = stagesWaitingOnUs(settings);
    return all.filter((s) => waiting.some(([p, id]) => p === s.pair[0] && id === s.pair[1])).map((s) => s.pair);
  }
  const [pipelineId, stageId] = stage.split(':');
  return all.filter((s) => s.pair[0] === pipelineId && s.pair[1] === stageId).map((s) => s.pair);
}

/** The first and last millisecond of the days a range names (local time), open where a side is empty. */
export function dayRange(from: string, to: string): [number, number] | null {
  if (!from && !to) return null;
  const start = from ? new Date(`${from}T00:00:00`).getTime() : -Infinity;
  const end = to ? new Date(`${to}T00:00:00`).getTime() + 86_400_000 - 1 : Infinity;
  return [start, end];
}

function within(at: number, range: [number, number] | null): boolean {
  return range === null || (at >= range[0] && at <= range[1]);
}

/** Whether `ticket` is in the view (the search aside: the index answers that). */
export function inView(ticket: Ticket, view: TicketsView, { settings, me, now }: ViewContext): boolean {
  const pairs = stagePairs(view.stage, settings, view.pipeline);
  if (pairs && !pairs.some(([p, s]) => p === ticket.pipelineId && s === ticket.stageId)) return false;
  if (view.owner === 'unassigned' && ticket.ownerId !== null) return false;
  if (view.owner === 'me' && !me.includes(ticket.ownerId ?? '')) return false;
  if (view.owner && view.owner !== 'unassigned' && view.owner !== 'me' && ticket.ownerId !== view.owner) return false;
  if (view.priority && ticket.priority !== view.priority) return false;
  if (view.category && (ticket.category ?? '').trim().toLowerCase() !== view.category.trim().toLowerCase()) return false;
  if (view.contact && ticket.contactEmail !== view.contact) return false;
  if (!within(ticket.createdAt, dayRange(view.createdFrom, view.createdTo))) return false;
  if (!within(ticket.updatedAt, dayRange(view.updatedFrom, view.updatedTo))) return false;
  if (view.prop && !propertyMatches(ticket.properties[view.prop], view.propValue)) return false;
  if (view.closedIn && (ticket.closedAt === null || ticket.closedAt < now - Number(view.closedIn) * 86_400_000)) return false;
  return true;
}

/** Whether a property's value is the one asked for (case aside), or any value when none is asked. */
export function propertyMatches(value: string | number | boolean | null | undefined, wanted: string): boolean {
  if (value === undefined || value === null || value === '') return false;
  return wanted.trim() === '' || String(value).trim().toLowerCase() === wanted.trim().toLowerCase();
}

/** Whether the view narrows the tickets at all (the search aside). */
export function isFiltered(view: TicketsView): boolean {
  return FILTERS.some((k) => view[k] !== '');
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders tickets as the view says: newest or most urgent first, names from A to Z. */
export function compareBy(sort: TicketsSort): (a: Ticket, b: Ticket) => number {
  switch (sort) {
    case 'updated':
      return (a, b) => b.updatedAt - a.updatedAt || b.number - a.number;
    case 'priority':
      return (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || b.updatedAt - a.updatedAt || b.number - a.number;
    case 'name':
      return (a, b) => byName.compare(a.name, b.name) || b.number - a.number;
    case 'created':
    case 'number':
      return (a, b) => b.number - a.number;
  }
}

/** Whether the list shows exactly `preset`'s filters (the search and the sort aside). */
export function isPreset(view: TicketsView, preset: Partial<TicketsView>): boolean {
  return FILTERS.every((k) => view[k] === (preset[k] ?? DEFAULT_VIEW[k]));
}
