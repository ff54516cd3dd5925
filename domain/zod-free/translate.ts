/** Looks a message up by key (`_locales/<lang>/messages.json`), with `$1`-style substitutions. */
export type Translate = (key: string, substitutions?: Array<string | number>) => string;

/**
 * A message that counts: `<key>_<plural category>` where the locale has one ("_one" for English's
 * 1, "_few" for Polish's 2–4...), else the key's own message, which is then worded without a
 * plural ("Zgłoszenia: 3"). `lang` is the UI language (the page's `lang`).
 */
export function countedMessage(t: Translate, key: string, n: number, substitutions: Array<string | number>, lang?: string): string {
  let category: string;
  try {
    category = new Intl.PluralRules(lang || undefined).select(n);
  } catch {
    category = 'other';
  }
  const specific = `${key}_${category}`;
  const said = t(specific, substitutions);
  return said === specific ? t(key, substitutions) : said;
}

/**
 * A Translate over the browser's `i18n.getMessage`. A key the locale lacks shows as the key
 * itself, never as an empty string: a gap in a translation must be visible, not silent.
 */
export function translateWith(getMessage: (key: string, substitutions?: string[]) => string): Translate {
  return (key, substitutions) => getMessage(key, substitutions?.map(String)) || key;
}
