import '../../domain/csp';
import { render } from 'preact';
import { Guard } from '../../components/guard';
import { I18nProvider } from '../../components/i18n';
import { setDocumentLanguage, translate } from '../../ui/browser-i18n';
import { createClient } from '../../messaging/client';
import { SidedeskDatabase } from '../../store/database';
import { followedTab, pinnedTabId } from '../../ui/webmail-tab';
import { App, type PopupApi } from './App';
import '../../ui/base.css';
import '../../ui/panel.css';
import '../../ui/popup.css';

const pinned = pinnedTabId();
const api: PopupApi = {
  call: createClient((message) => browser.runtime.sendMessage(message)),
  activeTab: () => followedTab(pinned),
  // Opened from the popup's own click, so the browser lets it (both need a user gesture).
  async openPanel(windowId) {
    const chromePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
    const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (chromePanel && windowId !== undefined) await chromePanel.open({ windowId });
    else await sidebar?.open();
    window.close();
  },
  openTickets: () => void browser.tabs.create({ url: browser.runtime.getURL('/tickets.html') }),
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
