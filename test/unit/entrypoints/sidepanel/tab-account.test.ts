import { describe, expect, it } from 'vitest';
import { accountPlace, tabAccount } from '@/entrypoints/sidepanel/tab-account';

describe('the followed tab’s account', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'https://mail.google.com/mail/u/0/'],
    ['https://mail.google.com/mail/u/1/#all/19a3', 'https://mail.google.com/mail/u/1/'],
    ['https://mail.proton.me/u/2/inbox/abc', 'https://mail.proton.me/u/2/'],
    ['https://outlook.office.com/mail/inbox/id/AAQk', 'https://outlook.office.com/'],
    ['https://app.fastmail.com/mail/Inbox/T1', 'https://app.fastmail.com/'],
  ])('%s lives at %s', (url, place) => expect(accountPlace(url)).toBe(place));

  it('is known while the tab stays in the place it was seen signed in to; another tab, or another account slot, knows none', () => {
    const known = { tabId: 4, account: 'anna@desk.pl', place: accountPlace('https://mail.google.com/mail/u/0/#all/1') };
    expect(tabAccount(known, 4, 'https://mail.google.com/mail/u/0/#inbox')).toBe('anna@desk.pl');
    expect(tabAccount(known, 4, 'https://mail.google.com/mail/u/1/#inbox')).toBeNull();
    expect(tabAccount(known, 5, 'https://mail.google.com/mail/u/0/#inbox')).toBeNull();
    expect(tabAccount(known, 4, undefined)).toBeNull();
    expect(tabAccount(null, 4, 'https://mail.google.com/mail/u/0/#inbox')).toBeNull();
  });
});
