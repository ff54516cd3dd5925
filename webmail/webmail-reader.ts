import type { Provider } from '@/domain';
import type { ReadingInput } from '@/domain/reading';

/**
 * One per webmail provider, all of the same shape. Every function is pure over the page's
 * Document and URL, so it runs the same in vitest (saved pages) and in the browser. A reader
 * never guesses: a page it does not understand is `unreadable`, with a reason an agent can read.
 */
export interface WebmailReader {
  provider: Provider;
  /** What the page shows: a conversation, nothing open, or a layout it cannot read. */
  read(doc: Document, url: URL): ReadingInput;
  /** The thread the address names, or null when it names none (a list, a single message): the
   * background refuses a report of any other thread than one the address names. */
  threadIdFromUrl(url: URL): string | null;
  /** The address is one of the webmail's mailbox lists and names no conversation: nothing on the
   * page needs reading until the address changes, so the content script is not run there. Only
   * routes the webmail is known to list on; any other address (a conversation, a route of a
   * layout Sidedesk does not know) gets the content script, which says what it finds. */
  listsOnly(url: URL): boolean;
  /** The element the ticket chip is placed after: the open conversation's subject, or null. */
  chipAnchor(doc: Document): Element | null;
  /** The narrowest element whose changes can change the reading (thread container, reading
   * pane), watched while it exists; null when the page has none. */
  watchTarget(doc: Document): Element | null;
}
