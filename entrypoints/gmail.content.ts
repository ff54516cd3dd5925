import { startContentScript } from '@/content/start';
import { CONTENT_SCRIPT_OPTIONS } from '@/content/script-options';
import { matchesOf } from '@/domain/zod-free/providers';
import { gmailReader } from '@/webmail/gmail';

export default defineContentScript({
  matches: matchesOf('gmail'),
  ...CONTENT_SCRIPT_OPTIONS,
  main: (ctx) => startContentScript(ctx, gmailReader),
});
