// @ts-check
// customers/me: profile, billing details and payment methods.
import { validateBody, pathUuid, paginate } from '../validate.mjs';
import { notFound, polarError, polarValidationError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { subject } from './scope.mjs';

const BASE = '/v1/customer-portal/customers/me';
const EU = new Set(['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']);

/**
 * Validate a tax id against the billing country, returning Polar's `[value, format]`.
 * @param {string} raw @param {string} country
 */
function parseTaxId(raw, country) {
  const v = raw.replace(/[\s.-]/g, '').toUpperCase();
  if (EU.has(country)) {
    const prefix = country === 'GR' ? 'EL' : country;
    const local = v.startsWith(prefix) ? v.slice(prefix.length) : v;
    if (/^[0-9A-Z]{8,12}$/.test(local) && /\d{6}/.test(local)) return [`${prefix}${local}`, 'eu_vat'];
    return null;
  }
  if (country === 'GB') return /^(GB)?(\d{9}|\d{12})$/.test(v) ? [v.startsWith('GB') ? v : `GB${v}`, 'gb_vat'] : null;
  if (country === 'US') return /^\d{9}$/.test(v) ? [`${v.slice(0, 2)}-${v.slice(2)}`, 'us_ein'] : null;
  if (country === 'CH') return /^CHE\d{9}(MWST|TVA|IVA)?$/.test(v) ? [v, 'ch_vat'] : null;
  if (country === 'AU') return /^\d{11}$/.test(v) ? [v, 'au_abn'] : null;
  if (country === 'CA') return /^\d{9}(RT\d{4})?$/.test(v) ? [v, 'ca_bn'] : null;
  return null;
}

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: BASE, gate: 'read',
    handler: (ctx) => ({ status: 200, body: ser.portalCustomer(subject(ctx).customer) }),
  },
  {
    method: 'PATCH', path: BASE, gate: 'billing',
    async handler(ctx) {
      const raw = /** @type {any} */ (await ctx.body());
      const body = validateBody('CustomerPortalCustomerUpdate', raw);
      const { customer } = subject(ctx);
      if ('billing_address' in body && body.billing_address === null) {
        throw polarValidationError(['body', 'billing_address'], 'Billing address cannot be removed.', null);
      }
      if (body.default_payment_method_id !== undefined) {
        const pm = body.default_payment_method_id && ctx.state.paymentMethods.get(body.default_payment_method_id);
        if (!pm || pm.customer_id !== customer.id) {
          throw polarValidationError(['body', 'default_payment_method_id'], 'Payment method does not exist.', raw.default_payment_method_id);
        }
      }
      const address = body.billing_address ?? customer.billing_address;
      /** @type {[string, string]|null|undefined} */
      let taxId;
      if (body.tax_id !== undefined && body.tax_id !== null) {
        if (!address?.country) throw polarValidationError(['body', 'tax_id'], 'Country is required to validate tax ID.', body.tax_id);
        const parsed = parseTaxId(body.tax_id, address.country);
        if (!parsed) throw polarValidationError(['body', 'tax_id'], 'Invalid tax ID.', body.tax_id);
        taxId = /** @type {[string, string]} */ (parsed);
      } else if (body.tax_id === null) taxId = null;
      if ('billing_name' in body) customer.billing_name = body.billing_name;
      if (body.billing_address) customer.billing_address = { line1: null, line2: null, postal_code: null, city: null, state: null, ...body.billing_address };
      if (taxId !== undefined) customer.tax_id = taxId;
      if (body.default_payment_method_id) {
        customer.default_payment_method_id = body.default_payment_method_id;
        // Polar schedules retries of past-due orders when the default method changes.
        for (const o of ctx.state.orders.values()) {
          if (o.customer_id === customer.id && o.status === 'pending') o.next_payment_attempt_at = new Date(ctx.now + 3600_000).toISOString();
        }
      }
      customer.modified_at = new Date(ctx.now).toISOString();
      return { status: 200, body: ser.portalCustomer(customer) };
    },
  },
  {
    method: 'GET', path: `${BASE}/payment-methods`, gate: 'billing',
    handler(ctx) {
      const p = ctx.query.pagination();
      ctx.query.done();
      const { customer } = subject(ctx);
      const all = [...ctx.state.paymentMethods.values()].filter((pm) => pm.customer_id === customer.id)
        .sort((a, b) => Number(b.id === customer.default_payment_method_id) - Number(a.id === customer.default_payment_method_id) || (a.created_at < b.created_at ? 1 : -1));
      return { status: 200, body: paginate(all, p, ser.paymentMethod) };
    },
  },
  {
    method: 'DELETE', path: `${BASE}/payment-methods/{id}`, gate: 'billing',
    handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const { customer } = subject(ctx);
      const pm = ctx.state.paymentMethods.get(id);
      if (!pm || pm.customer_id !== customer.id) throw notFound();
      const live = [...ctx.state.subscriptions.values()].some((s) => s.customer_id === customer.id && !s.ended_at && ['active', 'trialing', 'past_due'].includes(s.status));
      if (customer.default_payment_method_id === id && live) {
        throw polarError(400, 'PaymentMethodInUseByActiveSubscription', 'This payment method is used by an active subscription. Set another default payment method first.');
      }
      ctx.state.paymentMethods.delete(id);
      if (customer.default_payment_method_id === id) customer.default_payment_method_id = null;
      return { status: 204 };
    },
  },
];
