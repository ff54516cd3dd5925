import { startContentScript } from '@/content/start';
import { CONTENT_SCRIPT_OPTIONS } from '@/content/script-options';
import { matchesOf } from '@/domain/zod-free/providers';
import { protonReader } from '@/webmail/proton';

export default defineContentScript({
  matches: matchesOf('proton'),
  ...CONTENT_SCRIPT_OPTIONS,
  main: (ctx) => startContentScript(ctx, protonReader),
});
