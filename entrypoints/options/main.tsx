import { mountPage } from '@/pages/mount';
import '@/pages/components.css';
import { App } from './App';
import './options.css';

mountPage(({ db, call }) => <App db={db} call={call} />);
