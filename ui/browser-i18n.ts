import type { Translate } from '../components/i18n';

/** `browser.i18n` as the components' translate function; a missing key shows the key itself. */
export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as never, substitutions?.map(String)) || key;

/** Sets the page's `lang` to the UI language, for screen readers and hyphenation. */
export function setDocumentLanguage(): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
}
