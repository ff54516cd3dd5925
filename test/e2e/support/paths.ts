import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
/** The same extension built with `--mode e2e`: adds hooks to press native menus and shortcuts. */
export const CHROME_E2E_BUILD = join(ROOT, '.output/chrome-mv3-e2e');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');
export const FIREFOX_E2E_BUILD = join(ROOT, '.output/firefox-mv3-e2e');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export function fixture(path: string): string {
  return readFileSync(join(ROOT, 'test/fixtures/webmail', path), 'utf8');
}

/** The saved webmail page served for each real host. */
export const WEBMAIL_FIXTURES: Array<{ pattern: string; file: string }> = [
  { pattern: 'https://mail.google.com/**', file: 'gmail/inbox-app-2025.html' },
  { pattern: 'https://outlook.office.com/**', file: 'outlook/app.html' },
  { pattern: 'https://outlook.live.com/**', file: 'outlook/app.html' },
  { pattern: 'https://outlook.office365.com/**', file: 'outlook/app.html' },
  { pattern: 'https://mail.proton.me/**', file: 'proton/app.html' },
  { pattern: 'https://app.fastmail.com/**', file: 'fastmail/app.html' },
];

export const GMAIL_INBOX = 'https://mail.google.com/mail/u/0/#inbox';
export const THREAD_ORDER = '19a367a0e0052e6b';
export const THREAD_REFUND = '199a4cb2200f2a74';
export const ACCOUNT = 'agent@sidedesk.test';
export const gmailConversation = (thread: string) => `gmail:${ACCOUNT}:${thread}`;
