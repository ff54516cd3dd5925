import { describe, expect, it } from 'vitest';
import { decodeUrlToken, hexFromPermId, hexFromUrlSegment, timeFromHexId } from '@/webmail/gmail-ids';
import { gmailReader } from '@/webmail/gmail';

describe('Gmail ids', () => {
  it.each([
    // The token from Gmail's own address bar quoted in issue 3, and the fixtures' threads.
    ['FMfcgzQgLjNPlfJCVRfnNkPGkLhWClCW', 'f:1864099454408550099', '19de9c93ce0566d3'],
    ['FMfcgzQcqbZKFFBHBJqvMJnTBDzhZgSF', 'f:1847434212802899563', '19a367a0e0052e6b'],
    ['FMfcgzQcpwwLwQNJNCLRJXFftnNzwhQg', 'f:1844871325287393908', '199a4cb2200f2a74'],
  ])('token %s decodes to %s, hex %s', (token, perm, hex) => {
    expect(decodeUrlToken(token)).toBe(perm);
    expect(hexFromPermId(perm)).toBe(hex);
    expect(hexFromUrlSegment(token)).toBe(hex);
  });

  it.each([
    ['thread-f:1847434212802899563', '19a367a0e0052e6b'],
    ['undefined', null],
    [null, null],
    ['thread-a:r-8465046398346817937', null],
    ['thread-f:99999999999999999999999', null],
    ['thread-f:-1', null],
  ])('perm id %s -> %s', (perm, hex) => {
    expect(hexFromPermId(perm)).toBe(hex);
  });

  it.each(['', 'inbox', 'FMfcgz', 'FMfcgzQcqbZKFFBHBJqvMJnTBDzhZgSA', 'FMfcgz!!!', 'x'.repeat(500)])(
    'rejects %s as a thread token',
    (segment) => {
      expect(hexFromUrlSegment(segment)).toBeNull();
    },
  );

  it.each([
    ['19a367a0e0052e6b', Date.UTC(2025, 9, 30, 18, 56)],
    ['199a4cb2200f2a74', Date.UTC(2025, 9, 2, 12, 0)],
    ['0000000000000001', null],
    ['not-hex', null],
  ])('time of %s is %s', (hex, ms) => {
    expect(timeFromHexId(hex)).toBe(ms);
  });

  it.each([
    ['#inbox', null],
    ['#inbox/19a367a0e0052e6b', '19a367a0e0052e6b'],
    ['#label/Klienci%2FVIP/FMfcgzQcqbZKFFBHBJqvMJnTBDzhZgSF', '19a367a0e0052e6b'],
    ['#search/refund/199a4cb2200f2a74', '199a4cb2200f2a74'],
    ['#inbox/FMfcgzQcqbZKFFBHBJqvMJnTBDzhZgSF?compose=new', '19a367a0e0052e6b'],
    ['#settings/general', null],
    ['', null],
  ])('address %s names thread %s', (hash, id) => {
    expect(gmailReader.threadIdFromUrl(new URL(`https://mail.google.com/mail/u/0/${hash}`))).toBe(id);
  });
});
