import { en } from './en.js';
import { keySignature } from './signature.js';
import type { Translation } from './translation.js';

/**
 * Polar's 14 locales (clients/packages/i18n/src/config.ts). English is in the bundle; each other
 * one is its own file (`locales/<code>.js` beside the script), loaded when an element needs it.
 */
export const LOCALES = ['en', 'de', 'es', 'fr', 'hu', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'pt-PT', 'sv', 'tr'];

/** "Loading" in each (by lower-case code), for an element whose language is on its way: no flash of English. */
const LOADING: Record<string, string> = {
  de: 'Wird geladen…', es: 'Cargando…', fr: 'Chargement…', hu: 'Betöltés…', it: 'Caricamento…', ja: '読み込み中…', ko: '불러오는 중…',
  nl: 'Laden…', pl: 'Ładowanie…', pt: 'Carregando…', 'pt-pt': 'A carregar…', sv: 'Laddar…', tr: 'Yükleniyor…',
};

const translations = new Map<string, Translation>([['en', en]]);
const loading = new Set<string>();
const failed = new Set<string>();
const listeners = new Set<() => void>();
/** The classic script's own address, while it first runs: its locale files sit beside it. */
const script = (document.currentScript as HTMLScriptElement | null)?.src;

const changed = () => listeners.forEach((listener) => listener());

/** Calls `listener` whenever a translation arrives or fails; returns the way to stop. */
export function onTranslations(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Adds a language (`code` a BCP 47 tag like `de` or `pt-PT`). A page may call it with its own
 * translation, before or after the kit loads; a message it lacks stays English. Locale files
 * call it with their messages as values in English's key order (vite.config.ts, localeValues).
 */
export function registerTranslation(code: string, translation: Partial<Translation> | readonly unknown[]): void {
  const keys = Object.keys(en);
  if (Array.isArray(translation) && translation[0] !== keySignature(keys)) {
    console.warn(`[polar-portal] The "${code}" locale file was built for another version of the kit; showing English.`);
  } else {
    const messages = Array.isArray(translation) ? Object.fromEntries(keys.map((key, i) => [key, translation[i + 1]])) : translation;
    translations.set(code.toLowerCase(), { ...en, ...messages });
  }
  changed();
}

/**
 * The language for `tag`: a registered or supported one, exactly (`pt-PT`) or by its language
 * (`pt-BR` → `pt`, `de-AT` → `de`); undefined for none.
 */
export function nearestLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  const known = (code: string) => translations.has(code) || LOCALES.some((l) => l.toLowerCase() === code);
  const language = lower.split('-')[0];
  return known(lower) ? lower : known(language) ? language : undefined;
}

/**
 * The translation for `code` (from `nearestLocale`), or English while it loads or when it could
 * not; the first ask starts loading it from `base` (a folder URL), or beside the script.
 */
export function translationFor(code: string, base?: string): Translation {
  const found = translations.get(code);
  if (found) return found;
  if (!loading.has(code) && !failed.has(code)) load(code, base);
  return en;
}

/** What an element shows while its language loads: "Loading" in that language; undefined once it is here or failed. */
export const loadingLabel = (code: string): string | undefined => (loading.has(code) ? LOADING[code] : undefined);

function load(code: string, base: string | undefined): void {
  const file = `${LOCALES.find((l) => l.toLowerCase() === code) ?? code}.js`;
  let url: string | undefined;
  const fail = (reason: unknown) => {
    failed.add(code);
    console.warn(`[polar-portal] The "${code}" translation could not be loaded${url ? ` from ${url}` : ''}; showing English.`, reason);
  };
  try {
    // `locales` may be relative to the page (`/assets/locales/`); by default, beside the script.
    const folder = base ? new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI) : script && new URL('locales/', script);
    url = folder ? new URL(file, folder).href : undefined;
  } catch (error) {
    return fail(error);
  }
  if (!url) return fail('no address for locale files (set locales)');
  loading.add(code);
  // A module import, not a script tag: no Trusted Types policy needed, and script-src of the
  // kit's own host already allows it. The file registers itself through window.PolarPortal.
  import(/* @vite-ignore */ url)
    .then(() => translations.has(code) || fail('the file did not register it'), fail)
    .finally(() => {
      loading.delete(code);
      changed();
    });
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
