import { providerOfUrl, type Provider } from '@/domain/zod-free/providers';
import { fastmailReader } from './fastmail';
import { gmailReader } from './gmail';
import { outlookReader } from './outlook';
import { protonReader } from './proton';
import type { WebmailReader } from './webmail-reader';

/** Every provider's reader; a provider of the list without one fails to compile. */
export const READERS: Readonly<Record<Provider, WebmailReader>> = {
  gmail: gmailReader,
  outlook: outlookReader,
  proton: protonReader,
  fastmail: fastmailReader,
};

/** The reader for this page, or null on a page no reader claims. */
export function readerFor(url: URL): WebmailReader | null {
  const provider = providerOfUrl(url.href);
  return provider ? READERS[provider] : null;
}
