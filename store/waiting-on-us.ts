import { stagesWaitingOnUs, type Settings } from '@/domain';
import type { SidedeskDatabase } from './database';
import { ownerCountKey, stageCountKey, sumCounts } from './ticket-counts';

/** How many tickets wait on us, whoever owns them: the toolbar badge's number and the panel
 * home's, the sum of the stages' counts kept with every write (one request). */
export async function countWaitingOnUs(db: SidedeskDatabase, settings: Settings): Promise<number> {
  return sumCounts(
    db,
    stagesWaitingOnUs(settings).map(([p, s]) => stageCountKey(p, s)),
  );
}

/** The open stages of every pipeline. */
export function openStages(settings: Settings): Array<[pipelineId: string, stageId: string]> {
  return settings.pipelines.flatMap((p) => p.stages.filter((s) => s.state === 'open').map((s) => [p.id, s.id] as [string, string]));
}

/** How many open tickets "I" own: this browser's member or accounts (see browserAccounts), the
 * sum of each one's count in each open stage (one request). */
export async function countMyOpen(db: SidedeskDatabase, settings: Settings, me: readonly string[]): Promise<number> {
  const open = openStages(settings);
  return sumCounts(
    db,
    [...new Set(me)].flatMap((o) => open.map(([p, s]) => ownerCountKey(o, p, s))),
  );
}

/** The badge's number, as the settings say what it means. */
export async function badgeCount(db: SidedeskDatabase, settings: Settings, me: () => Promise<readonly string[]>): Promise<number> {
  return settings.badge === 'my-open' ? countMyOpen(db, settings, await me()) : countWaitingOnUs(db, settings);
}
