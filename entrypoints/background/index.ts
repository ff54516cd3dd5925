import '../../domain/csp';
import { createBadge } from '../../messaging/badge';
import { createContextMenu } from '../../messaging/context-menu';
import { createHandlers } from '../../messaging/handlers';
import { createRouter } from '../../messaging/router';
import { createTabNotifier } from '../../messaging/tab-notifier';
import { SidedeskDatabase } from '../../store/database';
import { createDesk } from '../../store/desk';

// Synchronous: MV3 wakes the worker for an event and delivers it only to listeners registered
// in the first turn. Nothing that must survive lives here; the database holds it all.
export default defineBackground(() => {
  const db = new SidedeskDatabase();
  const desk = createDesk(db);
  const ticketsPage = browser.runtime.getURL('/tickets.html');
  const recordPage = browser.runtime.getURL('/ticket.html');
  const openTicketPage = async (ticketId: string) => {
    await browser.tabs.create({ url: `${recordPage}?id=${encodeURIComponent(ticketId)}` });
  };
  const notifyTabs = createTabNotifier(db, (tabId, message) => browser.tabs.sendMessage(tabId, message));
  const updateBadge = createBadge(db, (text) => browser.action.setBadgeText({ text }));
  const onChanged = () => void Promise.all([notifyTabs(), updateBadge()]);
  const openPanel = async (tabId: number | undefined): Promise<boolean> => {
    // Chrome's side panel and Firefox's sidebar; both need the user's click behind the message.
    const sidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome?.sidePanel;
    const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    try {
      if (sidePanel && tabId !== undefined) return (await sidePanel.open({ tabId }), true);
      if (sidebar) return (await sidebar.open(), true);
    } catch {
      // Refused (no user gesture, no panel in this build): the caller says what to do instead.
    }
    return false;
  };
  const router = createRouter(createHandlers({ desk, db, openTicketPage, openPanel, onChanged }), {
    id: browser.runtime.id,
    origin: `${new URL(ticketsPage).origin}/`,
  });
  const menu = createContextMenu({ desk, db, menus: browser.contextMenus, openTicketPage });

  browser.runtime.onMessage.addListener((message, sender) => router.handle(message, sender));
  browser.runtime.onInstalled.addListener(() => void menu.register().then(updateBadge));
  browser.runtime.onStartup.addListener(() => void desk.startFresh().then(updateBadge));
  void browser.action.setBadgeBackgroundColor({ color: '#2457c5' });
  browser.tabs.onRemoved.addListener((tabId) => void desk.forgetTab(tabId));
  browser.contextMenus.onClicked.addListener((info, tab) => void menu.onClicked(info, tab?.id));
  // unlimitedStorage already exempts us from eviction in Chrome; ask where the API exists.
  void (navigator.storage as StorageManager | undefined)?.persist?.().catch(() => false);
});
