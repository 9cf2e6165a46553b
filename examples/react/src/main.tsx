import { PolarPortal } from '@polar-portal/elements';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

PolarPortal.configure({
  organization: import.meta.env.VITE_POLAR_ORGANIZATION ?? 'solo',
  api: import.meta.env.VITE_POLAR_API ?? 'http://127.0.0.1:8787',
  // Your backend knows who is signed in and mints their Polar session (server.mjs); the kit
  // calls this again before the hour is up.
  async getToken() {
    const response = await fetch('/api/portal-token', { method: 'POST' });
    if (!response.ok) throw new Error(`portal token: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
