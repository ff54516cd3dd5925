import { findStage, type Settings, type Ticket } from '@/domain';

/** How the list is ordered: by last change, by creation (tickets are numbered as they are
 * created, so the number index serves it), or by number. */
export type TicketsSort = 'updated' | 'created' | 'number';
const SORTS: readonly TicketsSort[] = ['updated', 'created', 'number'];

/**
 * What the list shows. It lives in the page's address, so a reload or a bookmark keeps it:
 * `q` the search, `stage` a stage (`pipeline:stage`) or `open` / `closed`, `owner` a member's id
 * or `unassigned`, `sort`. Defaults stay out of the address.
 */
export interface TicketsView {
  q: string;
  stage: string;
  owner: string;
  sort: TicketsSort;
}

export const DEFAULT_VIEW: TicketsView = { q: '', stage: '', owner: '', sort: 'updated' };

export function viewFromAddress(search: string): TicketsView {
  const p = new URLSearchParams(search);
  const sort = p.get('sort') as TicketsSort | null;
  return {
    q: p.get('q') ?? '',
    stage: p.get('stage') ?? '',
    owner: p.get('owner') ?? '',
    sort: sort && SORTS.includes(sort) ? sort : 'updated',
  };
}

/** The address of `view`, from the page's current one. */
export function addressOf(view: TicketsView, base: string): string {
  const url = new URL(base);
  for (const key of ['q', 'stage', 'owner', 'sort'] as const) {
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
  const [pipelineId, stageId] = stage.split(':');
  return all.filter((s) => s.pair[0] === pipelineId && s.pair[1] === stageId).map((s) => s.pair);
}

/** Whether `ticket` is in the view (the search aside: the index answers that). */
export function inView(ticket: Ticket, view: TicketsView, settings: Settings): boolean {
  if (view.stage) {
    const state = findStage(settings, ticket.pipelineId, ticket.stageId)?.state;
    if (view.stage === 'open' || view.stage === 'closed') {
      if (state !== view.stage) return false;
    } else if (`${ticket.pipelineId}:${ticket.stageId}` !== view.stage) return false;
  }
  if (view.owner === 'unassigned' && ticket.ownerId !== null) return false;
  if (view.owner && view.owner !== 'unassigned' && ticket.ownerId !== view.owner) return false;
  return true;
}

/** Orders tickets as the view says, newest or highest first. */
export function compareBy(sort: TicketsSort): (a: Ticket, b: Ticket) => number {
  return sort === 'updated' ? (a, b) => b.updatedAt - a.updatedAt || b.number - a.number : (a, b) => b.number - a.number;
}
