import { mountPage } from '@/pages/mount';
import { PAGE_PATHS } from '@/messaging/page-urls';
import { followedTab, pinnedTabId } from '@/pages/followed-tab';
import { App, type PopupApi } from './App';
import '@/pages/components.css';
import './popup.css';

const pinned = pinnedTabId();
mountPage(({ db, call }) => {
  const api: PopupApi = {
    call,
    activeTab: () => followedTab(pinned),
    // Opened from the popup's own click, so the browser lets it (both need a user gesture).
    async openPanel(windowId) {
      const chromePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
      const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
      if (chromePanel && windowId !== undefined) await chromePanel.open({ windowId });
      else await sidebar?.open();
      window.close();
    },
    openTickets: () => void browser.tabs.create({ url: browser.runtime.getURL(PAGE_PATHS.tickets) }),
  };
  return <App db={db} api={api} />;
});
