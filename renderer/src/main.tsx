import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api';
import { App } from './features/app-shell/App';

// One client for the page's lifetime; created before render so the token is taken from the URL at once.
const client = createClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
