// @ts-check
// customers/me: profile, billing details and payment methods.
import { validateBody, pathUuid, paginate } from '../validate.mjs';
import { notFound, polarError, polarValidationError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { subject } from './scope.mjs';
import { randomUUID } from 'node:crypto';

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

const US = 'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' ');
const CA = 'AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' ');
/** Postal-code shapes Stripe Tax checks before Polar can compute tax (a sandbox choice, see README). */
const POSTAL = /** @type {Record<string, RegExp>} */ ({ US: /^\d{5}(-\d{4})?$/, CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, DE: /^\d{5}$/, FR: /^\d{5}$/, NL: /^\d{4} ?[A-Z]{2}$/i, GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i });

/**
 * Polar's `Address` rules (server/polar/kit/address.py): empty strings become null, no NUL
 * characters, US/CA states get their `US-`/`CA-` prefix and must exist; plus what tax needs:
 * a state for US and CA, a postal code of the country's shape.
 * @param {any} a validated AddressInput
 */
export function normalizeAddress(a) {
  const loc = ['body', 'billing_address'];
  const out = { line1: null, line2: null, postal_code: null, city: null, state: null, ...a };
  for (const k of ['line1', 'line2', 'postal_code', 'city', 'state']) {
    if (out[k] === '') out[k] = null;
    if (typeof out[k] === 'string' && out[k].includes('\0')) throw polarValidationError([...loc, k], 'String should not contain NUL characters.', out[k]);
  }
  const c = out.country;
  if (c === 'US' || c === 'CA') {
    if (!out.state) throw polarValidationError([...loc, 'state'], 'State is required for this country.', null);
    if (!out.state.startsWith(`${c}-`)) out.state = `${c}-${out.state}`;
    if (!(c === 'US' ? US : CA).includes(out.state.slice(3))) throw polarValidationError(loc, `Value error, Invalid ${c === 'US' ? 'US state' : 'CA subdivision'}`, a);
  }
  if (out.postal_code && POSTAL[c] && !POSTAL[c].test(out.postal_code.trim())) throw polarValidationError([...loc, 'postal_code'], 'Invalid postal code.', out.postal_code);
  return out;
}

/**
 * The card behind a stand-in Stripe confirmation token, `ctoken_sandbox_<number>_<mm>_<yy>`
 * (made by the embed stand-in at /embed/payment-method), or null.
 * @param {string} token
 */
export function cardOf(token) {
  const m = /^ctoken_sandbox_(\d{13,19})_(\d{1,2})_(\d{2})$/.exec(token);
  if (!m || +m[2] < 1 || +m[2] > 12) return null;
  const brand = /^3[47]/.test(m[1]) ? 'amex' : /^5[1-5]/.test(m[1]) ? 'mastercard' : /^4/.test(m[1]) ? 'visa' : 'unknown';
  return { brand, last4: m[1].slice(-4), exp_month: +m[2], exp_year: 2000 + +m[3], wallet: null };
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
      if (body.billing_address) body.billing_address = normalizeAddress(body.billing_address);
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
  {
    method: 'POST', path: `${BASE}/payment-methods`, gate: 'billing',
    async handler(ctx) {
      const body = validateBody('CustomerPaymentMethodCreate', await ctx.body());
      const { customer } = subject(ctx);
      const card = cardOf(body.confirmation_token_id);
      // Stripe's 4000 0000 0000 0002 is declined when it is set up.
      if (!card || card.last4 === '0002') throw polarError(400, 'PaymentMethodSetupFailed', card ? 'Your card was declined.' : 'No such confirmation token.');
      const now = new Date(ctx.now).toISOString();
      const id = randomUUID();
      const pm = { id, customer_id: customer.id, type: 'card', card, created_at: now, modified_at: null };
      ctx.state.paymentMethods.set(id, pm);
      if (body.set_default) {
        customer.default_payment_method_id = id;
        customer.modified_at = now;
      }
      return { status: 201, body: { status: 'succeeded', payment_method: ser.paymentMethod(pm) } };
    },
  },
  {
    method: 'GET', path: `${BASE}/export`, gate: 'read',
    handler(ctx) {
      const { customer } = subject(ctx);
      const { state } = ctx;
      const mine = (/** @type {Map<string, any>} */ m) => [...m.values()].filter((x) => x.customer_id === customer.id);
      return {
        status: 200,
        headers: { 'Content-Disposition': `attachment; filename="polar-customer-export-${customer.id}.json"` },
        body: {
          customer: ser.portalCustomer(customer),
          subscriptions: mine(state.subscriptions).map((s) => ser.subscription(state, s)),
          orders: mine(state.orders).map((o) => ser.order(state, o)),
          payment_methods: mine(state.paymentMethods).map(ser.paymentMethod),
          benefit_grants: mine(state.grants).map((g) => ser.grant(state, g)),
        },
      };
    },
  },
];
