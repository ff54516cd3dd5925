import { describe, expect, it } from 'vitest';
import { providerOfUrl, WEBMAIL_HOSTS, WEBMAIL_MATCHES } from '../../../webmail/hosts';
import { READERS, readerFor } from '../../../webmail/registry';

describe('webmail registry', () => {
  it('the manifest hosts and the readers agree, host for host', () => {
    const fromReaders = Object.fromEntries(READERS.flatMap((r) => r.hosts.map((h) => [h, r.provider])));
    expect(fromReaders).toEqual(WEBMAIL_HOSTS);
    expect(WEBMAIL_MATCHES).toEqual(Object.keys(WEBMAIL_HOSTS).map((h) => `https://${h}/*`));
  });

  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['http://mail.google.com/mail/u/0/', null],
    ['https://mail.google.com.evil.example/', null],
    ['https://evil.example/?mail.google.com', null],
    ['not a url', null],
  ])('%s is %s', (url, provider) => {
    expect(providerOfUrl(url)).toBe(provider);
    if (URL.canParse(url)) expect(readerFor(new URL(url))?.provider ?? null).toBe(provider);
  });
});
