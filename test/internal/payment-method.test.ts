import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { expiry, methodLabel } from '../../src/internal/payment-method.js';
import type { PaymentMethod } from '../../src/state/billing.js';

const base = { id: 'x', created_at: '', modified_at: null, processor: 'stripe' as const, customer_id: 'c' };
const method = (m: object) => ({ ...base, ...m }) as unknown as PaymentMethod;

describe('internal/payment-method', () => {
  it('names every type Polar sends, and types it adds later, without throwing', () => {
    expect(methodLabel(en, method({ type: 'card', method_metadata: { brand: 'amex', last4: '0005', exp_month: 1, exp_year: 2031 } }))).to.equal('American Express ending in 0005');
    expect(methodLabel(en, method({ type: 'card', method_metadata: { brand: 'visa', last4: '4242', exp_month: 1, exp_year: 2031, wallet: 'google_pay' } }))).to.equal('Visa ending in 4242 (Google Pay)');
    // payment_method/schemas.py PaymentMethodKrCard: brand and last four, either may be null, no expiry.
    expect(methodLabel(en, method({ type: 'kr_card', method_metadata: { brand: 'hyundai', last4: '1234' } }))).to.equal('Hyundai ending in 1234');
    expect(methodLabel(en, method({ type: 'kr_card', method_metadata: { brand: null, last4: null } }))).to.equal('Korean card');
    // PaymentMethodGeneric carries the type only.
    expect(methodLabel(en, method({ type: 'link' }))).to.equal('Link');
    expect(methodLabel(en, method({ type: 'sepa_debit' }))).to.equal('SEPA Direct Debit');
    expect(methodLabel(en, method({ type: 'us_bank_account' }))).to.equal('US bank account');
    expect(methodLabel(en, method({ type: 'swish_future_type' }))).to.equal('Swish future type');
  });

  it('gives an expiry only for what has one, as the card prints it in every language', () => {
    expect(expiry(method({ type: 'card', method_metadata: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2029 } }))).to.equal('12/2029');
    expect(expiry(method({ type: 'card', method_metadata: { brand: 'visa', last4: '4242', exp_month: 3, exp_year: 2028 } }))).to.equal('03/2028');
    expect(expiry(method({ type: 'kr_card', method_metadata: { brand: 'bc', last4: '1' } }))).to.equal('');
    expect(expiry(method({ type: 'link' }))).to.equal('');
  });
});
