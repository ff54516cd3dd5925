import { badgeText } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';
import { browserAccounts } from '@/store/accounts';
import { badgeCount } from '@/store/waiting-on-us';

/** The toolbar badge: tickets waiting on us (counted from the [pipelineId+stageId] index), or my
 * open tickets, as the settings choose. */
export function createBadge(db: SidedeskDatabase, show: (text: string) => Promise<unknown>) {
  return async function update(): Promise<number> {
    const count = await badgeCount(db, await readSettings(db), () => browserAccounts(db));
    await show(badgeText(count));
    return count;
  };
}
