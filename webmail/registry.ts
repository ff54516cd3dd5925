import { gmailReader } from './gmail';
import type { WebmailReader } from './reader';

const READERS: WebmailReader[] = [gmailReader];

/** The reader for this page, or null on a page no reader claims. */
export function readerFor(url: URL): WebmailReader | null {
  return READERS.find((r) => r.matches(url)) ?? null;
}
