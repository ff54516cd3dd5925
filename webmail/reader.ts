import type { Provider } from '../domain';
import type { ReadingInput } from './reading';

/** One per webmail provider: a pure function of the page, so it runs the same in tests and in
 * the browser. It never guesses: a page it does not understand is `unreadable`, with a reason. */
export interface WebmailReader {
  provider: Provider;
  /** Does this URL belong to this webmail? */
  matches(url: URL): boolean;
  read(doc: Document, url: URL): ReadingInput;
}
