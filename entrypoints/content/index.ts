import '../../domain/csp';
import { createClient } from '../../messaging/client';
import { WEBMAIL_MATCHES } from '../../webmail/hosts';
import { readerFor } from '../../webmail/registry';
import { createTracker } from '../../webmail/tracker';

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const reader = readerFor(new URL(location.href));
    if (!reader) return;
    const call = createClient((message) => browser.runtime.sendMessage(message));
    const tracker = createTracker({
      read: () => reader.read(document, new URL(location.href)),
      report: (reading) => call('report', { requestId: crypto.randomUUID(), url: location.href, reading }),
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as number),
    });
    // Webmails navigate inside the page: hash routes (Gmail), pushState (Outlook).
    ctx.addEventListener(window, 'wxt:locationchange', () => tracker.poke());
    ctx.addEventListener(window, 'hashchange', () => tracker.poke());
    ctx.onInvalidated(() => tracker.stop());
    tracker.poke();
  },
});
