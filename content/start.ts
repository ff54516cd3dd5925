import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLightClient } from '@/messaging/light-client';
import type { WebmailReader } from '@/webmail/webmail-reader';
import { createTracker } from './tracker';
import { createWatcher } from './watcher';
import { translateWith } from '@/domain/zod-free/translate';
import { isTicketsChanged } from '@/messaging/tab-messages';
import { createChip } from './chip';

/**
 * The content script of one webmail: tracks the open conversation, reports it, shows the chip.
 * Each provider has its own entrypoint calling this, so a page evaluates only its own reader.
 */
export function startContentScript(ctx: ContentScriptContext, reader: WebmailReader): void {
  const call = createLightClient((message) => browser.runtime.sendMessage(message));
  const chip = createChip(
    reader,
    call,
    translateWith((key, subs) => browser.i18n.getMessage(key as never, subs)),
  );
  const watcher = createWatcher(
    () => reader.watchTarget(document),
    () => tracker.changed(),
  );
  const tracker = createTracker({
    read: () => reader.read(document, new URL(location.href)),
    afterRead: (reading) => (watcher.sync(), chip.sync(reading)),
    report: async (reading) => {
      const { conversationId, view } = await call('report', { requestId: crypto.randomUUID(), reading });
      chip.show(conversationId, view, reading.status === 'conversation' ? reading.observation.threadId : null);
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
    if (sender.id === browser.runtime.id && isTicketsChanged(message)) void chip.refresh();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    tracker.stop();
    watcher.stop();
    chip.remove();
    browser.runtime.onMessage.removeListener(onMessage);
  });
  tracker.navigated();
}
