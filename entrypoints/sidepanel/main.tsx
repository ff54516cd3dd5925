import '../../domain/csp';
import { render } from 'preact';
import { Guard } from '../../components/guard';
import { I18nProvider } from '../../components/i18n';
import { setDocumentLanguage, translate } from '../../ui/browser-i18n';
import { createClient } from '../../messaging/client';
import { SidedeskDatabase } from '../../store/database';
import { followedTab, pinnedTabId } from '../../ui/webmail-tab';
import { App, type PanelApi } from './App';
import '../../ui/base.css';
import '../../ui/panel.css';

// The panel follows the active tab of its window; `?tab=<id>` pins it to one tab (tests), which
// is still shown only while it is a webmail page.
const pinned = pinnedTabId();
const api: PanelApi = {
  call: createClient((message) => browser.runtime.sendMessage(message)),
  activeTabId: async () => (await followedTab(pinned)).id,
  onTabChange(listener) {
    const activated = () => listener();
    // The followed tab going to another address (another site, or back to the webmail) counts too.
    const updated = (tabId: number, info: { status?: string }) => void (info.status === 'loading' && (pinned === null || tabId === pinned) && listener());
    browser.tabs.onUpdated.addListener(updated);
    if (pinned !== null) return () => browser.tabs.onUpdated.removeListener(updated);
    browser.tabs.onActivated.addListener(activated);
    browser.windows.onFocusChanged.addListener(activated);
    return () => (
      browser.tabs.onActivated.removeListener(activated), browser.tabs.onUpdated.removeListener(updated), browser.windows.onFocusChanged.removeListener(activated)
    );
  },
  openInTab: (tabId, url) => void browser.tabs.update(tabId, { url }),
};
setDocumentLanguage();
render(
  <I18nProvider value={translate}>
    <Guard>
      <App db={new SidedeskDatabase()} api={api} />
    </Guard>
  </I18nProvider>,
  document.getElementById('app')!,
);
