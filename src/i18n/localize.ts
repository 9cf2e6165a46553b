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

/**
 * A wait as people say it, in their language: "in 40 seconds", "in 15 minutes" (rounded up),
 * never a clock-like "15:00".
 */
export function formatWait(locale: string, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return s < 60 ? format.format(s, 'second') : format.format(Math.ceil(s / 60), 'minute');
}
