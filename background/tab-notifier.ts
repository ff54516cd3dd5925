import { TICKETS_CHANGED } from '@/messaging/tab-messages';
import type { SidedeskDatabase } from '@/store/database';

/**
 * Tells every webmail tab showing a conversation that tickets changed, so its chip re-reads.
 * Runs after a command's transaction, never inside it. A tab that closed meanwhile just fails.
 */
export function createTabNotifier(db: SidedeskDatabase, sendToTab: (tabId: number, message: unknown) => Promise<unknown>) {
  return async function notify(): Promise<void> {
    const tabs = await db.tabs.filter((t) => t.conversationId !== null).toArray();
    await Promise.all(tabs.map((t) => sendToTab(t.tabId, TICKETS_CHANGED).catch(() => undefined)));
  };
}
