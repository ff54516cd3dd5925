import type { Settings } from './settings';
import { isWaitingOnUs } from './zod-free/stage-tone';

/**
 * The stages the toolbar badge counts: those waiting on us. A count of what the team owes
 * customers, whoever owns it: one browser can hold several accounts, so "owned by me" would be
 * ambiguous.
 */
export function stagesWaitingOnUs(settings: Settings): Array<[pipelineId: string, stageId: string]> {
  return settings.pipelines.flatMap((p) => p.stages.filter((s) => isWaitingOnUs(p, s)).map((s) => [p.id, s.id] as [string, string]));
}

/** The badge text: empty for none, "999+" past what fits. */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 999 ? '999+' : String(count);
}
