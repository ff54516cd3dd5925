import { mountPage } from '@/pages/mount';
import '@/pages/components.css';
import { App } from './App';

mountPage(({ db, call }) => <App db={db} call={call} />);
