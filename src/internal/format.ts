import type { Translation } from '../i18n/translation.js';

// Money and dates for every element, always through Intl, with cached formatters.

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The formatter cached under `key`, made once. */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format as T;
}

/**
 * Formats an amount in minor units (Polar's cents) in its currency: 2900 usd → "$29.00",
 * 500 jpy → "¥500". The currency's own number of decimals decides the divisor.
 */
export function formatMoney(locale: string, amount: number, currency: string): string {
  const format = cached(`n|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }));
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A date-time from the API as a medium date in `locale` ("Mar 4, 2026"). */
export function formatDate(locale: string, iso: string | null | undefined): string {
  return iso ? cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(iso)) : '';
}

/** Two dates as the locale spans them ("Nov 14 – Dec 14, 2026"). */
export const formatDateRange = (locale: string, start: string, end: string): string =>
  cached(`r|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).formatRange(new Date(start), new Date(end));

/** Items as the locale lists them ("a, b and c"). */
export const formatList = (locale: string, items: string[]): string => new Intl.ListFormat(locale).format(items);

/** A count as the locale writes it ("1,950"). */
export const formatNumber = (locale: string, n: number): string => cached(`c|${locale}`, () => new Intl.NumberFormat(locale)).format(n);

/** A file size in the largest unit that keeps it above 1 ("80.3 MB"), in the locale's words. */
export function formatBytes(locale: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let i = 0;
  while (bytes >= 1000 && i < units.length - 1) {
    bytes /= 1000;
    i++;
  }
  return cached(`b|${locale}|${i}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 })).format(bytes);
}

/** A plan's billing interval (a product, or a subscription's own). */
export interface Interval {
  recurring_interval?: string | null;
  recurring_interval_count?: number | null;
}

/** An amount per interval ("$29.00 / month", "$290.00 every 3 months"). */
export const perInterval = (t: Translation, locale: string, amount: number, currency: string, plan: Interval) =>
  t.perInterval(formatMoney(locale, amount, currency), plan.recurring_interval ?? '', plan.recurring_interval_count ?? 1);
