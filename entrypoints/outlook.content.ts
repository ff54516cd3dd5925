import { startContentScript, matchesOf } from '../ui/content/start';
import { outlookReader } from '../webmail/outlook';

export default defineContentScript({
  matches: matchesOf(outlookReader),
  runAt: 'document_idle',
  // The chip's CSS is inlined into its shadow root: no stylesheet on the page, no fetch.
  cssInjectionMode: 'manual',
  main: (ctx) => startContentScript(ctx, outlookReader),
});
