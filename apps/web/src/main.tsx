import { render } from 'preact';
import { App } from './app';
import { interceptLinks } from './lib/router';
import { loadSession } from './lib/session';
import './styles.css';

interceptLinks();
void loadSession();
render(<App />, document.getElementById('app')!);
