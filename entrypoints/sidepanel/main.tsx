import { mountPage } from '@/pages/mount';
import { followedTab, pinnedTabId } from '@/pages/followed-tab';
import { App, type PanelApi } from './App';
import '@/pages/components.css';

// The panel follows the active tab of its window; `?tab=<id>` pins it to one tab (tests), which
// is still shown only while it is a webmail page.
const pinned = pinnedTabId();
mountPage(({ db, call }) => {
  const api: PanelApi = {
    call,
    activeTabId: async () => (await followedTab(pinned)).id,
    onTabChange(listener) {
      const activated = () => listener();
      // The followed tab going to another address (another site, or back to the webmail) counts too.
      const updated = (tabId: number, info: { status?: string }) =>
        void (info.status === 'loading' && (pinned === null || tabId === pinned) && listener());
      browser.tabs.onUpdated.addListener(updated);
      if (pinned !== null) return () => browser.tabs.onUpdated.removeListener(updated);
      browser.tabs.onActivated.addListener(activated);
      browser.windows.onFocusChanged.addListener(activated);
      return () => (
        browser.tabs.onActivated.removeListener(activated),
        browser.tabs.onUpdated.removeListener(updated),
        browser.windows.onFocusChanged.removeListener(activated)
      );
    },
    openInTab: (tabId, url) => void browser.tabs.update(tabId, { url }),
  };
  return <App db={db} api={api} />;
});
