// @ts-check
// Subscriptions: list/get, the six PATCH actions, cancel, revoke and the three previews,
// with Polar's guards (polar-api.md §9.3).
import { validateBody, pathUuid, paginate, comparator } from '../validate.mjs';
import { polarError, polarValidationError, notFound } from '../http.mjs';
import { newId } from '../ids.mjs';
import { periodAmount, isSeatBased, chargeBreakdown, prorations, taxRate } from '../billing.mjs';
import * as ser from '../serialize.mjs';
import { subject, ownSubscription, organizationOf } from './scope.mjs';

const BASE = '/v1/customer-portal/subscriptions';
const SORT_FIELDS = ['started_at', 'amount', 'status', 'organization', 'product'];

const alreadyCanceled = () => polarError(403, 'AlreadyCanceledSubscription', 'This subscription is already canceled or will be at the end of the period.');
/**
 * customer_portal/service/subscription.py `_require_payment_method(…, action)`: nothing to check
 * when every price is free; otherwise the customer needs a payment method, the default or any
 * saved one (payment_method/service.py `get_customer_payment_method`).
 * @param {import('../server.mjs').Ctx} ctx @param {any} s @param {'resuming'|'uncancelling'} action
 */
function requirePaymentMethod(ctx, s, action) {
  const prices = ctx.state.products.get(s.product_id).prices.filter((/** @type {any} */ p) => s.price_ids.includes(p.id));
  if (prices.every((/** @type {any} */ p) => p.amount_type === 'free')) return;
  const { customer } = subject(ctx);
  if (customer.default_payment_method_id || [...ctx.state.paymentMethods.values()].some((pm) => pm.customer_id === customer.id)) return;
  throw polarError(409, 'PaymentMethodRequired', `Add a payment method before ${action} this subscription.`);
}

/** @param {any} s */
const isEnded = (s) => s.ended_at !== null || s.status === 'canceled' || s.status === 'incomplete_expired';

/** @param {string} iso @param {string} interval */
function addInterval(iso, interval) {
  const d = new Date(iso);
  if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString();
}

/**
 * Record an order for a charge the sandbox "collects" from the default payment method.
 * @param {import('../server.mjs').Ctx} ctx @param {any} s @param {string} reason @param {{label: string, amount: number, proration: boolean}[]} lines
 */
function createOrder(ctx, s, reason, lines) {
  const customer = ctx.state.customers.get(s.customer_id);
  const product = ctx.state.products.get(s.product_id);
  const org = ctx.state.organizations.get(customer.organization_id);
  const rate = taxRate(customer);
  const now = new Date(ctx.now).toISOString();
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const count = [...ctx.state.orders.values()].filter((o) => o.customer_id === customer.id).length + 1;
  const number = `${org.invoicePrefix}-${String(customer.external_id ?? customer.id.slice(0, 6)).toUpperCase().replace(/[^A-Z]/g, '').slice(0, 6)}-${String(count).padStart(4, '0')}`;
  const id = newId();
  ctx.state.orders.set(id, {
    id, customer_id: customer.id, product_id: product.id, subscription_id: s.id, status: 'paid', billing_reason: reason,
    subtotal_amount: subtotal, discount_amount: 0, tax_amount: Math.round(subtotal * rate), applied_balance_amount: 0, refunded_amount: 0, refunded_tax_amount: 0,
    currency: s.currency, billing_name: customer.billing_name, billing_address: customer.billing_address, invoice_number: number,
    invoice: null, receipt_number: `${number}-R`, receipt_ready: false, payment_lock_acquired_at: null, seats: s.seats, next_payment_attempt_at: null,
    items: lines.map((l) => ({ id: newId(), label: l.label, amount: l.amount, tax_amount: Math.round(l.amount * rate), proration: l.proration, product_price_id: product.prices[0].id, created_at: now, modified_at: null })),
    description: product.name, checkout_id: null, created_at: now, modified_at: null,
  });
}

/** Guards shared by plan change and its preview. @param {import('../server.mjs').Ctx} ctx @param {any} s @param {string} productId */
function planTarget(ctx, s, productId) {
  const org = organizationOf(ctx);
  if (!org.customer_portal_settings.subscription.update_plan) {
    throw polarError(403, 'UpdateSubscriptionPlanNotAllowed', 'Updating subscription plan is not allowed.');
  }
  if (isEnded(s) || s.cancel_at_period_end) throw alreadyCanceled();
  if (!['active', 'trialing'].includes(s.status)) throw polarError(403, 'InactiveSubscription', `Subscription ${s.id} is not active.`);
  const target = ctx.state.products.get(productId);
  // subscription/service.py `validate_product_change`, check by check.
  const invalid = (/** @type {string} */ msg) => polarValidationError(['body', 'product_id'], msg, productId);
  if (!target || target.organization_id !== org.id) throw invalid('Product does not exist.');
  if (target.is_archived) throw invalid('Product is archived.');
  if (target.visibility !== 'public') throw invalid('Product visibility is not allowed.');
  if (!target.recurring_interval) throw invalid('Product is not recurring.');
  if (target.prices[0].price_currency !== s.currency) throw invalid("This product doesn't have a price for the subscription currency.");
  const current = ctx.state.products.get(s.product_id);
  if (isSeatBased(current) && !isSeatBased(target)) throw invalid("Can't switch from a seat-based to a non-seat-based product.");
  return { product: target, seats: isSeatBased(target) ? s.seats : null };
}

/** Guards shared by seat change and its preview. @param {import('../server.mjs').Ctx} ctx @param {any} s @param {number} seats */
function seatTarget(ctx, s, seats) {
  const org = organizationOf(ctx);
  if (!org.customer_portal_settings.subscription.update_seats) {
    throw polarError(403, 'UpdateSubscriptionSeatsNotAllowed', 'Updating subscription seats is not allowed.');
  }
  if (isEnded(s) || s.cancel_at_period_end) throw alreadyCanceled();
  const product = ctx.state.products.get(s.product_id);
  const price = product.prices.find((/** @type {any} */ p) => p.amount_type === 'seat_based');
  if (!price) throw polarError(400, 'NotASeatBasedSubscription', 'This subscription does not support seat-based pricing.');
  const { minimum_seats: min, maximum_seats: max } = price.seat_tiers;
  if (seats < min) throw polarError(400, 'BelowMinimumSeats', `Minimum ${min} seats required.`);
  if (max != null && seats > max) throw polarError(400, 'AboveMaximumSeats', `Maximum ${max} seats allowed.`);
  const assigned = [...ctx.state.seats.values()].filter((x) => x.subscription_id === s.id && x.status !== 'revoked').length;
  if (seats < assigned) {
    throw polarError(400, 'SeatsAlreadyAssigned', `Cannot decrease seats to ${seats}. Currently ${assigned} seats are assigned. Revoke seats first.`);
  }
  return { product, seats };
}

/**
 * How a change lands: seat decreases and `next_period` orgs wait for the period end;
 * everything else applies now with prorations (invoiced now, or added to the next invoice).
 * @param {import('../server.mjs').Ctx} ctx @param {any} s @param {{product: any, seats: number|null}} to
 */
function plan(ctx, s, to) {
  const from = { product: ctx.state.products.get(s.product_id), seats: s.seats };
  const behavior = organizationOf(ctx).proration_behavior;
  const customer = subject(ctx).customer;
  const rate = taxRate(customer);
  const seatDecrease = to.product.id === from.product.id && (to.seats ?? 0) < (from.seats ?? 0);
  if (seatDecrease || behavior === 'next_period') {
    return { mode: 'scheduled', preview: chargeBreakdown(periodAmount(to.product, to.seats), [], rate), prorations: [] };
  }
  if (behavior === 'reset') {
    const lines = prorations(s, from, to, ctx.now).slice(0, 1);
    return { mode: 'reset', preview: chargeBreakdown(periodAmount(to.product, to.seats), lines, rate), prorations: lines };
  }
  const lines = prorations(s, from, to, ctx.now);
  if (behavior === 'invoice') return { mode: 'invoice', preview: chargeBreakdown(0, lines, rate), prorations: lines };
  const carried = s.pending_prorations ?? [];
  return { mode: 'prorate', preview: chargeBreakdown(periodAmount(to.product, to.seats), [...carried, ...lines], rate), prorations: lines };
}

/** Apply a plan or seat change. @param {import('../server.mjs').Ctx} ctx @param {any} s @param {{product: any, seats: number|null}} to */
function applyChange(ctx, s, to) {
  const p = plan(ctx, s, to);
  const now = new Date(ctx.now).toISOString();
  if (p.mode === 'scheduled') {
    s.pending_update = { id: newId(), created_at: now, modified_at: null, applies_at: s.current_period_end, product_id: to.product.id === s.product_id ? null : to.product.id, seats: to.seats };
    return;
  }
  // An immediate charge without a payment method fails (order/service.py `PaymentFailed`).
  if (p.mode === 'invoice' && p.prorations.some((l) => l.amount > 0) && !subject(ctx).customer.default_payment_method_id) {
    throw polarError(402, 'PaymentFailed', 'Payment failed with reason: missing_payment_method.');
  }
  s.product_id = to.product.id;
  s.price_ids = to.product.prices.map((/** @type {any} */ x) => x.id);
  s.recurring_interval = to.product.recurring_interval;
  s.seats = to.seats;
  s.pending_update = null;
  if (p.mode === 'invoice') {
    const due = p.prorations.reduce((sum, l) => sum + l.amount, 0);
    if (due > 0) createOrder(ctx, s, 'subscription_update', p.prorations.map((l) => ({ ...l, proration: true })));
  } else if (p.mode === 'prorate') {
    s.pending_prorations = [...(s.pending_prorations ?? []), ...p.prorations];
  } else if (p.mode === 'reset') {
    s.current_period_start = now;
    s.current_period_end = addInterval(now, s.recurring_interval);
    createOrder(ctx, s, 'subscription_update', [{ label: to.product.name, amount: periodAmount(to.product, to.seats), proration: false }, ...p.prorations.map((l) => ({ ...l, proration: true }))]);
  }
}

/** @param {import('../server.mjs').Ctx} ctx @param {any} s @param {string|null} reason @param {string|null} comment */
function cancelAtPeriodEnd(ctx, s, reason, comment) {
  if (isEnded(s) || s.cancel_at_period_end) throw alreadyCanceled();
  s.cancel_at_period_end = true;
  s.canceled_at = new Date(ctx.now).toISOString();
  s.ends_at = s.current_period_end;
  s.pause_at_period_end = false;
  s.customer_cancellation_reason = reason;
  s.customer_cancellation_comment = comment;
}

/** @param {import('../server.mjs').Ctx} ctx @param {any} s */
function pauseAllowed(ctx, s) {
  if (!organizationOf(ctx).customer_portal_settings.subscription.pause) {
    throw polarError(403, 'PauseResumeNotAllowed', 'Pausing or resuming a subscription is not allowed.');
  }
  if (isEnded(s)) throw alreadyCanceled();
}

/** @param {import('../server.mjs').Ctx} ctx @param {any} s @param {any} body @param {any} raw */
function update(ctx, s, body, raw) {
  const now = new Date(ctx.now).toISOString();
  const keys = Object.keys(raw);
  if (keys.includes('product_id')) applyChange(ctx, s, planTarget(ctx, s, body.product_id));
  else if (keys.includes('seats')) {
    const to = seatTarget(ctx, s, body.seats);
    if (to.seats !== s.seats) applyChange(ctx, s, to);
    else s.pending_update = null;
  } else if (keys.includes('pause_at_period_end')) {
    pauseAllowed(ctx, s);
    if (body.pause_at_period_end) {
      if (s.status !== 'active' || s.cancel_at_period_end || s.pause_at_period_end) {
        throw polarError(409, 'CannotPauseSubscription', 'This subscription cannot be paused.');
      }
      if (body.resumes_at && Date.parse(body.resumes_at) <= Date.parse(s.current_period_end)) {
        throw polarValidationError(['body', 'resumes_at'], 'resumes_at must be after the current period end.', raw.resumes_at);
      }
      s.pause_at_period_end = true;
      s.resumes_at = body.resumes_at ? new Date(body.resumes_at).toISOString() : null;
    } else {
      if (!s.pause_at_period_end) throw polarError(409, 'NoScheduledPause', 'This subscription is not scheduled to be paused.');
      s.pause_at_period_end = false;
      s.resumes_at = null;
    }
  } else if (keys.includes('resume')) {
    pauseAllowed(ctx, s);
    if (s.status !== 'paused') throw polarError(409, 'NotPausedSubscription', 'This subscription is not paused.');
    requirePaymentMethod(ctx, s, 'resuming');
    s.status = 'active';
    s.paused_at = null;
    s.resumes_at = null;
    s.current_period_start = now;
    s.current_period_end = addInterval(now, s.recurring_interval);
    const product = ctx.state.products.get(s.product_id);
    createOrder(ctx, s, 'subscription_cycle', [{ label: product.name, amount: periodAmount(product, s.seats), proration: false }]);
  } else if (keys.includes('pending_update')) {
    if (!s.pending_update) throw polarValidationError(['body', 'pending_update'], 'This subscription has no pending update to clear.', null);
    s.pending_update = null;
  } else if (body.cancel_at_period_end === true) {
    cancelAtPeriodEnd(ctx, s, body.cancellation_reason ?? null, body.cancellation_comment ?? null);
  } else if (body.cancel_at_period_end === false) {
    if (isEnded(s)) throw alreadyCanceled();
    if (s.cancel_at_period_end) {
      requirePaymentMethod(ctx, s, 'uncancelling');
      s.cancel_at_period_end = false;
      s.canceled_at = null;
      s.ends_at = null;
      s.customer_cancellation_reason = null;
      s.customer_cancellation_comment = null;
    }
  } else {
    // Only feedback fields: stored on a subscription that is being canceled.
    if (s.cancel_at_period_end || isEnded(s)) {
      if ('cancellation_reason' in raw) s.customer_cancellation_reason = body.cancellation_reason;
      if ('cancellation_comment' in raw) s.customer_cancellation_comment = body.cancellation_comment;
    }
  }
  s.modified_at = now;
}

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: `${BASE}/`, gate: 'read',
    handler(ctx) {
      const q = ctx.query;
      const productIds = q.uuidList('product_id');
      const active = q.bool('active');
      const text = q.string('query')?.toLowerCase() ?? null;
      const p = q.pagination();
      const sorting = q.sorting(SORT_FIELDS, ['-started_at']);
      q.done();
      const { state } = ctx;
      const { customer } = subject(ctx);
      const name = (/** @type {any} */ s) => state.products.get(s.product_id).name;
      const all = [...state.subscriptions.values()]
        .filter((s) => s.customer_id === customer.id && s.started_at)
        .filter((s) => productIds.length === 0 || productIds.includes(s.product_id))
        .filter((s) => active === null || (active ? s.ended_at === null : s.ended_at !== null))
        .filter((s) => !text || name(s).toLowerCase().includes(text))
        .sort(comparator(sorting, {
          started_at: (s) => s.started_at, amount: (s) => periodAmount(state.products.get(s.product_id), s.seats), status: (s) => s.status,
          organization: (s) => state.organizations.get(state.products.get(s.product_id).organization_id).name, product: name,
        }));
      return { status: 200, body: paginate(all, p, (s) => ser.subscription(state, s)) };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}`, gate: 'read',
    handler: (ctx) => ({ status: 200, body: ser.subscription(ctx.state, ownSubscription(ctx, pathUuid('id', ctx.params.id))) }),
  },
  {
    method: 'PATCH', path: `${BASE}/{id}`, gate: 'billing',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const raw = await ctx.body();
      const body = validateBody('CustomerSubscriptionUpdate', raw);
      const s = ownSubscription(ctx, id);
      update(ctx, s, body, raw);
      return { status: 200, body: ser.subscription(ctx.state, s) };
    },
  },
  {
    method: 'DELETE', path: `${BASE}/{id}`, gate: 'billing',
    handler(ctx) {
      const s = ownSubscription(ctx, pathUuid('id', ctx.params.id));
      cancelAtPeriodEnd(ctx, s, null, null);
      s.modified_at = new Date(ctx.now).toISOString();
      return { status: 200, body: ser.subscription(ctx.state, s) };
    },
  },
  {
    method: 'POST', path: `${BASE}/{id}/revoke`, gate: 'billing',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const body = validateBody('CustomerSubscriptionRevoke', await ctx.body());
      const s = ownSubscription(ctx, id);
      if (isEnded(s)) throw alreadyCanceled();
      if (s.status !== 'past_due') throw polarError(409, 'RevokeNotAllowed', 'This subscription can only be revoked while it is past-due with no benefit grace period.');
      const now = new Date(ctx.now).toISOString();
      Object.assign(s, {
        status: 'canceled', cancel_at_period_end: false, canceled_at: now, ends_at: now, ended_at: now, modified_at: now,
        customer_cancellation_reason: body.cancellation_reason ?? null, customer_cancellation_comment: body.cancellation_comment ?? null, pending_update: null,
      });
      for (const g of ctx.state.grants.values()) if (g.subscription_id === s.id && !g.revoked_at) g.revoked_at = now;
      // SubscriptionCancelPreview.stops_collection: the pending order is voided, dunning stops.
      for (const o of ctx.state.orders.values()) {
        if (o.subscription_id === s.id && o.status === 'pending') Object.assign(o, { status: 'void', next_payment_attempt_at: null, modified_at: now });
      }
      return { status: 200, body: ser.subscription(ctx.state, s) };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/charge-preview`, gate: 'read',
    handler(ctx) {
      const s = ownSubscription(ctx, pathUuid('id', ctx.params.id));
      // customer_portal/endpoints/subscription.py `get_charge_preview`: active or trialing (even
      // when it ends at period end), or paused with a resume date; `ResourceNotFound()` otherwise.
      const resumable = s.status === 'paused' && !!s.resumes_at;
      if ((!['active', 'trialing'].includes(s.status) && !resumable) || ((s.cancel_at_period_end || s.ends_at) && s.ended_at)) throw notFound();
      const upd = s.pending_update;
      const product = ctx.state.products.get(upd?.product_id ?? s.product_id);
      const seats = upd?.seats ?? s.seats;
      return { status: 200, body: chargeBreakdown(periodAmount(product, seats), s.pending_prorations ?? [], taxRate(subject(ctx).customer)) };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/cancel-preview`, gate: 'read',
    handler(ctx) {
      const s = ownSubscription(ctx, pathUuid('id', ctx.params.id));
      if (isEnded(s)) throw notFound();
      // Canceling a past-due subscription stops dunning on what it still owes.
      const outstanding = [...ctx.state.orders.values()].filter((o) => o.subscription_id === s.id && o.status === 'pending')
        .reduce((sum, o) => sum + o.subtotal_amount + o.tax_amount, 0);
      return { status: 200, body: s.status === 'past_due' ? { stops_collection: true, outstanding_amount: outstanding } : { stops_collection: false, outstanding_amount: null } };
    },
  },
  {
    method: 'POST', path: `${BASE}/{id}/change-preview`, gate: 'billing',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const raw = /** @type {any} */ (await ctx.body());
      const body = validateBody('CustomerSubscriptionChangePreview', raw);
      const s = ownSubscription(ctx, id);
      const to = 'product_id' in raw ? planTarget(ctx, s, body.product_id) : seatTarget(ctx, s, body.seats);
      return { status: 200, body: plan(ctx, s, to).preview };
    },
  },
];
