import '@/domain/csp';
import { translateWith, type CommandResult, type CommandType } from '@/domain';
import { isContentScriptAlive, PRESENCE_SLOT } from '@/messaging/content-presence';
import { recordPath } from '@/messaging/page-urls';
import { WEBMAIL_MATCHES } from '@/domain/zod-free/providers';
import { SidedeskDatabase } from '@/store/database';
import { createDesk } from '@/store/desk';
import { createBadge } from './badge';
import { coalesce } from './coalesce';
import { createContentInjector } from './content-injector';
import { createContextMenu } from './context-menu';
import { createTestHooks, isTestHook } from './e2e-hooks';
import { createFollowAlerts } from './follow-alerts';
import { createHandlers } from './handlers';
import { createNotifier } from './notifications';
import { createRouter } from './router';
import { createShortcuts } from './shortcuts';
import { openSidePanel } from './side-panel';
import { createTabActions } from './tab-actions';
import { createTabNotifier } from './tab-notifier';

/**
 * The background's composition root. Synchronous: MV3 wakes the worker for an event and delivers
 * it only to listeners registered in the first turn. Nothing that must survive lives here; the
 * database holds it all.
 */
export function startBackground(): void {
  const db = new SidedeskDatabase();
  const desk = createDesk(db);
  const t = translateWith((key, substitutions) => browser.i18n.getMessage(key as never, substitutions));
  const origin = browser.runtime.getURL('/');
  const openTicketPage = async (ticketId: string) =>
    void (await browser.tabs.create({ url: browser.runtime.getURL(recordPath(ticketId)) }));
  const notifier = createNotifier({
    create: (id, options) => browser.notifications.create(id, options),
    clear: (id) => browser.notifications.clear(id),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    ticketExists: async (id) => (await db.tickets.get(id)) !== undefined,
    conversationUrl: async (id) => (await db.conversations.get(id))?.url ?? undefined,
    openTicketPage,
    openUrl: (url) => browser.tabs.create({ url }),
  });
  const tell = (message: string) => notifier.notify(message);

  const notifyTabs = coalesce(createTabNotifier(db, (tabId, message) => browser.tabs.sendMessage(tabId, message)));
  const updateBadge = coalesce(createBadge(db, (text) => browser.action.setBadgeText({ text })));
  const alertFollowers = createFollowAlerts(db, notifier, t);
  const onStored = (type: CommandType, result: CommandResult) => {
    // An observation changes tickets only through a cascade (the customer wrote again).
    if (type !== 'observe' || result.cascade.length > 0) void Promise.all([notifyTabs(), updateBadge()]);
    void alertFollowers(type, result);
  };

  const router = createRouter(
    createHandlers({
      desk,
      db,
      openTicketPage,
      openPanel: openSidePanel,
      loadChip: (tabId, frameId) =>
        browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/chip.js'] }).then(
          () => true,
          () => false,
        ),
      onStored,
      onDeskChanged: () => void Promise.all([notifyTabs(), updateBadge()]),
    }),
    {
      id: browser.runtime.id,
      origin,
    },
  );
  const actions = createTabActions({
    desk,
    db,
    onStored,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    say: (refusal) => t(refusal),
  });
  const menu = createContextMenu({
    actions,
    menus: browser.contextMenus,
    openPanel: openSidePanel,
    openTicketPage,
    tell,
    title: t('createTicket'),
  });
  const onCommand = createShortcuts({ actions, openPanel: openSidePanel, tell });
  const top = (tabId: number) => ({ tabId, frameIds: [0] });
  const injector = createContentInjector({
    alive: async (tabId) =>
      (await browser.scripting.executeScript({ target: top(tabId), func: isContentScriptAlive, args: [PRESENCE_SLOT] }))[0]?.result ===
      true,
    run: async (tabId, provider) =>
      void (await browser.scripting.executeScript({ target: top(tabId), files: [`/content-scripts/${provider}.js` as const] })),
    showsConversation: async (tabId) => !!(await db.tabs.get(tabId))?.conversationId,
  });
  // Every start looks at the webmail tabs already open: those loaded while the worker was still
  // starting (an install), or before an update, get the script without a reload.
  const adoptOpenTabs = async () => {
    for (const tab of await browser.tabs.query({ url: WEBMAIL_MATCHES }))
      if (tab.id !== undefined) void injector.tabChanged(tab.id, tab.url);
  };
  const onTabUpdated = (tabId: number, info: { url?: string; status?: string }, tab: { url?: string }) => {
    if (info.url !== undefined || info.status !== undefined) void injector.tabChanged(tabId, tab.url);
  };

  // The e2e build adds hooks for what a headless browser cannot press; production drops them.
  const testHooks =
    import.meta.env.MODE === 'e2e'
      ? createTestHooks({
          origin,
          onMenuClick: (info, tabId) => menu.onClicked(info, tabId),
          onCommand,
          onNotificationClick: notifier.onClicked,
        })
      : null;
  browser.runtime.onMessage.addListener((message, sender) =>
    testHooks && isTestHook(message) ? testHooks(message, sender) : router.handle(message, sender),
  );
  browser.runtime.onInstalled.addListener(() => void menu.register().then(updateBadge));
  // Firefox filters the events to the webmail tabs; Chrome takes no filter (it gives other tabs'
  // events without their address, and the injector ignores them).
  if (import.meta.env.FIREFOX) {
    const filtered = browser.tabs.onUpdated as unknown as { addListener(l: typeof onTabUpdated, filter: object): void };
    filtered.addListener(onTabUpdated, { urls: WEBMAIL_MATCHES, properties: ['url', 'status'] });
  } else browser.tabs.onUpdated.addListener(onTabUpdated);
  void adoptOpenTabs().catch(() => {});
  browser.runtime.onStartup.addListener(() => void desk.startFresh().then(updateBadge));
  browser.tabs.onRemoved.addListener((tabId) => void desk.forgetTab(tabId));
  browser.notifications.onClicked.addListener((id) => void notifier.onClicked(id));
  browser.contextMenus.onClicked.addListener((info, tab) => void menu.onClicked(info, tab?.id));
  browser.commands.onCommand.addListener((name, tab) => void onCommand(name, tab?.id));
  void browser.action.setBadgeBackgroundColor({ color: '#2457c5' });
  // unlimitedStorage already exempts us from eviction in Chrome; ask where the API exists.
  void (navigator.storage as StorageManager | undefined)?.persist?.().catch(() => false);
}
