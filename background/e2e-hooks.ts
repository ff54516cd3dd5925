import type { MenuClick } from './context-menu';

/**
 * Only in the `e2e` build (`wxt build --mode e2e`; production drops it): lets the end-to-end
 * tests press what a headless browser cannot, a native context-menu item and a keyboard
 * shortcut, and a click on a notification. Each calls the real handler with a real tab, exactly as the browser event would.
 */
export type TestHook =
  | { sidedeskTest: 'menuClick'; tabId: number; selectionText?: string }
  | { sidedeskTest: 'command'; name: string; tabId: number }
  | { sidedeskTest: 'notificationClick'; id: string };

export function isTestHook(message: unknown): message is TestHook {
  return typeof message === 'object' && message !== null && 'sidedeskTest' in message;
}

export function createTestHooks(deps: {
  origin: string;
  onMenuClick: (info: MenuClick, tabId: number) => Promise<unknown>;
  onCommand: (name: string, tabId: number) => Promise<unknown>;
  onNotificationClick: (id: string) => Promise<unknown>;
}) {
  return async function handle(message: TestHook, sender: { url?: string }): Promise<unknown> {
    if (!sender.url?.startsWith(deps.origin)) return { ok: false };
    if (message.sidedeskTest === 'menuClick') {
      return {
        ok: true,
        data: await deps.onMenuClick({ menuItemId: 'sidedesk-create-ticket', selectionText: message.selectionText }, message.tabId),
      };
    }
    if (message.sidedeskTest === 'notificationClick') {
      await deps.onNotificationClick(message.id);
      return { ok: true, data: null };
    }
    await deps.onCommand(message.name, message.tabId);
    return { ok: true, data: null };
  };
}
