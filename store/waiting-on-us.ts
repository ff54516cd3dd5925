import { stagesWaitingOnUs, type Settings } from '@/domain';
import type { SidedeskDatabase } from './database';

/** How many tickets wait on us, whoever owns them: the toolbar badge's number and the panel
 * home's, counted from the `[pipelineId+stageId]` index alone (no record is read). */
export async function countWaitingOnUs(db: SidedeskDatabase, settings: Settings): Promise<number> {
  const pairs = stagesWaitingOnUs(settings);
  return pairs.length ? db.tickets.where('[pipelineId+stageId]').anyOf(pairs).count() : 0;
}

/** How many open tickets "I" own: this browser's member or accounts (see browserAccounts), from
 * the `[pipelineId+stageId]` index for each open stage, narrowed by owner on the keys alone. */
export async function countMyOpen(db: SidedeskDatabase, settings: Settings, me: readonly string[]): Promise<number> {
  if (me.length === 0) return 0;
  const open = settings.pipelines.flatMap((p) => p.stages.filter((s) => s.state === 'open').map((s) => [p.id, s.id] as [string, string]));
  return db.tickets
    .where('ownerId')
    .anyOf([...me])
    .filter((t) => open.some(([p, s]) => p === t.pipelineId && s === t.stageId))
    .count();
}

/** The badge's number, as the settings say what it means. */
export async function badgeCount(db: SidedeskDatabase, settings: Settings, me: () => Promise<readonly string[]>): Promise<number> {
  return settings.badge === 'my-open' ? countMyOpen(db, settings, await me()) : countWaitingOnUs(db, settings);
}
