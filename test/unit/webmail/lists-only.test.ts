import { describe, expect, it } from 'vitest';
import { READERS } from '@/webmail/registry';
import { providerOfUrl } from '@/domain/zod-free/providers';

/** Each address, and whether it is a mailbox list naming no conversation (no content script). */
const ADDRESSES: Array<[string, boolean]> = [
  ['https://mail.google.com/mail/u/0/#inbox', true],
  ['https://mail.google.com/mail/u/1/#inbox', true],
  ['https://mail.google.com/mail/u/0/', true],
  ['https://mail.google.com/mail/', true],
  ['https://mail.google.com/mail/u/0/#label/Orders', true],
  ['https://mail.google.com/mail/u/0/#search/4815162342108', true],
  ['https://mail.google.com/mail/u/0/#inbox/19a367a0e0052e6b', false],
  ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmfNJnbVxPzKCbdvhKFn', false],
  ['https://mail.google.com/mail/u/0/#label/Orders/19a367a0e0052e6b', false],
  ['https://mail.google.com/mail/u/0/#search/refund/19a367a0e0052e6b', false],
  // Not known to be a list: the content script runs and says what it finds.
  ['https://mail.google.com/mail/u/0/#settings/general', false],
  ['https://mail.google.com/mail/u/0/?view=cv&th=19a367a0e0052e6b', false],
  ['https://mail.google.com/mail/u/0/popout?ver=1', false],
  ['https://outlook.office.com/mail/inbox', true],
  ['https://outlook.office.com/mail/', true],
  ['https://outlook.live.com/mail/0/inbox', true],
  ['https://outlook.office.com/mail/shared@firma.pl/inbox', true],
  ['https://outlook.office.com/mail/inbox/id/AAQkAGE4NmEwMmU2LTViYTctNDhhNi05ZTI3LWI3NzkyZGY5M2Q5NQAQAHa4mE1rT7VHp7bxjH1tU%2Fc%3D', false],
  ['https://outlook.office.com/mail/id/AAQkAGE4NmEwMmU2', false],
  ['https://outlook.office.com/mail/deeplink/compose', false],
  ['https://outlook.office.com/calendar/view/month', false],
  ['https://mail.proton.me/u/0/inbox', true],
  ['https://mail.proton.me/inbox', true],
  ['https://mail.proton.me/u/0/inbox/rR5RMA5NG38vgvM_R5n-vMm3F3QyBbsisQg0gZzfaMfWl7ywJICVvWmmyqyTbYIuVBfCkhUoiJ2QRkL1VTfxAg%3D%3D', false],
  ['https://mail.proton.me/u/0/inbox/a1/b2', false],
  ['https://app.fastmail.com/mail/Inbox/?u=8a1e5f3c', true],
  ['https://app.fastmail.com/mail/Archive/', true],
  ['https://app.fastmail.com/mail/Inbox/Ta080be0c6fb5ec5b.Mf1c2d3e4f5a6b7c8d9e0f1a2?u=8a1e5f3c', false],
  ['https://app.fastmail.com/mail/Inbox/compose', false],
  ['https://app.fastmail.com/calendar/', false],
];

describe('which webmail addresses are mailbox lists, where no content script runs', () => {
  it.each(ADDRESSES)('%s: %s', (href, expected) => {
    const provider = providerOfUrl(href)!;
    expect(READERS[provider].listsOnly(new URL(href))).toBe(expected);
  });

  it('an address that names a thread is never a list', () => {
    for (const [href] of ADDRESSES) {
      const reader = READERS[providerOfUrl(href)!];
      const url = new URL(href);
      if (reader.threadIdFromUrl(url) !== null) expect({ href, list: reader.listsOnly(url) }).toEqual({ href, list: false });
    }
  });
});
