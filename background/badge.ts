import { badgeText, stagesWaitingOnUs } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';

/** The toolbar badge: tickets waiting on us, counted from the [pipelineId+stageId] index. */
export function createBadge(db: SidedeskDatabase, show: (text: string) => Promise<unknown>) {
  return async function update(): Promise<number> {
    const pairs = stagesWaitingOnUs(await readSettings(db));
    const count = pairs.length ? await db.tickets.where('[pipelineId+stageId]').anyOf(pairs).count() : 0;
    await show(badgeText(count));
    return count;
  };
}
