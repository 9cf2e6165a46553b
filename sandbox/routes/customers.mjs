// @ts-check
// customers/me: profile, billing details and payment methods.
import { validateBody, pathUuid, paginate } from '../validate.mjs';
import { notFound, polarError, polarValidationError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { subject } from './scope.mjs';
import { issueSession } from '../auth.mjs';
import { generateToken } from '../ids.mjs';
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

/**
 * Whether a subscription still needs a payment method to be billed (models/subscription.py
 * `requires_payment_method`): a paused one only if it resumes by itself, a free one never, one
 * that ends at period end only for metered usage.
 * @param {import('../seed.mjs').State} state @param {any} s
 */
function requiresPaymentMethod(state, s) {
  if (s.ended_at) return false;
  if (s.status === 'paused') return !!s.resumes_at;
  const prices = state.products.get(s.product_id)?.prices ?? [];
  if (!prices.some((/** @type {any} */ p) => p.amount_type !== 'free')) return false;
  if (['active', 'trialing'].includes(s.status) && s.cancel_at_period_end) return prices.some((/** @type {any} */ p) => p.amount_type === 'metered_unit');
  return true;
}

/** settings.EMAIL_VERIFICATION_TTL_SECONDS (server/polar/config.py). */
const EMAIL_VERIFICATION_TTL_MS = 30 * 60_000;

/** customer_email_update/service.py `InvalidCustomerEmailUpdate`: one answer for unknown, expired or used. */
const invalidEmailUpdate = () => polarError(401, 'InvalidCustomerEmailUpdate', 'This email update request is invalid or has expired.');

/** The pending change a token stands for, if it is still valid (`get_valid_by_token_hash`). @param {import('../server.mjs').Ctx} ctx @param {string} token */
const emailUpdate = (ctx, token) => {
  const record = ctx.state.emailUpdates.get(token);
  return record && record.expires_at > ctx.now ? record : null;
};

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    // customer_portal/endpoints/customer_email_update.py: where the organization allows it, for
    // individual customers, to an address other than the current one; the link goes to Polar's
    // hosted page `/{org}/portal/verify-email?token=`; a new request replaces a pending one.
    method: 'POST', path: `${BASE}/email-update/request`, gate: 'billing',
    async handler(ctx) {
      const body = validateBody('CustomerEmailUpdateRequest', await ctx.body());
      const { customer } = subject(ctx);
      const organization = ctx.state.organizations.get(customer.organization_id);
      if (!organization.customer_portal_settings.customer?.allow_email_change) throw polarError(403, 'NotPermitted', 'Email changes are not enabled for this organization.');
      if (customer.type === 'team') throw polarValidationError(['body', 'email'], 'Only individual customers can change their email.', body.email);
      if (customer.email && customer.email.toLowerCase() === body.email.toLowerCase()) throw polarValidationError(['body', 'email'], 'New email is the same as your current email.', body.email);
      for (const [token, record] of ctx.state.emailUpdates) if (record.customer_id === customer.id) ctx.state.emailUpdates.delete(token);
      const token = generateToken('polar_cev_');
      ctx.state.emailUpdates.set(token, {
        email: body.email, customer_id: customer.id, organization_id: organization.id, sent_at: new Date(ctx.now).toISOString(),
        expires_at: ctx.now + EMAIL_VERIFICATION_TTL_MS, link: `${ctx.origin}/${organization.slug}/portal/verify-email?token=${token}`,
      });
      return { status: 202 };
    },
  },
  {
    method: 'GET', path: `${BASE}/email-update/check`, gate: 'anonymous',
    handler(ctx) {
      const token = ctx.query.string('token');
      ctx.query.done();
      if (token === null) throw polarValidationError(['query', 'token'], 'Field required', null, 'missing');
      if (!emailUpdate(ctx, token)) throw invalidEmailUpdate();
      return { status: 204 };
    },
  },
  {
    // `verify`: the address must still be free in the organization; the customer's email is
    // verified with it; a new customer session comes back (the token proves the inbox).
    method: 'POST', path: `${BASE}/email-update/verify`, gate: 'anonymous',
    async handler(ctx) {
      const body = validateBody('CustomerEmailUpdateVerifyRequest', await ctx.body());
      const record = emailUpdate(ctx, body.token);
      if (!record) throw invalidEmailUpdate();
      const customer = ctx.state.customers.get(record.customer_id);
      const taken = [...ctx.state.customers.values()].some(
        (c) => c.id !== customer.id && c.organization_id === record.organization_id && c.email?.toLowerCase() === record.email.toLowerCase(),
      );
      ctx.state.emailUpdates.delete(body.token);
      if (taken) throw polarValidationError(['body', 'token'], 'This email address is already in use.', record.email);
      customer.email = record.email;
      customer.email_verified = true;
      customer.modified_at = new Date(ctx.now).toISOString();
      // member_service.sync_owner_email: the owner member of the customer follows.
      for (const m of ctx.state.members.values()) if (m.customer_id === customer.id && m.role === 'owner') m.email = record.email;
      const session = issueSession(ctx.world, { customerId: customer.id, memberId: null });
      return { status: 200, body: { token: session.token } };
    },
  },
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
      // customer_portal/service/customer.py `update`, check by check. An empty billing name is
      // None after EmptyStrToNoneValidator, and None means "leave it": it cannot be cleared.
      if (body.billing_name) customer.billing_name = body.billing_name;
      if ('billing_address' in body) {
        if (body.billing_address === null) throw polarValidationError(['body', 'billing_address'], 'Customer billing address cannot be reset to null once set.', null, 'missing');
        customer.billing_address = { line1: null, line2: null, postal_code: null, city: null, state: null, ...normalizeAddress(body.billing_address) };
      }
      if ('default_payment_method_id' in body) {
        if (body.default_payment_method_id === null) throw polarValidationError(['body', 'default_payment_method_id'], 'Default payment method cannot be reset to null.', null, 'missing');
        const pm = ctx.state.paymentMethods.get(body.default_payment_method_id);
        if (!pm || pm.customer_id !== customer.id) throw polarValidationError(['body', 'default_payment_method_id'], 'Payment method not found.', String(raw.default_payment_method_id), 'invalid');
      }
      const country = customer.billing_address?.country;
      if ('tax_id' in body && body.tax_id === null) customer.tax_id = null;
      else if ('tax_id' in body || ('billing_address' in body && customer.tax_id)) {
        // A new tax ID, or the old one again against a new country.
        const value = 'tax_id' in body ? body.tax_id : customer.tax_id[0];
        if (!country) throw polarValidationError(['body', 'billing_address'], 'Country is required to validate tax ID.', null, 'missing');
        const parsed = parseTaxId(value, country);
        if (!parsed) throw polarValidationError(['body', 'tax_id'], 'Invalid tax ID.', value, 'invalid');
        customer.tax_id = parsed;
      }
      if (body.default_payment_method_id) {
        customer.default_payment_method_id = body.default_payment_method_id;
        // order/service.py `schedule_retry_for_past_due_orders`: a new default retries past-due orders.
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
      // Newest first, the default wherever it falls (customer_portal/service/customer.py `list_payment_methods`).
      const all = [...ctx.state.paymentMethods.values()].filter((pm) => pm.customer_id === customer.id)
        .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? -1 : 1));
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
      // payment_method/service.py `delete`: subscriptions still billed through it move to another
      // method (the default first); only when there is none is it refused.
      const needing = [...ctx.state.subscriptions.values()].filter((s) => s.payment_method_id === id && requiresPaymentMethod(ctx.state, s));
      if (needing.length) {
        const others = [...ctx.state.paymentMethods.values()].filter((x) => x.customer_id === customer.id && x.id !== id);
        const alternative = others.find((x) => x.id === customer.default_payment_method_id) ?? others[0];
        if (!alternative) throw polarError(400, 'PaymentMethodInUseByActiveSubscription', 'This payment method is still needed to bill a subscription. Add another one or cancel the subscription first.');
        for (const s of needing) s.payment_method_id = alternative.id;
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
