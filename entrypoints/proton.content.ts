import { startContentScript, matchesOf } from '../ui/content/start';
import { protonReader } from '../webmail/proton';

export default defineContentScript({
  matches: matchesOf(protonReader),
  runAt: 'document_idle',
  // The chip's CSS is inlined into its shadow root: no stylesheet on the page, no fetch.
  cssInjectionMode: 'manual',
  main: (ctx) => startContentScript(ctx, protonReader),
});
