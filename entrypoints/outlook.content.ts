import { startContentScript } from '@/content/start';
import { matchesOf } from '@/domain/zod-free/providers';
import { outlookReader } from '@/webmail/outlook';

export default defineContentScript({
  matches: matchesOf('outlook'),
  runAt: 'document_idle',
  // The chip's CSS is inlined into its shadow root: no stylesheet on the page, no fetch.
  cssInjectionMode: 'manual',
  main: (ctx) => startContentScript(ctx, outlookReader),
});
