import { badgeText } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';
import { countWaitingOnUs } from '@/store/waiting-on-us';

/** The toolbar badge: tickets waiting on us, counted from the [pipelineId+stageId] index. */
export function createBadge(db: SidedeskDatabase, show: (text: string) => Promise<unknown>) {
  return async function update(): Promise<number> {
    const count = await countWaitingOnUs(db, await readSettings(db));
    await show(badgeText(count));
    return count;
  };
}
