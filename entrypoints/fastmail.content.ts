import { startContentScript } from '@/content/start';
import { CONTENT_SCRIPT_OPTIONS } from '@/content/script-options';
import { matchesOf } from '@/domain/zod-free/providers';
import { fastmailReader } from '@/webmail/fastmail';

export default defineContentScript({
  matches: matchesOf('fastmail'),
  ...CONTENT_SCRIPT_OPTIONS,
  main: (ctx) => startContentScript(ctx, fastmailReader),
});
