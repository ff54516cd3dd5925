import '../../domain/csp';
import { render } from 'preact';
import { Guard } from '../../components/guard';
import { I18nProvider } from '../../components/i18n';
import { setDocumentLanguage, translate } from '../../ui/browser-i18n';
import { createClient } from '../../messaging/client';
import { SidedeskDatabase } from '../../store/database';
import { App } from './App';
import '../../ui/base.css';

setDocumentLanguage();
render(
  <I18nProvider value={translate}>
    <Guard>
      <App db={new SidedeskDatabase()} call={createClient((message) => browser.runtime.sendMessage(message))} />
    </Guard>
  </I18nProvider>,
  document.getElementById('app')!,
);
