import type { components } from '../api/schema.js';
import type { Translation } from '../i18n/translation.js';
import type { PaymentMethod } from '../state/billing.js';

/** What Polar tells of a method: a card's or Korean card's metadata; other types carry none. */
type Metadata = Partial<Omit<components['schemas']['PaymentMethodCardMetadata'], 'brand' | 'last4'>> & { brand: string | null; last4: string | null };
const metadataOf = (pm: PaymentMethod): Metadata | undefined => ('method_metadata' in pm ? pm.method_metadata : undefined);

/** Brands and wallets whose name is not their code with a capital letter (Stripe's codes); names are not translated. */
const BRANDS: Record<string, string> = {
  amex: 'American Express', diners: 'Diners Club', jcb: 'JCB', unionpay: 'UnionPay', apple_pay: 'Apple Pay', google_pay: 'Google Pay',
  amazon_pay: 'Amazon Pay', cashapp: 'Cash App Pay', paypal: 'PayPal', revolut_pay: 'Revolut Pay', ideal: 'iDEAL', bacs_debit: 'Bacs Direct Debit', au_becs_debit: 'BECS Direct Debit',
};
const brandName = (code: string) => BRANDS[code] ?? code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');

/**
 * A payment method as people name it, for every type Polar sends and for types it adds later:
 * "Visa ending in 4242 (Apple Pay)", "Hyundai ending in 1234" (a Korean card: no expiry),
 * "Link", "SEPA Direct Debit", or the type's words ("Cash app pay") when we do not know it.
 * Polar sends brand and last four for cards and Korean cards only, nothing for other types.
 */
export function methodLabel(t: Translation, pm: PaymentMethod): string {
  const meta = metadataOf(pm);
  const name = meta?.brand ? brandName(meta.brand) : (t.methodType(pm.type) ?? brandName(pm.type));
  const label = meta?.last4 ? t.card(name, meta.last4) : name;
  return meta?.wallet ? `${label} (${t.methodType(meta.wallet) ?? brandName(meta.wallet)})` : label;
}

/**
 * The card's expiry as the card prints it ("03/2028"), in every language: Intl's month and year
 * differ between engines ("03.2028" in WebKit's German). Empty for methods without one.
 */
export function expiry(pm: PaymentMethod): string {
  const meta = metadataOf(pm);
  if (!meta?.exp_year || !meta.exp_month) return '';
  return `${String(meta.exp_month).padStart(2, '0')}/${meta.exp_year}`;
}
