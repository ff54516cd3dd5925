/**
 * Gmail's thread ids in their three spellings, and the time inside them.
 * - legacy hex id `19a367a0e0052e6b` (= the Gmail API threadId), on `h2.hP[data-legacy-thread-id]`;
 * - perm id `thread-f:1847434212802899563`, the same number in decimal (since 2025-11 it may be the
 *   literal "undefined" or missing; `thread-a:r...` ids, threads the user started, do not convert);
 * - URL token `FMfcgz...`: the perm id's text, base64-encoded, then the base-64 number rewritten in
 *   base 40 over consonants only.
 */

const TOKEN_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_ID = /^[0-9a-f]{12,16}$/;

/** True for a legacy hex thread or message id. */
export function isHexId(text: string): boolean {
  return HEX_ID.test(text);
}

/** `thread-f:<decimal>` (or `f:<decimal>`) to the hex id; anything else to null. */
export function hexFromPermId(permId: string | null | undefined): string | null {
  const m = permId?.match(/^(?:thread-|msg-)?f:(\d{1,20})$/);
  if (!m) return null;
  const n = BigInt(m[1]!);
  return n > 0n && n < 1n << 64n ? n.toString(16) : null;
}

/** Decodes a URL token to the perm-id text it stands for (`thread-f:...`, `thread-a:r...`). */
export function decodeUrlToken(token: string): string | null {
  if (token.length < 8 || token.length > 120) return null;
  let n = 0n;
  for (const ch of token) {
    const digit = TOKEN_ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    n = n * 40n + BigInt(digit);
  }
  let b64 = '';
  while (n > 0n) {
    b64 = BASE64_ALPHABET[Number(n % 64n)] + b64;
    n /= 64n;
  }
  b64 += '='.repeat((4 - (b64.length % 4)) % 4);
  let text: string;
  try {
    text = atob(b64);
  } catch {
    return null;
  }
  return /^[\x20-\x7e]+$/.test(text) ? text : null;
}

/** The hex thread id a URL segment names (a hex id, or a token that decodes to `thread-f:`). */
export function hexFromUrlSegment(segment: string): string | null {
  if (isHexId(segment)) return segment;
  return hexFromPermId(decodeUrlToken(segment));
}

/** `id >> 20` of a hex thread or message id is the Unix time in ms of (the first) message. */
export function timeFromHexId(hex: string): number | null {
  if (!isHexId(hex)) return null;
  const ms = Number(BigInt(`0x${hex}`) >> 20n);
  // Gmail began in 2004; anything outside 2004..2100 is not a time.
  return ms > 1_072_915_200_000 && ms < 4_102_444_800_000 ? ms : null;
}
