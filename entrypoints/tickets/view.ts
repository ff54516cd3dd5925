import { findStage, stagesWaitingOnUs, type Settings, type Ticket } from '@/domain';

/** How the list is ordered: by last change, by creation (tickets are numbered as they are
 * created, so the number index serves it), or by number. */
export type TicketsSort = 'updated' | 'created' | 'number';
const SORTS: readonly TicketsSort[] = ['updated', 'created', 'number'];

/**
 * What the list shows. It lives in the page's address, so a reload or a bookmark keeps it:
 * `q` the search, `stage` a stage (`pipeline:stage`), `open`, `closed` or `waiting` (on us), `owner`
 * a member's id, `me` (this browser's accounts) or `unassigned`, `closedIn` a number of days,
 * `sort`. Defaults stay out of the address.
 */
export interface TicketsView {
  q: string;
  stage: string;
  owner: string;
  closedIn: string;
  sort: TicketsSort;
}

export const DEFAULT_VIEW: TicketsView = { q: '', stage: '', owner: '', closedIn: '', sort: 'updated' };

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

export function viewFromAddress(search: string): TicketsView {
  const p = new URLSearchParams(search);
  const sort = p.get('sort') as TicketsSort | null;
  return {
    q: p.get('q') ?? '',
    stage: p.get('stage') ?? '',
    owner: p.get('owner') ?? '',
    closedIn: /^\d{1,4}$/.test(p.get('closedIn') ?? '') ? p.get('closedIn')! : '',
    sort: sort && SORTS.includes(sort) ? sort : 'updated',
  };
}

/** The address of `view`, from the page's current one. */
export function addressOf(view: TicketsView, base: string): string {
  const url = new URL(base);
  for (const key of ['q', 'stage', 'owner', 'closedIn', 'sort'] as const) {
    const value = view[key];
    if (value.trim() && value !== DEFAULT_VIEW[key]) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return url.pathname + url.search + url.hash;
}

/** The `[pipelineId, stageId]` pairs a stage filter means, or null for no stage filter. */
export function stagePairs(stage: string, settings: Settings): Array<[string, string]> | null {
  if (!stage) return null;
  const all = settings.pipelines.flatMap((p) => p.stages.map((s) => ({ pair: [p.id, s.id] as [string, string], state: s.state })));
  if (stage === 'open' || stage === 'closed') return all.filter((s) => s.state === stage).map((s) => s.pair);
  if (stage === 'waiting') return stagesWaitingOnUs(settings);
  const [pipelineId, stageId] = stage.split(':');
  return all.filter((s) => s.pair[0] === pipelineId && s.pair[1] === stageId).map((s) => s.pair);
}

/** Whether `ticket` is in the view (the search aside: the index answers that). */
export function inView(ticket: Ticket, view: TicketsView, { settings, me, now }: ViewContext): boolean {
  if (view.stage === 'waiting') {
    if (!stagesWaitingOnUs(settings).some(([p, s]) => p === ticket.pipelineId && s === ticket.stageId)) return false;
  } else if (view.stage) {
    const state = findStage(settings, ticket.pipelineId, ticket.stageId)?.state;
    if (view.stage === 'open' || view.stage === 'closed') {
      if (state !== view.stage) return false;
    } else if (`${ticket.pipelineId}:${ticket.stageId}` !== view.stage) return false;
  }
  if (view.owner === 'unassigned' && ticket.ownerId !== null) return false;
  if (view.owner === 'me' && !me.includes(ticket.ownerId ?? '')) return false;
  if (view.owner && view.owner !== 'unassigned' && view.owner !== 'me' && ticket.ownerId !== view.owner) return false;
  if (view.closedIn && (ticket.closedAt === null || ticket.closedAt < now - Number(view.closedIn) * 86_400_000)) return false;
  return true;
}

/** Orders tickets as the view says, newest or highest first. */
export function compareBy(sort: TicketsSort): (a: Ticket, b: Ticket) => number {
  return sort === 'updated' ? (a, b) => b.updatedAt - a.updatedAt || b.number - a.number : (a, b) => b.number - a.number;
}

/** Whether the list shows exactly `preset`'s filters (the search and the sort aside). */
export function isPreset(view: TicketsView, preset: Partial<TicketsView>): boolean {
  return (['stage', 'owner', 'closedIn'] as const).every((k) => view[k] === (preset[k] ?? DEFAULT_VIEW[k]));
}
