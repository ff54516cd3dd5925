import { startContentScript, matchesOf } from '../ui/content/start';
import { gmailReader } from '../webmail/gmail';

export default defineContentScript({
  matches: matchesOf(gmailReader),
  runAt: 'document_idle',
  // The chip's CSS is inlined into its shadow root: no stylesheet on the page, no fetch.
  cssInjectionMode: 'manual',
  main: (ctx) => startContentScript(ctx, gmailReader),
});
