import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { WEBMAIL_MATCHES } from './domain/zod-free/providers';

/** Pinned so Firefox keeps the same extension (and its IndexedDB) across updates. */
export const GECKO_ID = 'sidedesk@sidedesk.dev';

// Manifest V3 in both browsers: one lifecycle to reason about (a background that the browser
// stops when idle, so nothing lives in worker variables), `action` and `storage.session`
// everywhere, and Firefox's MV3 grants the listed webmail hosts at install.
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // A content script loads with every webmail page, so it takes the browser's own API (Firefox's
    // `browser`, Chrome's promise-returning `chrome`) instead of webextension-polyfill: a quarter
    // of the script's size, and about 1.5 ms of the page's main thread to evaluate. It needs no
    // more than the native API gives alike in both: sendMessage, an onMessage listener that never
    // answers, i18n and runtime.id. Extension pages and the background keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      const rest = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [native, ...rest] };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: 'Sidedesk' },
    // Webmail tab URLs come with the host permissions, so no `tabs`; Chrome's side panel needs
    // `sidePanel`, Firefox has `sidebar_action` instead.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Alt+Shift: free in Gmail (single keys, Shift combinations) and Outlook (Ctrl combinations).
    // Not Alt+Shift+T, X, C or W: Chrome on Linux keeps them and silently leaves such a command
    // unbound; an e2e test reads the keys Chrome actually bound.
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-panel']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdOpenPanel__',
      },
      'create-ticket': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdCreateTicket__' },
      'close-ticket': { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_cmdCloseTicket__' },
    },
    host_permissions: WEBMAIL_MATCHES,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
