import '../../domain/csp';
import { render } from 'preact';
import { Guard } from '../../components/guard';
import { I18nProvider } from '../../components/i18n';
import { setDocumentLanguage, translate } from '../../ui/browser-i18n';
import { createClient } from '../../messaging/client';
import { SidedeskDatabase } from '../../store/database';
import { App } from './App';
import '../../ui/base.css';
import '../../ui/panel.css';
import '../../ui/record.css';

const ticketId = new URLSearchParams(location.search).get('id') ?? '';
setDocumentLanguage();
render(
  <I18nProvider value={translate}>
    <Guard>
      <App db={new SidedeskDatabase()} ticketId={ticketId} call={createClient((message) => browser.runtime.sendMessage(message))} />
    </Guard>
  </I18nProvider>,
  document.getElementById('app')!,
);
