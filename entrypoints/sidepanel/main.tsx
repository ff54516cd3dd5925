import '../../domain/csp';
import { render } from 'preact';
import { I18nProvider } from '../../components/i18n';
import { setDocumentLanguage, translate } from '../../ui/browser-i18n';
import { createClient } from '../../messaging/client';
import { SidedeskDatabase } from '../../store/database';
import { App, type PanelApi } from './App';
import '../../ui/base.css';
import '../../ui/panel.css';

// The panel follows the active tab of its window; `?tab=<id>` pins it to one tab (tests).
const pinned = Number(new URLSearchParams(location.search).get('tab')) || null;
const api: PanelApi = {
  call: createClient((message) => browser.runtime.sendMessage(message)),
  async activeTabId() {
    if (pinned !== null) return pinned;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },
  onTabChange(listener) {
    if (pinned !== null) return () => undefined;
    const activated = () => listener();
    browser.tabs.onActivated.addListener(activated);
    browser.windows.onFocusChanged.addListener(activated);
    return () => (browser.tabs.onActivated.removeListener(activated), browser.windows.onFocusChanged.removeListener(activated));
  },
  openInTab: (tabId, url) => void browser.tabs.update(tabId, { url }),
};
setDocumentLanguage();
render(
  <I18nProvider value={translate}>
    <App db={new SidedeskDatabase()} api={api} />
  </I18nProvider>,
  document.getElementById('app')!,
);
