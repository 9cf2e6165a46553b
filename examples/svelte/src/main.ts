import { PolarPortal } from '@polar-portal/elements';
import { mount } from 'svelte';
import App from './App.svelte';

PolarPortal.configure({
  organization: import.meta.env.VITE_POLAR_ORGANIZATION ?? 'solo',
  api: import.meta.env.VITE_POLAR_API ?? 'http://127.0.0.1:8787',
});

mount(App, { target: document.getElementById('app')! });
