/** What every webmail content script is declared with, beside its own `matches` and reader. */
export const CONTENT_SCRIPT_OPTIONS = {
  // Run by the background in a webmail tab whose address may show a conversation
  // (background/content-injector.ts), not declared for every webmail page.
  registration: 'runtime',
  runAt: 'document_idle',
  // The chip's CSS is inlined into its shadow root: no stylesheet on the page, no fetch.
  cssInjectionMode: 'manual',
  // WXT's context tells an older copy of this script (an updated extension) to stop with a DOM
  // event; its extra window.postMessage reached every message listener of the webmail page and
  // cost the page about 6 ms of a load.
  noScriptStartedPostMessage: true,
} as const;
