import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { gmailReader } from '@/webmail/gmail';

const at = (hash: string) => gmailReader.threadIdFromUrl(new URL(`https://mail.google.com/mail/u/0/${hash}`));

describe('gmail: the thread a route names', () => {
  it.each([
    ['#inbox/19a367a0e0052e6b', '19a367a0e0052e6b'],
    ['#sent/199a4cb2200f2a74', '199a4cb2200f2a74'],
    ['#label/Clients%2FACME/19a367a0e0052e6b', '19a367a0e0052e6b'],
    ['#search/4815162342108/19a367a0e0052e6b', '19a367a0e0052e6b'],
    ['#category/promotions/19a367a0e0052e6b', '19a367a0e0052e6b'],
    ['#inbox/19a367a0e0052e6b?compose=new', '19a367a0e0052e6b'],
  ])('%s names %s', (hash, id) => {
    expect(at(hash)).toBe(id);
  });

  it.each([
    ['a search for an order number', '#search/4815162342108'],
    ['a search for a hex-looking word', '#search/deadbeefcafe1234'],
    ['a label whose name looks like an id', '#label/19a367a0e0052e6b'],
    ['the inbox', '#inbox'],
    ['settings', '#settings/general'],
    ['a stray % in the address', '#search/100%/x'],
    ['a broken escape as the last segment', '#inbox/%E0%A4%A'],
  ])('%s names none', (_, hash) => {
    expect(at(hash)).toBeNull();
  });

  it('a search for a number, on the list, reads as "nothing open", not as a thread Sidedesk cannot find', () => {
    const { document } = new JSDOM('<div role="main"><div gh="tl"></div></div>').window;
    expect(gmailReader.read(document, new URL('https://mail.google.com/mail/u/0/#search/4815162342108')).status).toBe('none');
  });
});
