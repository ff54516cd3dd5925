// A desk of `size` tickets seeded into the extension's own database (bench/page-harness.mjs
// `seed`), in a Chromium of its own with the built extension, its tickets page open.
import { launch } from '../scripts/browser.mjs';

/** In every page: records (as `window[mark]`) when the first `selector` of a freshly opened
 * tickets page was painted. */
function paintedProbe({ selector, mark }) {
  if (!location.pathname.endsWith('/tickets.html')) return;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (window[mark] = performance.now());
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** `probe`: { selector, mark } to record a first paint in every page the session opens. */
export async function openSeededDesk(harness, size, probe) {
  const session = await launch({ extension: true });
  if (probe) await session.context.addInitScript(paintedProbe, probe);
  const page = await session.context.newPage();
  const url = `chrome-extension://${session.extensionId}/tickets.html`;
  await page.goto(url);
  await page.evaluate(harness);
  const started = performance.now();
  const count = await page.evaluate((size) => sidedeskBench.seed(size), size);
  if (count !== size) throw new Error(`seeded ${count} tickets, not ${size}`);
  return { size, session, page, url, seedMs: performance.now() - started };
}
