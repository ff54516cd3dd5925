// Shared launch for the benchmarks and the demo: Debian's Chromium, optionally with the built extension, the
// webmail hosts served from the saved pages.
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');

/** `extension`: true for the Sidedesk build, or a path to another unpacked extension. */
export async function launch({ extension, headed = false, viewport }) {
  const dir = await mkdtemp(join(tmpdir(), 'sidedesk-bench-'));
  const args = [
    ...(headed ? [] : ['--headless=new']),
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  const path = extension === true ? CHROME_BUILD : extension;
  if (path) args.push(`--disable-extensions-except=${path}`, `--load-extension=${path}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: false,
    args,
    ...(viewport ? { viewport } : {}),
  });
  let extensionId = null;
  if (extension === true) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, close: async () => (await context.close(), await rm(dir, { recursive: true, force: true })) };
}

export async function serve(context, pattern, fixturePath) {
  const body = await readFile(join(ROOT, 'test/fixtures/webmail', fixturePath), 'utf8');
  await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** The Gmail app fixture at its real host (threads painted at once) and the tickets page, the
 * pages the benchmarks drive: `mail` to navigate, `ext` to read and seed the database. */
export async function openInboxApp({ context, extensionId }) {
  await serve(context, 'https://mail.google.com/**', 'gmail/inbox-app-2025.html');
  const mail = await context.newPage();
  await mail.goto('https://mail.google.com/mail/u/0/#inbox');
  await mail.evaluate(() => sessionStorage.setItem('paintDelay', '0'));
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/tickets.html`);
  return { mail, ext };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Every record of one object store of the extension's database, read from an extension page. */
export function readTable(page, table) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sidedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const q = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          q.onsuccess = () => (open.result.close(), resolve(q.result));
          q.onerror = () => (open.result.close(), reject(q.error));
        };
      }),
    table,
  );
}

/** Opens `url` in a window of its own, as the side panel or the popup stands beside the webmail:
 * both stay visible, so each paints (a background tab gets no animation frames). */
export async function openInOwnWindow(context, from, url) {
  const cdp = await context.newCDPSession(from);
  const opened = context.waitForEvent('page', (p) => p.url() === url || p.url() === 'about:blank');
  await cdp.send('Target.createTarget', { url, newWindow: true });
  const page = await opened;
  await cdp.detach();
  if (page.url() !== url) await page.waitForURL(url);
  return page;
}
