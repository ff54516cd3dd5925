import { createLightClient } from '../../messaging/light-client';
import { WEBMAIL_MATCHES } from '../../webmail/hosts';
import { readerFor } from '../../webmail/registry';
import { createTracker } from '../../webmail/tracker';
import { createWatcher } from '../../webmail/watcher';
import { createChip } from './chip';

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  // The chip's CSS is inlined into its shadow root: no stylesheet on the page, no fetch.
  cssInjectionMode: 'manual',
  main(ctx) {
    const reader = readerFor(new URL(location.href));
    if (!reader) return;
    const call = createLightClient((message) => browser.runtime.sendMessage(message));
    const chip = createChip(ctx, reader, call);
    const watcher = createWatcher(
      () => reader.watchTarget(document),
      () => tracker.changed(),
    );
    const tracker = createTracker({
      read: () => reader.read(document, new URL(location.href)),
      afterRead: () => (watcher.sync(), chip.sync()),
      report: async (reading) => {
        const { conversationId } = await call('report', { requestId: crypto.randomUUID(), url: location.href, reading });
        await chip.show(conversationId);
      },
      // Plain timers: ctx.setTimeout checks the context's validity on every call, and the
      // tracker is stopped on invalidation anyway.
      schedule: (fn, ms) => setTimeout(fn, ms),
      cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    });

    // In-page navigation: hash routes (Gmail), pushState (Outlook, Proton, Fastmail), Back.
    ctx.addEventListener(window, 'wxt:locationchange', () => tracker.navigated());
    ctx.addEventListener(window, 'hashchange', () => tracker.navigated());
    ctx.addEventListener(window, 'popstate', () => tracker.navigated());
    const navigation = (window as { navigation?: EventTarget }).navigation;
    if (navigation) ctx.addEventListener(navigation as Window, 'navigatesuccess' as 'load', () => tracker.navigated());
    // The background says when a ticket changed, so the chip follows live.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && (message as { name?: string })?.name === 'changed') void chip.refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      tracker.stop();
      watcher.stop();
      chip.remove();
      browser.runtime.onMessage.removeListener(onMessage);
    });
    tracker.navigated();
  },
});
