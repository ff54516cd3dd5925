import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_BUILD, CHROME_E2E_BUILD, fixture, WEBMAIL_FIXTURES } from './paths';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  extensionPage(path?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium with the built extension loaded and the webmail hosts served from fixtures. */
export async function launchChromium(
  options: { colorScheme?: 'light' | 'dark'; lang?: string; e2eBuild?: boolean } = {},
): Promise<ChromiumSession> {
  const build = options.e2eBuild ? CHROME_E2E_BUILD : CHROME_BUILD;
  const userDataDir = await mkdtemp(join(tmpdir(), 'sidedesk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: false, // the new headless mode is asked for below; it runs extensions
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 800 },
    // The UI language (and so browser.i18n's) comes from the environment on Linux, or --lang.
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` }, locale: options.lang } : {}),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--headless=new',
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  for (const { pattern, file } of WEBMAIL_FIXTURES) {
    const body = fixture(file);
    await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  }
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async extensionPage(path = 'tickets.html') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker as Chrome does when it is idle, and waits until it has
 * stopped. Playwright's own worker events do not show a stop, so this follows CDP's.
 */
export async function stopServiceWorker(session: ChromiumSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const prefix = `chrome-extension://${session.extensionId}/`;
  let status = 'unknown';
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(prefix)) continue;
      status = v.runningStatus;
      // Messages in flight wake it again at once: what counts is that it went down.
      if (status === 'stopped') stopped = true;
    }
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 5000;
  while (!stopped && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await cdp.detach();
  if (!stopped) throw new Error(`service worker did not stop (last status ${status})`);
}
