import { mountPage } from '@/pages/mount';
import { App } from './App';
import '@/pages/components.css';
import './trash.css';

/** The group the address names (`trash.html#<id>`), as the panel and the record page link it. */
const target = () => decodeURIComponent(location.hash.slice(1)) || null;

mountPage(({ db, call }) => (
  <App
    db={db}
    call={call}
    target={target}
    onTargetChange={(f) => (addEventListener('hashchange', f), () => removeEventListener('hashchange', f))}
  />
));
