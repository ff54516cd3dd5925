import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS, providerOfUrl, WEBMAIL_HOSTS, WEBMAIL_MATCHES } from '@/domain/zod-free/providers';
import { READERS, readerFor } from '@/webmail/registry';

describe('webmail registry', () => {
  it('every provider has its own reader, and the manifest hosts derive from the one list', () => {
    for (const provider of PROVIDER_IDS) expect(READERS[provider].provider).toBe(provider);
    expect(Object.keys(READERS).sort()).toEqual([...PROVIDER_IDS].sort());
    expect(WEBMAIL_MATCHES).toEqual(Object.keys(WEBMAIL_HOSTS).map((h) => `https://${h}/*`));
  });

  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['http://mail.google.com/mail/u/0/', null],
    ['https://mail.google.com.evil.example/', null],
    ['https://evil.example/?mail.google.com', null],
    ['not a url', null],
  ])('%s is %s', (url, provider) => {
    expect(providerOfUrl(url)).toBe(provider);
    if (URL.canParse(url)) expect(readerFor(new URL(url))?.provider ?? null).toBe(provider);
  });
});
