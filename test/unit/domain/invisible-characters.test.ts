import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanLine, isDisguisedEmail, normalizeEmail } from '@/domain';
import { observe } from '@/test/support/builders';
import { deskWith, ok } from '@/test/support/scenario';

// The Unicode standard's own lists, written out here rather than derived from the code under test:
// Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15.1) and the format
// characters (General_Category=Cf, UnicodeData.txt) that are not already in it.
const DEFAULT_IGNORABLE: Array<[number, number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
];
const FORMAT: Array<[number, number]> = [
  [0x0600, 0x0605],
  [0x06dd, 0x06dd],
  [0x070f, 0x070f],
  [0x0890, 0x0891],
  [0x08e2, 0x08e2],
  [0xfff9, 0xfffb],
  [0x110bd, 0x110bd],
  [0x110cd, 0x110cd],
  [0x13430, 0x1343f],
];
// Named in the report of what survived cleaning: each must be in the tables above.
const REPORTED = [
  0x061c, 0x200e, 0x200f, 0x00ad, 0x034f, 0x180e, 0x2061, 0x2062, 0x2063, 0x2064, 0x3164, 0xffa0, 0xe0001, 0xe0041, 0xe007f,
];

const all = [...DEFAULT_IGNORABLE, ...FORMAT].flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('invisible characters, every one of them', () => {
  it('the tables hold every character reported to survive, and thousands more', () => {
    for (const cp of REPORTED) expect(all, hex(cp)).toContain(cp);
    expect(all.length).toBeGreaterThan(4000);
  });

  it('are removed from subjects, names and descriptions', () => {
    const survivors = all.filter((cp) => {
      const c = String.fromCodePoint(cp);
      return cleanLine(`pay${c}pal`) !== 'paypal' || cleanBlock(`a${c}b`) !== 'ab';
    });
    expect(survivors.map(hex)).toEqual([]);
  });

  it('in an address, are kept visible (⟨U+00AD⟩), so it is never the address it imitates', () => {
    const merged = all.filter((cp) => {
      const email = normalizeEmail(`pay${String.fromCodePoint(cp)}pal@bank.example`);
      return email === null || email === 'paypal@bank.example' || !isDisguisedEmail(email);
    });
    expect(merged.map(hex)).toEqual([]);
    expect(normalizeEmail('pay\u00ADpal@bank.example')).toBe('pay⟨u+00ad⟩pal@bank.example');
    expect(isDisguisedEmail('paypal@bank.example')).toBe(false);
  });

  it('visible letters, digits and spaces are untouched', () => {
    expect(cleanLine('Zażółć gęślą jaźń 😀 العربية ١٢٣')).toBe('Zażółć gęślą jaźń 😀 العربية ١٢٣');
  });

  it('a disguised contact is a contact of its own, beside the real one', async () => {
    const desk = await deskWith();
    await ok(desk.run(observe('real', { contact: { email: 'paypal@bank.example', name: 'PayPal' } })));
    await ok(
      desk.run(observe('fake', { contact: { email: 'pay&#xAD;pal@bank.example'.replace('&#xAD;', '\u00AD'), name: 'Pay\u00ADPal' } })),
    );
    expect([...desk.state.contacts.keys()].sort()).toEqual(['paypal@bank.example', 'pay⟨u+00ad⟩pal@bank.example']);
    expect(desk.state.contacts.get('pay⟨u+00ad⟩pal@bank.example')!.name).toBe('PayPal');
  });
});
