import { gmailReader } from './gmail';
import { fastmailReader } from './fastmail';
import { outlookReader } from './outlook';
import { protonReader } from './proton';
import type { WebmailReader } from './reader';

/** Every provider's reader. Adding a provider: its reader file, its host in `hosts.ts`, here. */
export const READERS: readonly WebmailReader[] = [gmailReader, outlookReader, protonReader, fastmailReader];

/** The reader for this page, or null on a page no reader claims. */
export function readerFor(url: URL): WebmailReader | null {
  if (url.protocol !== 'https:') return null;
  return READERS.find((r) => r.hosts.includes(url.hostname)) ?? null;
}
