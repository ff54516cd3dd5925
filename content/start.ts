import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLightClient } from '@/messaging/light-client';
import type { WebmailReader } from '@/webmail/webmail-reader';
import { createTracker } from './tracker';
import { createWatcher } from './watcher';
import { translateWith } from '@/domain/zod-free/translate';
import { isTicketsChanged } from '@/messaging/tab-messages';
import { takeChip } from './chip-stage';
import { createLazyChip } from './lazy-chip';
import { PRESENCE_SLOT } from '@/messaging/content-presence';

/** What the content script uses of the extension API (a test plays the background with it). */
export interface ContentScriptApi {
  /** This extension's id: a tab message counts only from it. */
  id: string;
  send(message: unknown): Promise<unknown>;
  getMessage(key: string, substitutions?: string[]): string;
  /** Listens for the background's tab messages; returns what stops listening. */
  listen(onMessage: (message: unknown, sender: { id?: string }) => void): () => void;
}

function browserApi(): ContentScriptApi {
  return {
    id: browser.runtime.id,
    send: (message) => browser.runtime.sendMessage(message),
    getMessage: (key, substitutions) => browser.i18n.getMessage(key as never, substitutions),
    listen(onMessage) {
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}

/**
 * The content script of one webmail: tracks the open conversation, reports it, shows the chip.
 * Each provider has its own entrypoint calling this, so a page evaluates only its own reader.
 * A page with no conversation open costs a read per change and its reports, nothing more: the
 * chip's code is loaded and drawn, and the background's tab messages listened for, once a
 * conversation is shown.
 */
export function startContentScript(ctx: ContentScriptContext, reader: WebmailReader, api: ContentScriptApi = browserApi()): void {
  // The background runs this script again only where no live copy answers here.
  (globalThis as Record<string, unknown>)[PRESENCE_SLOT] = () => ctx.isValid;
  const call = createLightClient(api.send);
  const watcher = createWatcher(
    () => reader.watchTarget(document),
    () => tracker.changed(),
  );
  // The chip's code comes once a conversation is shown: the background runs its script in this
  // page. Its own insertion beside the subject is not a change of the page to read again.
  const chip = createLazyChip(async () => {
    if (!takeChip()) await call('loadChip', {});
    return takeChip()?.(reader, call, translateWith(api.getMessage), () => watcher.forget()) ?? null;
  });
  // The background says when a ticket changed, so the chip follows live.
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id === api.id && isTicketsChanged(message)) void chip.refresh();
  };
  let unlisten: (() => void) | null = null;
  const tracker = createTracker({
    read: () => reader.read(document, new URL(location.href)),
    afterRead: (reading) => (watcher.sync(), chip.sync(reading)),
    report: async (reading) => {
      const { conversationId, view } = await call('report', { requestId: crypto.randomUUID(), reading });
      chip.show(conversationId, view, reading.status === 'conversation' ? reading.observation.threadId : null);
      if (conversationId && !unlisten && !ctx.signal.aborted) unlisten = api.listen(onMessage);
    },
    // Plain timers: ctx.setTimeout checks the context's validity on every call, and the
    // tracker is stopped on invalidation anyway.
    schedule: (fn, ms) => setTimeout(fn, ms),
    cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  });

  // In-page navigation: hash routes (Gmail), pushState (Outlook, Proton, Fastmail), Back. The
  // Navigation API says when any of them is done; without it, WXT's location watcher polls the
  // address every second for pushState, which has no event.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation as Window, 'navigatesuccess' as 'load', () => tracker.navigated());
  else ctx.addEventListener(window, 'wxt:locationchange', () => tracker.navigated());
  ctx.addEventListener(window, 'hashchange', () => tracker.navigated());
  ctx.addEventListener(window, 'popstate', () => tracker.navigated());
  ctx.onInvalidated(() => {
    tracker.stop();
    watcher.stop();
    chip.remove();
    unlisten?.();
  });
  tracker.navigated();
}
