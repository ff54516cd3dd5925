import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens a browser with the extension. Use Debian's Chromium and Firefox ESR when
// they are there (or CHROME_PATH / FIREFOX_PATH); otherwise WXT finds an installed Chrome.
const chrome = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const firefox = process.env.FIREFOX_PATH ?? (existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : undefined);

export default defineWebExtConfig({
  binaries: { ...(chrome ? { chrome } : {}), ...(firefox ? { firefox } : {}) },
  startUrls: ['https://mail.google.com/'],
});
