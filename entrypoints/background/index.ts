import '../../domain/csp';
import { alertContactEmail, findStage, followAlerts, type CommandResult, type CommandType } from '../../domain';
import { stageLabel } from '../../components/stage-label';
import { createBadge } from '../../messaging/badge';
import { createContextMenu } from '../../messaging/context-menu';
import { createHandlers } from '../../messaging/handlers';
import { createRouter } from '../../messaging/router';
import { createShortcuts } from '../../messaging/shortcuts';
import { createTabActions } from '../../messaging/tab-actions';
import { createTabNotifier } from '../../messaging/tab-notifier';
import { createTestHooks, isTestHook } from '../../messaging/test-hooks';
import { notificationId, targetOf, type NotificationTarget } from '../../messaging/notification-target';
import { SidedeskDatabase } from '../../store/database';
import { createDesk } from '../../store/desk';
import { readSettings } from '../../store/reader';
import { translate } from '../../ui/browser-i18n';

// Synchronous: MV3 wakes the worker for an event and delivers it only to listeners registered
// in the first turn. Nothing that must survive lives here; the database holds it all.
export default defineBackground(() => {
  const db = new SidedeskDatabase();
  const desk = createDesk(db);
  const t = translate;
  const recordPage = browser.runtime.getURL('/ticket.html');
  const openTicketPage = async (ticketId: string) => {
    await browser.tabs.create({ url: `${recordPage}?id=${encodeURIComponent(ticketId)}` });
  };
  const openPanel = async (tabId: number | undefined): Promise<boolean> => {
    // Chrome's side panel and Firefox's sidebar; both need the user's click behind the call.
    const sidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome?.sidePanel;
    const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    try {
      if (sidePanel && tabId !== undefined) return (await sidePanel.open({ tabId }), true);
      if (sidebar) return (await sidebar.open(), true);
    } catch {
      // Refused (no user gesture): the caller says what to do instead.
    }
    return false;
  };
  const notify = (message: string, title = 'Sidedesk', target: NotificationTarget = { kind: 'none' }) =>
    browser.notifications.create(notificationId(target), { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message }).then(() => undefined);
  const onNotificationClicked = async (id: string) => {
    const target = targetOf(id);
    if (target.kind === 'ticket' && (await db.tickets.get(target.id))) await openTicketPage(target.id);
    if (target.kind === 'conversation') {
      const url = (await db.conversations.get(target.id))?.url;
      if (url) await browser.tabs.create({ url });
    }
    await browser.notifications.clear(id);
  };

  const notifyTabs = createTabNotifier(db, (tabId, message) => browser.tabs.sendMessage(tabId, message));
  const updateBadge = createBadge(db, (text) => browser.action.setBadgeText({ text }));
  const alertFollowers = async (type: CommandType, result: CommandResult) => {
    const email = alertContactEmail(result);
    if (!email) return;
    const [contact, settings] = await Promise.all([db.contacts.get(email), readSettings(db)]);
    for (const alert of followAlerts(type, result, contact, settings)) {
      if (alert.kind === 'new-conversation') {
        await notify(alert.subject, t('alertNewConversation', [alert.contact]), { kind: 'conversation', id: alert.conversationId });
      } else {
        const ticket = result.ticket!;
        const stage = stageLabel(findStage(settings, ticket.pipelineId, ticket.stageId), t, alert.stage);
        await notify(`${alert.ticket}: ${stage}`, t('alertStage', [alert.contact]), { kind: 'ticket', id: alert.ticketId });
      }
    }
  };
  const onStored = (type: CommandType, result: CommandResult) => {
    if (type !== 'observe') void Promise.all([notifyTabs(), updateBadge()]);
    void alertFollowers(type, result);
  };

  const router = createRouter(createHandlers({ desk, db, openTicketPage, openPanel, onStored }), {
    id: browser.runtime.id,
    origin: `${new URL(recordPage).origin}/`,
  });
  const actions = createTabActions({ desk, db, onStored, tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url, say: (refusal) => t(refusal) });
  const menu = createContextMenu({ actions, menus: browser.contextMenus, openPanel, openTicketPage, tell: (m) => notify(m), title: t('createTicket') });
  const onCommand = createShortcuts({ actions, openPanel, tell: (m) => notify(m) });

  // The e2e build adds hooks for what a headless browser cannot press; production drops them.
  const testHooks =
    import.meta.env.MODE === 'e2e'
      ? createTestHooks({ origin: `${new URL(recordPage).origin}/`, onMenuClick: (info, tabId) => menu.onClicked(info, tabId), onCommand, onNotificationClick: onNotificationClicked })
      : null;
  browser.runtime.onMessage.addListener((message, sender) => (testHooks && isTestHook(message) ? testHooks(message, sender) : router.handle(message, sender)));
  browser.runtime.onInstalled.addListener(() => void menu.register().then(updateBadge));
  browser.runtime.onStartup.addListener(() => void desk.startFresh().then(updateBadge));
  browser.tabs.onRemoved.addListener((tabId) => void desk.forgetTab(tabId));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  browser.contextMenus.onClicked.addListener((info, tab) => void menu.onClicked(info, tab?.id));
  browser.commands.onCommand.addListener((name, tab) => void onCommand(name, tab?.id));
  void browser.action.setBadgeBackgroundColor({ color: '#2457c5' });
  // unlimitedStorage already exempts us from eviction in Chrome; ask where the API exists.
  void (navigator.storage as StorageManager | undefined)?.persist?.().catch(() => false);
});
