import { PolarPortal } from '@polar-portal/elements';
import { createApp } from 'vue';
import App from './App.vue';

PolarPortal.configure({
  organization: import.meta.env.VITE_POLAR_ORGANIZATION ?? 'solo',
  api: import.meta.env.VITE_POLAR_API ?? 'http://127.0.0.1:8787',
});

createApp(App).mount('#app');
