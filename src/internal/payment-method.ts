import type { Translation } from '../i18n/translation.js';
import type { PaymentMethod } from '../state/billing.js';

/** "Visa ending in 4242", or the method's type ("link"). */
export const methodLabel = (t: Translation, pm: PaymentMethod) =>
  'method_metadata' in pm && pm.method_metadata ? t.card(pm.method_metadata.brand, pm.method_metadata.last4) : pm.type;

/** The card's expiry as the locale writes month and year ("12/2029"). */
export const expiry = (locale: string, pm: PaymentMethod) =>
  'method_metadata' in pm && pm.method_metadata
    ? new Intl.DateTimeFormat(locale, { month: '2-digit', year: 'numeric' }).format(new Date(pm.method_metadata.exp_year, pm.method_metadata.exp_month - 1))
    : '';

/** The configured theme, `auto` resolved from the page's color scheme (for Polar's embed). */
export const themeOf = (theme: string | undefined): 'light' | 'dark' =>
  theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light';
