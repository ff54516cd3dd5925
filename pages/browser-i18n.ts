import { translateWith, type Translate } from '@/domain/zod-free/translate';

/** `browser.i18n` as the components' translate function. */
export const translate: Translate = translateWith((key, substitutions) => browser.i18n.getMessage(key as never, substitutions));

/** Sets the page's `lang` to the UI language, for screen readers and hyphenation. */
export function setDocumentLanguage(): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
}
