import { mountPage } from '@/pages/mount';
import { App } from './App';

mountPage(({ db, call }) => <App db={db} call={call} />);
