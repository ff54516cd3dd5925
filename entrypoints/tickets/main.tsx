import '../../domain/csp';
import { render } from 'preact';
import { I18nProvider } from '../../components/i18n';
import { createClient } from '../../messaging/client';
import { SidedeskDatabase } from '../../store/database';
import { App } from './App';
import '../../ui/base.css';

const t = (key: string, subs?: Array<string | number>) => browser.i18n.getMessage(key as never, subs?.map(String)) || key;
document.documentElement.lang = browser.i18n.getUILanguage();
render(
  <I18nProvider value={t}>
    <App db={new SidedeskDatabase()} call={createClient((message) => browser.runtime.sendMessage(message))} />
  </I18nProvider>,
  document.getElementById('app')!,
);
