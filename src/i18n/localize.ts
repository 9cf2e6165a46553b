import { en } from './en.js';
import type { Translation } from './translation.js';

const translations = new Map<string, Translation>([['en', en]]);

/** Adds a language; `code` is a BCP 47 tag like `de` or `pt-BR`. */
export function registerTranslation(code: string, translation: Translation): void {
  translations.set(code.toLowerCase(), translation);
}

/** The closest registered translation for `locale` (`pt-BR`, then `pt`), else English. */
export function translationFor(locale: string | undefined): Translation {
  const code = (locale ?? 'en').toLowerCase();
  return translations.get(code) ?? translations.get(code.split('-')[0]) ?? en;
}

/** `m:ss` for a countdown. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
