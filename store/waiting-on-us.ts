import { stagesWaitingOnUs, type Settings } from '@/domain';
import type { SidedeskDatabase } from './database';

/** How many tickets wait on us, whoever owns them: the toolbar badge's number and the panel
 * home's, counted from the `[pipelineId+stageId]` index alone (no record is read). */
export async function countWaitingOnUs(db: SidedeskDatabase, settings: Settings): Promise<number> {
  const pairs = stagesWaitingOnUs(settings);
  return pairs.length ? db.tickets.where('[pipelineId+stageId]').anyOf(pairs).count() : 0;
}
