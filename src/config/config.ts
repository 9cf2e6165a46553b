import { DEV } from '../internal/version.js';

export type Theme = 'light' | 'dark' | 'auto';
export type StorageKind = 'session' | 'local' | 'memory';

/** Returns a fresh customer or member session token minted by the merchant's backend, or null. */
export type TokenSource = () => Promise<string | null | undefined>;

/** What a merchant may set, from script-tag attributes, `PolarPortal.configure()` or `<portal-provider>`. */
export interface PortalConfigInput {
  /** The organization's slug on Polar. */
  organization?: string;
  /** `production` (https://api.polar.sh), `sandbox` (https://sandbox-api.polar.sh) or a base URL. */
  api?: string;
  theme?: Theme;
  /** BCP 47 locale for text, money and dates; defaults to the customer's, then the page's language. */
  locale?: string;
  /** The folder with the locale files (`de.mjs`, ...); defaults to `locales/` beside the script. */
  locales?: string;
  /** Where the session token is kept: this tab (`session`), all tabs (`local`) or nowhere (`memory`). */
  storage?: StorageKind;
  /** Signs a known user in without an email code, and re-mints the token before it expires. */
  getToken?: TokenSource;
  /** The Polar API version every request asks for (`YYYY-MM`); defaults to the newest the kit knows. */
  apiVersion?: string;
  /**
   * Polar's Stripe publishable key, to finish a 3-D Secure payment on this page. Without it the
   * customer is sent to Polar's own page for that order (README, "Payments that need the bank").
   */
  stripeKey?: string;
}

export interface PortalConfig {
  organization?: string;
  /** Resolved base URL, no trailing slash. */
  api: string;
  theme: Theme;
  locale?: string;
  locales?: string;
  storage: StorageKind;
  getToken?: TokenSource;
  apiVersion: string;
  stripeKey?: string;
}

/**
 * The newest API version Polar's server supports (server/polar/version.py: 2026-04 and 2026-10
 * at c6c3645). Polar answers a version it no longer supports with a 404 outside CORS, which
 * browsers report as a network error on every call: move with `data-api-version`.
 */
export const POLAR_API_VERSION = '2026-10';

export const API_BASES: Readonly<Record<string, string>> = {
  production: 'https://api.polar.sh',
  sandbox: 'https://sandbox-api.polar.sh',
};

const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];
const STORAGES: readonly StorageKind[] = ['session', 'local', 'memory'];

export const DEFAULT_CONFIG: PortalConfig = { api: API_BASES.production, theme: 'auto', storage: 'session', apiVersion: POLAR_API_VERSION };

/** A merchant mistake in configuration, reported once per distinct message, in development only. */
const warned = new Set<string>();
function warn(message: string) {
  if (!DEV || warned.has(message)) return;
  warned.add(message);
  console.warn(`[polar-portal] ${message}`);
}

/** Turns `production`, `sandbox` or a URL into a base URL; anything else keeps `fallback`. */
export function resolveApiBase(value: string, fallback: string): string {
  const named = API_BASES[value];
  if (named) return named;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  warn(`data-api="${value}" is not "production", "sandbox" or an http(s) URL; using ${fallback}.`);
  return fallback;
}

const allowed: Partial<Record<keyof PortalConfigInput, readonly string[]>> = { theme: THEMES, storage: STORAGES };

/** Applies `input` over `base`, keeping the base's value for anything invalid (with a warning). */
export function mergeConfig(base: PortalConfig, input: PortalConfigInput): PortalConfig {
  const next: Record<string, unknown> = { ...base };
  for (const [key, raw] of Object.entries(input) as [keyof PortalConfigInput, unknown][]) {
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const options = allowed[key];
    if (key === 'api') next.api = resolveApiBase(value as string, base.api);
    else if (key === 'getToken' && value !== null && typeof value !== 'function') warn('getToken must be an async function.');
    else if (options && !options.includes(value as string)) warn(`${key} "${value}" is not one of ${options.join(', ')}.`);
    else if (key === 'apiVersion' && !/^\d{4}-\d{2}$/.test(value as string)) warn(`api-version "${value}" is not a Polar API version like ${POLAR_API_VERSION}.`);
    else next[key] = value || undefined;
  }
  return next as unknown as PortalConfig;
}

/**
 * The settings a page may write as attributes: `data-*` on the script tag, plain on
 * `<portal-provider>`, in kebab case (`apiVersion` is `data-api-version`).
 */
export const CONFIG_KEYS = ['organization', 'api', 'theme', 'locale', 'locales', 'storage', 'apiVersion', 'stripeKey'] as const;

/** `apiVersion` → `api-version`. */
export const attributeOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Reads `data-organization`, `data-api`, `data-theme`, `data-locale`, `data-locales`, `data-storage`, `data-api-version`, `data-stripe-key`. */
export function readDataAttributes(element: Element | null | undefined): PortalConfigInput {
  const input: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = element?.getAttribute(`data-${attributeOf(key)}`);
    if (value != null) input[key] = value;
  }
  return input as PortalConfigInput;
}
