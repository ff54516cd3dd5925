import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Looks a message up by key (`_locales/<lang>/messages.json`), with `$1`-style substitutions. */
export type Translate = (key: string, substitutions?: Array<string | number>) => string;

const I18nContext = createContext<Translate>((key) => key);

export const I18nProvider = I18nContext.Provider;

/** The translate function of the page (the entrypoint provides `browser.i18n.getMessage`). */
export function useT(): Translate {
  return useContext(I18nContext);
}
