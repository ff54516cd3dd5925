import '@/domain/csp';
import { render, type ComponentChildren } from 'preact';
import { Guard } from '@/components/common/guard';
import { I18nProvider } from '@/components/common/i18n';
import { createClient, type Client } from '@/messaging/client';
import { SidedeskDatabase } from '@/store/database';
import { setDocumentLanguage, translate } from './browser-i18n';
import './base.css';

/** What every extension page is given: the database it reads, and the client that sends commands. */
export interface PageContext {
  db: SidedeskDatabase;
  call: Client;
}

/**
 * Mounts an extension page into `#app`: the UI language, the translations, the guard that shows a
 * failure instead of a blank page, the database and the background's client.
 */
export function mountPage(page: (context: PageContext) => ComponentChildren): void {
  setDocumentLanguage();
  const context: PageContext = { db: new SidedeskDatabase(), call: createClient((message) => browser.runtime.sendMessage(message)) };
  render(
    <I18nProvider value={translate}>
      <Guard>{page(context)}</Guard>
    </I18nProvider>,
    document.getElementById('app')!,
  );
}
