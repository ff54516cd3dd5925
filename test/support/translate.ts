import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '@/components/common/i18n';

const messages: Record<string, { message: string }> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
);

/** `browser.i18n.getMessage` over the English messages, for code under test outside a browser. */
export const english: Translate = (key, substitutions = []) => {
  const entry = messages[key];
  if (!entry) throw new Error(`no message ${key}`);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
};
