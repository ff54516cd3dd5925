/** Looks a message up by key (`_locales/<lang>/messages.json`), with `$1`-style substitutions. */
export type Translate = (key: string, substitutions?: Array<string | number>) => string;

/**
 * A Translate over the browser's `i18n.getMessage`. A key the locale lacks shows as the key
 * itself, never as an empty string: a gap in a translation must be visible, not silent.
 */
export function translateWith(getMessage: (key: string, substitutions?: string[]) => string): Translate {
  return (key, substitutions) => getMessage(key, substitutions?.map(String)) || key;
}
