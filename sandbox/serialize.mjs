// @ts-check
// Internal records → Polar's response shapes (the OpenAPI schemas named on each function).
import { periodAmount } from './billing.mjs';
import { activeFiles } from './grants.mjs';

/** @typedef {import('./seed.mjs').State} State */

/** CustomerOrganization @param {any} o */
export const organization = (o) => ({
  created_at: o.created_at, modified_at: o.modified_at, id: o.id, name: o.name, slug: o.slug, avatar_url: o.avatar_url,
  proration_behavior: o.proration_behavior, allow_customer_updates: o.allow_customer_updates,
  customer_portal_settings: structuredClone(o.customer_portal_settings), organization_features: { ...o.organization_features },
});

/** BenefitSubscriberOrganization @param {any} o */
const benefitOrganization = (o) => ({
  created_at: o.created_at, modified_at: o.modified_at, id: o.id, name: o.name, slug: o.slug, avatar_url: o.avatar_url,
  proration_behavior: o.proration_behavior, allow_customer_updates: o.allow_customer_updates,
});

/** BenefitPublic @param {any} b */
export const benefitPublic = (b) => ({
  id: b.id, created_at: b.created_at, modified_at: b.modified_at, type: b.type, description: b.description,
  selectable: true, deletable: true, is_deleted: false, organization_id: b.organization_id,
});

/** Benefit*Subscriber (the grant's benefit with its public properties) @param {State} state @param {any} b */
export function benefitSubscriber(state, b) {
  /** @type {any} */
  let properties = {};
  // What each type tells a subscriber (benefit/strategies/*/properties.py, the *Subscriber schemas).
  if (b.type === 'license_keys') properties = { prefix: b.properties.prefix, expires: b.properties.expires, activations: b.properties.activations, limit_usage: b.properties.limit_usage };
  else if (b.type === 'downloadables') properties = { active_files: activeFiles(b) };
  else if (b.type === 'custom') properties = { note: b.properties.note };
  else if (b.type === 'github_repository') properties = { repository_owner: b.properties.repository_owner, repository_name: b.properties.repository_name };
  else if (b.type === 'discord') properties = { guild_id: b.properties.guild_id };
  else if (b.type === 'meter_credit') properties = { meter_id: b.properties.meter_id, units: b.properties.units, rollover: b.properties.rollover };
  return { ...benefitPublic(b), organization: benefitOrganization(state.organizations.get(b.organization_id)), properties };
}

/** ProductPrice @param {any} p */
export function price(p) {
  const base = {
    created_at: p.created_at, modified_at: null, id: p.id, source: 'catalog', amount_type: p.amount_type,
    price_currency: p.price_currency, tax_behavior: 'exclusive', is_archived: false, product_id: p.product_id,
  };
  if (p.amount_type === 'fixed') return { ...base, price_amount: p.price_amount };
  return { ...base, seat_tiers: structuredClone(p.seat_tiers) };
}

/** CustomerProduct @param {State} state @param {any} p */
export const product = (state, p) => ({
  id: p.id, created_at: p.created_at, modified_at: p.modified_at, trial_interval: null, trial_interval_count: null,
  name: p.name, description: p.description, visibility: p.visibility, recurring_interval: p.recurring_interval,
  recurring_interval_count: p.recurring_interval_count, meter_interval: null, meter_interval_count: null,
  is_recurring: p.recurring_interval !== null, is_archived: p.is_archived, organization_id: p.organization_id,
  prices: p.prices.map(price), benefits: p.benefit_ids.map((/** @type {string} */ id) => benefitPublic(state.benefits.get(id))), medias: [],
});

/** CustomerSubscriptionProduct / CustomerOrderProduct @param {State} state @param {any} p */
const productWithOrg = (state, p) => ({ ...product(state, p), organization: organization(state.organizations.get(p.organization_id)) });

/** CustomerOrderSubscription @param {State} state @param {any} s */
export function subscriptionBase(state, s) {
  const p = state.products.get(s.product_id);
  return {
    created_at: s.created_at, modified_at: s.modified_at, id: s.id, amount: periodAmount(p, s.seats), currency: s.currency,
    recurring_interval: s.recurring_interval, recurring_interval_count: s.recurring_interval_count, status: s.status,
    current_period_start: s.current_period_start, current_period_end: s.current_period_end,
    current_meter_period_start: s.current_meter_period_start ?? null, current_meter_period_end: s.current_meter_period_end ?? null, trial_start: s.trial_start, trial_end: s.trial_end,
    cancel_at_period_end: s.cancel_at_period_end, canceled_at: s.canceled_at, started_at: s.started_at, ends_at: s.ends_at,
    ended_at: s.ended_at, past_due_at: s.past_due_at, pause_at_period_end: s.pause_at_period_end, paused_at: s.paused_at,
    resumes_at: s.resumes_at, customer_id: s.customer_id, product_id: s.product_id, discount_id: s.discount_id,
    checkout_id: s.checkout_id, seats: s.seats, customer_cancellation_reason: s.customer_cancellation_reason,
    customer_cancellation_comment: s.customer_cancellation_comment,
  };
}

/** CustomerSubscription @param {State} state @param {any} s */
export function subscription(state, s) {
  const p = state.products.get(s.product_id);
  return {
    ...subscriptionBase(state, s),
    product: productWithOrg(state, p),
    prices: p.prices.filter((/** @type {any} */ x) => s.price_ids.includes(x.id)).map(price),
    meters: (s.meters ?? []).map((/** @type {any} */ m) => ({
      created_at: m.created_at, modified_at: m.modified_at, id: m.id, consumed_units: m.consumed_units, credited_units: m.credited_units,
      amount: m.amount, meter_id: m.meter_id, meter: meter(state.meters.get(m.meter_id)),
    })),
    pending_update: s.pending_update ? { ...s.pending_update } : null,
  };
}

/** CustomerPortalCustomer @param {any} c */
export const portalCustomer = (c) => ({
  created_at: c.created_at, modified_at: c.modified_at, id: c.id, email: c.email, email_verified: c.email_verified, name: c.name,
  billing_name: c.billing_name, billing_address: c.billing_address ? { ...c.billing_address } : null, tax_id: c.tax_id ? [...c.tax_id] : null,
  oauth_accounts: structuredClone(c.oauth_accounts), default_payment_method_id: c.default_payment_method_id, type: c.type, locale: c.locale,
});

/** Customer (the merchant API's full customer; also LicenseKeyCustomer) @param {any} c */
export const fullCustomer = (c) => ({
  id: c.id, created_at: c.created_at, modified_at: c.modified_at, metadata: { ...c.metadata }, external_id: c.external_id, email: c.email,
  email_verified: c.email_verified, type: c.type, name: c.name, billing_name: c.billing_name,
  billing_address: c.billing_address ? { ...c.billing_address } : null, tax_id: c.tax_id ? [...c.tax_id] : null, locale: c.locale,
  organization_id: c.organization_id, default_payment_method_id: c.default_payment_method_id, deleted_at: null,
  first_user_event_at: null, avatar_url: null,
});

/** Member @param {any} m */
export const member = (m) => ({
  id: m.id, created_at: m.created_at, modified_at: m.modified_at, customer_id: m.customer_id, email: m.email, name: m.name,
  external_id: m.external_id, role: m.role,
});

/** CustomerPortalMember @param {any} m */
export const portalMember = (m) => ({ created_at: m.created_at, modified_at: m.modified_at, id: m.id, email: m.email, name: m.name, role: m.role });

/** CustomerSeat @param {State} state @param {any} s */
export function seat(state, s) {
  const m = s.member_id ? state.members.get(s.member_id) : null;
  const c = s.customer_id ? state.customers.get(s.customer_id) : null;
  return {
    created_at: s.created_at, modified_at: s.modified_at, id: s.id, subscription_id: s.subscription_id, order_id: s.order_id,
    status: s.status, customer_id: s.customer_id, member_id: s.member_id, member: m ? member(m) : null, email: s.email,
    // models/customer_seat.py `customer_email`: the seat's email, else its member's, else its customer's.
    customer_email: s.email ?? m?.email ?? c?.email ?? null, invitation_token_expires_at: s.invitation_token_expires_at,
    claimed_at: s.claimed_at, revoked_at: s.revoked_at, seat_metadata: s.seat_metadata ? { ...s.seat_metadata } : null,
  };
}

/** CustomerOrder @param {State} state @param {any} o */
export function order(state, o) {
  const net = o.subtotal_amount - o.discount_amount;
  const total = net + o.tax_amount;
  const p = o.product_id ? state.products.get(o.product_id) : null;
  const s = o.subscription_id ? state.subscriptions.get(o.subscription_id) : null;
  return {
    id: o.id, created_at: o.created_at, modified_at: o.modified_at, status: o.status, paid: o.status !== 'pending' && o.status !== 'draft' && o.status !== 'void',
    subtotal_amount: o.subtotal_amount, discount_amount: o.discount_amount, net_amount: net, tax_amount: o.tax_amount, total_amount: total,
    applied_balance_amount: o.applied_balance_amount, due_amount: total - o.applied_balance_amount, refunded_amount: o.refunded_amount,
    refunded_tax_amount: o.refunded_tax_amount, currency: o.currency, billing_reason: o.billing_reason, billing_name: o.billing_name,
    billing_address: o.billing_address ? { ...o.billing_address } : null, invoice_number: o.invoice_number,
    is_invoice_generated: !!o.invoice, receipt_number: o.receipt_number, seats: o.seats, customer_id: o.customer_id,
    product_id: o.product_id, discount_id: null, subscription_id: o.subscription_id, checkout_id: o.checkout_id,
    next_payment_attempt_at: o.next_payment_attempt_at, product: p ? productWithOrg(state, p) : null,
    subscription: s ? subscriptionBase(state, s) : null, items: o.items.map((/** @type {any} */ i) => ({ ...i })), description: o.description,
    refundable_amount: o.status === 'pending' ? 0 : net - o.refunded_amount,
    refundable_tax_amount: o.status === 'pending' ? 0 : o.tax_amount - o.refunded_tax_amount,
  };
}

/** CustomerBenefitGrant @param {State} state @param {any} g */
export function grant(state, g) {
  const b = state.benefits.get(g.benefit_id);
  return {
    created_at: g.created_at, modified_at: g.modified_at, id: g.id, granted_at: g.granted_at, revoked_at: g.revoked_at,
    customer_id: g.customer_id, member_id: g.member_id, benefit_id: g.benefit_id, subscription_id: g.subscription_id, order_id: g.order_id,
    is_granted: g.revoked_at === null, is_revoked: g.revoked_at !== null, error: g.error,
    customer: portalCustomer(state.customers.get(g.customer_id)), benefit: benefitSubscriber(state, b), properties: { ...g.properties },
  };
}

/** LicenseKeyRead @param {State} state @param {any} k */
export const licenseKey = (state, k) => ({
  id: k.id, created_at: k.created_at, modified_at: k.modified_at, organization_id: k.organization_id, customer_id: k.customer_id,
  customer: fullCustomer(state.customers.get(k.customer_id)), benefit_id: k.benefit_id, key: k.key, display_key: `****-${k.key.slice(-6)}`,
  status: k.status, limit_activations: k.limit_activations, usage: k.usage, limit_usage: k.limit_usage, validations: k.validations,
  last_validated_at: k.last_validated_at, expires_at: k.expires_at,
});

/** LicenseKeyWithActivations @param {State} state @param {any} k */
export function licenseKeyWithActivations(state, k) {
  const b = state.benefits.get(k.benefit_id);
  // Activations are only listed when the benefit lets customers manage them.
  const visible = b.properties.activations?.enable_customer_admin ? k.activations : [];
  return { ...licenseKey(state, k), activations: visible.map((/** @type {any} */ a) => ({ ...a, meta: { ...a.meta } })) };
}

/**
 * DownloadableRead: the file, and a signed link that works for `ttl` seconds
 * (customer_portal/service/downloadables.py `create_download_token`, S3_FILES_PRESIGN_TTL).
 * @param {any} d the customer's downloadable @param {any} f its file @param {string} origin @param {number} now @param {number} ttl
 */
export const downloadable = (d, f, origin, now, ttl) => ({
  id: d.id, benefit_id: d.benefit_id,
  file: {
    id: f.id, organization_id: f.organization_id, name: f.name, path: `${f.organization_id}/${f.id}/${f.name}`, mime_type: f.mime_type,
    size: f.size, storage_version: null, checksum_etag: `"${f.sha.slice(0, 32)}"`, checksum_sha256_base64: Buffer.from(f.sha, 'hex').toString('base64'),
    checksum_sha256_hex: f.sha, last_modified_at: f.created_at,
    download: { url: `${origin}/v1/customer-portal/downloadables/${downloadToken(d.id, now + ttl * 1000)}`, headers: {}, expires_at: new Date(now + ttl * 1000).toISOString() },
    version: f.version, is_uploaded: true, service: 'downloadable', size_readable: readableSize(f.size),
  },
});

/** A download token: the downloadable and when the link stops working. @param {string} id @param {number} expires */
export const downloadToken = (id, expires) => Buffer.from(JSON.stringify({ id, exp: expires })).toString('base64url');

/** @param {number} n */
function readableSize(n) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i += 1; }
  return `${Math.round(n * 10) / 10} ${units[i]}`;
}

/** CustomerCustomerMeterMeter, CustomerSubscriptionMeterMeter @param {any} m */
const meter = (m) => ({ created_at: m.created_at, modified_at: m.modified_at, id: m.id, name: m.name });

/** CustomerCustomerMeter @param {State} state @param {any} m */
export const customerMeter = (state, m) => ({
  id: m.id, created_at: m.created_at, modified_at: m.modified_at, customer_id: m.customer_id, meter_id: m.meter_id,
  consumed_units: m.consumed_units, credited_units: m.credited_units, balance: m.credited_units - m.consumed_units,
  meter: meter(state.meters.get(m.meter_id)),
});

/** CustomerWallet @param {any} w */
export const wallet = (w) => ({ id: w.id, created_at: w.created_at, modified_at: w.modified_at, customer_id: w.customer_id, balance: w.balance, currency: w.currency });

/** CustomerPaymentMethod @param {any} pm */
export function paymentMethod(pm) {
  const base = { id: pm.id, created_at: pm.created_at, modified_at: pm.modified_at, processor: 'stripe', customer_id: pm.customer_id, type: pm.type };
  // payment_method/schemas.py: cards and Korean cards carry metadata, every other type none.
  return pm.type === 'card' || pm.type === 'kr_card' ? { ...base, method_metadata: { ...pm.card } } : base;
}
