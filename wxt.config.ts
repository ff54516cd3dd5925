import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { WEBMAIL_MATCHES } from './webmail/hosts';

/** Pinned so Firefox keeps the same extension (and its IndexedDB) across updates. */
export const GECKO_ID = 'sidedesk@sidedesk.dev';

// Manifest V3 in both browsers: one lifecycle to reason about (a background that the browser
// stops when idle, so nothing lives in worker variables), `action` and `storage.session`
// everywhere, and Firefox's MV3 grants the listed webmail hosts at install.
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Sidedesk',
    description: 'A help desk beside the webmail you already use: a ticket for every conversation, kept in your browser.',
    // Webmail tab URLs come with the host permissions, so no `tabs`; `sidePanel` joins the
    // Chrome build with the side panel itself (never Firefox, which has `sidebar_action`).
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
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
