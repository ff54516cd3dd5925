import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import { FIREFOX_BUILD, FIREFOX_E2E_BUILD, fixture, WEBMAIL_FIXTURES } from './paths';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Pinned moz-extension:// host, so tests can open the extension's pages. */
export const FIREFOX_UUID = 'd0c6a8f2-5b1e-4c3a-9f7d-2e8b6a4c1f90';

export interface FirefoxSession {
  browser: Browser;
  /** A page with the webmail hosts served from fixtures. */
  webmailPage(): Promise<Page>;
  /** An extension page, ready once `selector` is in it. */
  extensionPage(path: string, selector: string): Promise<Page>;
  close(): Promise<void>;
}

/** Firefox ESR through WebDriver BiDi with the built extension installed temporarily;
 * `e2eBuild`: the build with hooks that press native menus and shortcuts. */
export async function launchFirefox({ e2eBuild = false }: { e2eBuild?: boolean } = {}): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Lets BiDi open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // MV3 host permissions are granted at install only while this is true (Firefox's default);
      // pinned so another profile default cannot silently stop the content script.
      'extensions.originControls.grantByDefault': true,
    },
  });
  const id = await browser.installExtension(e2eBuild ? FIREFOX_E2E_BUILD : FIREFOX_BUILD);
  if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  return {
    browser,
    async webmailPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const served = WEBMAIL_FIXTURES.find(({ pattern }) => request.url().startsWith(pattern.replace('**', '')));
        if (served) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(served.file) });
        else void request.continue();
      });
      return page;
    },
    async extensionPage(path, selector) {
      const page = await browser.newPage();
      // A goto of a moz-extension:// page never resolves under BiDi: wait for its content instead.
      page.goto(`moz-extension://${FIREFOX_UUID}/${path}`).catch(() => {});
      // While the page replaces about:blank, BiDi can fail an evaluation outright (its realm
      // went away mid-call) instead of waiting: try again until the deadline.
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
          return page;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    async close() {
      await browser.close();
    },
  };
}
