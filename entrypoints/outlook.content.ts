import { startContentScript } from '@/content/start';
import { CONTENT_SCRIPT_OPTIONS } from '@/content/script-options';
import { matchesOf } from '@/domain/zod-free/providers';
import { outlookReader } from '@/webmail/outlook';

export default defineContentScript({
  matches: matchesOf('outlook'),
  ...CONTENT_SCRIPT_OPTIONS,
  main: (ctx) => startContentScript(ctx, outlookReader),
});
