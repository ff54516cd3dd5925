import { fileURLToPath } from 'node:url';
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
  vite: () => ({
    plugins: [preact()],
    // Exact match only: the shim itself requires the polyfill's file by its full path.
    resolve: {
      alias: [
        { find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('./build/webextension-polyfill.ts', import.meta.url)) },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: 'Sidedesk' },
    // Webmail tab URLs come with the host permissions, so no `tabs`; Chrome's side panel needs
    // `sidePanel`, Firefox has `sidebar_action` instead.
    // `scripting` runs the chip's code in a webmail page once it shows a conversation (no warning).
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'notifications',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
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
