import { render } from 'preact';
import { takePageKey } from './api.js';
import { App } from './app.js';

// Before anything calls the server; the address (holding the key) is cleared at once.
void takePageKey()
  .catch(() => {})
  .then(() => render(<App />, document.getElementById('app')!));
