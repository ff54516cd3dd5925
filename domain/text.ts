/**
 * Email text is hostile: a subject can carry markup, bidi overrides that reorder what the agent
 * reads, zero-width characters that make two addresses look alike, or a megabyte of padding.
 * Everything that comes from a page passes through here before it is stored.
 */

/** Length caps for stored text, in UTF-16 code units. */
export const CAPS = {
  line: 500,
  email: 320,
  url: 2048,
  description: 20_000,
  propertyValue: 2_000,
  /** A free property's name: the form, the ticket and the timeline all take it from here. */
  propertyName: 100,
} as const;

/** What a free property is called wherever a key names it (`properties.<name>`). */
export const PROPERTY_PREFIX = 'properties.';
/** The longest key that names a property or a timeline field: a free property's, with its prefix. */
export const FIELD_KEY_MAX = PROPERTY_PREFIX.length + CAPS.propertyName;

// Characters that change how text reads without being seen: every default-ignorable code point
// (zero-width spaces and joiners, the soft hyphen, bidi marks and isolates, variation selectors,
// the Hangul fillers, tag characters...) and every format character (Unicode Cf). Two addresses
// that differ only by these look the same to the agent.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
// C0/C1 controls except tab and newline.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Cuts `text` to at most `max` code units without splitting a surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** A single line of display text (subject, name): invisible and control characters removed,
 * whitespace collapsed, trimmed and capped. */
export function cleanLine(text: string, max: number = CAPS.line): string {
  // Cap first too, so a 1 MB string is not run through the regexes whole.
  const head = capLength(text, max * 4);
  return capLength(head.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim(), max);
}

/** Multi-line text (description): keeps newlines, drops invisible and control characters. */
export function cleanBlock(text: string, max: number = CAPS.description): string {
  const head = capLength(text, max * 2);
  return capLength(head.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(CONTROL, ''), max);
}

const EMAIL_SHAPE = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * A lower-cased email address, or null when `text` is not one. An address that hides invisible
 * characters (`pay<U+00AD>pal@…`) is not the address it looks like: it keeps each hidden character
 * as a visible `⟨U+00AD⟩`, so it is never merged with the real one and the agent sees why.
 */
export function normalizeEmail(text: string): string | null {
  const visible = capLength(text, CAPS.email * 4)
    .replace(CONTROL, '')
    .trim();
  const marked = visible.replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
  const email = marked.toLowerCase();
  if (email.length > CAPS.email) return null;
  return EMAIL_SHAPE.test(email.replace(/⟨u\+[0-9a-f]{4,6}⟩/g, '')) ? email : null;
}

/** Whether an address was stored with hidden characters marked (see normalizeEmail). */
export function isDisguisedEmail(email: string): boolean {
  return /⟨u\+[0-9a-f]{4,6}⟩/.test(email);
}

/** Only https: and mailto: links are kept; anything else (javascript:, data:...) becomes null. */
export function safeLink(text: string): string | null {
  const raw = text.trim();
  if (raw.length > CAPS.url) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

// Free-mail domains say nothing about the contact's company.
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'fastmail.com',
  'gmx.com',
  'gmx.de',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  'aol.com',
]);

/** The company domain of an address, or null for free-mail providers. */
export function companyDomain(email: string): string | null {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return domain && !FREE_MAIL.has(domain) ? domain : null;
}
