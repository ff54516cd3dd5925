import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import type { Translate } from '@/domain/zod-free/translate';

export type { Translate };

const I18nContext = createContext<Translate>((key) => key);

export const I18nProvider = I18nContext.Provider;

/** The translate function of the page (the entrypoint provides `browser.i18n.getMessage`). */
export function useT(): Translate {
  return useContext(I18nContext);
}
