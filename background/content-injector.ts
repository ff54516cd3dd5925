import { providerOfUrl, type Provider } from '@/domain/zod-free/providers';
import { READERS } from '@/webmail/registry';

export interface ContentInjectorDeps {
  /** Whether a live content script of ours runs in the tab's top frame. */
  alive(tabId: number): Promise<boolean>;
  /** Runs the provider's content script in the tab's top frame. */
  run(tabId: number, provider: Provider): Promise<void>;
  /** The tab's record says it shows a conversation (the page must say when that is no longer so). */
  showsConversation(tabId: number): Promise<boolean>;
}

/**
 * The webmail content scripts are not declared in the manifest: a content script, even an empty
 * one, costs a page its own JavaScript world (~5-7 ms of a load), and a mailbox list has nothing
 * to read. The background runs the provider's script in a webmail tab when its address may show
 * a conversation (anything but one of the webmail's known lists), or when the tab's record still
 * shows one (a page loaded afresh on a list must say it shows none). Once in, the script follows
 * the page's own navigation; the background only checks it is still there.
 */
export function createContentInjector(deps: ContentInjectorDeps) {
  /** One decision at a time per tab: the events of one navigation come in bursts. */
  const queues = new Map<number, Promise<void>>();

  async function decide(tabId: number, url: string, provider: Provider): Promise<void> {
    if (READERS[provider].listsOnly(new URL(url)) && !(await deps.showsConversation(tabId))) return;
    if (await deps.alive(tabId)) return;
    await deps.run(tabId, provider);
  }

  return {
    /** A tab's address or loading state changed (`tabs.onUpdated`). */
    tabChanged(tabId: number, url: string | undefined): Promise<void> {
      // A webmail's address only: it parses (providerOfUrl read it), and other sites are not ours.
      const provider = providerOfUrl(url);
      if (!url || !provider) return Promise.resolve();
      const next = (queues.get(tabId) ?? Promise.resolve())
        .then(() => decide(tabId, url, provider))
        // A tab closed or showing an error page meanwhile: the next event decides again.
        .catch(() => {});
      queues.set(tabId, next);
      void next.then(() => queues.get(tabId) === next && queues.delete(tabId));
      return next;
    },
  };
}
