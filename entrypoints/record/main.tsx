import { mountPage } from '@/pages/mount';
import { App } from './App';
import '@/pages/components.css';
import './record.css';

mountPage(({ db, call }) => <App db={db} ticketId={new URLSearchParams(location.search).get('id') ?? ''} call={call} />);
