// dist/locales/<code>.js for every language in src/i18n/locales: Vite builds one classic
// script per run, so this runs it once per language (vite.config.ts, mode "locale").
import { readdirSync } from 'node:fs';
import { build } from 'vite';

for (const file of readdirSync('src/i18n/locales')) {
  process.env.PORTAL_LOCALE = file.replace(/\.ts$/, '');
  await build({ mode: 'locale', logLevel: 'warn' });
}
