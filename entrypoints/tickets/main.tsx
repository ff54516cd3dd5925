import '../../domain/csp';
import { render } from 'preact';
import { SidedeskDatabase } from '../../store/database';
import { App } from './App';
import '../../ui/base.css';

render(<App db={new SidedeskDatabase()} />, document.getElementById('app')!);
