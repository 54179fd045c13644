import { render } from 'preact';
import { takePageKey } from './api.js';
import { App } from './app.js';

// Before anything calls the server, and before the address (holding the key) can be copied.
takePageKey();

render(<App />, document.getElementById('app')!);
