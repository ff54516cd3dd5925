/**
 * The words a ticket is found by, and what a search asks for. An agent types a customer's name
 * without its accents ("zolc" finds "Żółć"), part of an address, a word of a subject, or a ticket
 * number in any of its spellings ("T-0042", "#42", "42").
 */

/** Past this many words a long description says nothing more a search needs. */
export const MAX_WORDS = 300;
/** A word is kept at most this long: a prefix search never needs more. */
export const MAX_WORD_LENGTH = 32;

// Letters NFD does not take apart: ł is not l plus a mark, nor ø, đ, ß, æ.
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** Lower case, without accents: the form words are stored and searched in. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđßæœı]/g, (c) => FOLD[c]!);
}

/** The distinct words of `texts`, folded; an address also counts whole. */
export function searchWords(texts: ReadonlyArray<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const folded = foldText(text);
    for (const address of folded.match(/[^\s<>()",;:]+@[^\s<>()",;:]+/g) ?? []) words.add(address.slice(0, MAX_WORD_LENGTH));
    for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
      if (word) words.add(word.slice(0, MAX_WORD_LENGTH));
      if (words.size >= MAX_WORDS) return [...words];
    }
  }
  return [...words];
}

/** What a ticket is found by: its name and description, its contact, its conversations' subjects. */
export function ticketSearchWords(
  ticket: { name: string; description: string; category: string | null; contactEmail: string | null },
  contact: { name: string } | undefined,
  subjects: readonly string[],
): string[] {
  // The most telling first: a long description is what gets cut at MAX_WORDS.
  return searchWords([ticket.name, contact?.name, ticket.contactEmail, ticket.category, ...subjects, ticket.description]);
}

export interface SearchQuery {
  /** A ticket number the text may mean ("T-0042", "#42", "42"). */
  number: number | null;
  /** Folded words, each matched as the start of a word. */
  terms: string[];
}

/** Parses what the agent typed. */
export function parseSearch(text: string): SearchQuery {
  const trimmed = text.trim();
  const number = /^(?:#?t-?|#)?0*(\d{1,9})$/i.exec(trimmed)?.[1];
  const terms = searchWords([trimmed]).filter((t) => t.length > 0);
  return { number: number ? Number(number) : null, terms: number && /^#|^t/i.test(trimmed) ? [] : terms };
}
