// @ts-check
// Orders, invoices, receipts and payments (billing-gated, §9.4), as Polar's
// server/polar/customer_portal/endpoints/order.py, order/service.py, invoice/service.py,
// receipt/service.py and the Stripe webhook handlers behave: the request answers at once, the
// work happens in the background, and the customer's event stream says when it is done.
import { randomBytes } from 'node:crypto';
import { validateBody, pathUuid, paginate, comparator } from '../validate.mjs';
import { polarError, polarValidationErrors } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { invoiceChecksum, invoiceOf } from '../seed.mjs';
import { newId } from '../ids.mjs';
import { subject, ownOrder } from './scope.mjs';
import { normalizeAddress, cardOf } from './customers.mjs';

const BASE = '/v1/customer-portal/orders';
/** `CUSTOMER_RETRY_MAX_ATTEMPTS` (server/polar/config.py). */
export const MANUAL_RETRIES = 5;

/**
 * What Stripe does with a charge on each test card (Stripe's own test numbers): `…3184` asks for
 * 3-D Secure, `…0341` and `…9995` are declined with Stripe's messages, the rest succeed.
 * @param {{last4?: string|null}|null|undefined} card
 * @returns {{outcome: 'succeeded'|'requires_action'|'failed', error?: string}}
 */
function chargeOutcome(card) {
  if (card?.last4 === '3184') return { outcome: 'requires_action' };
  if (card?.last4 === '0341') return { outcome: 'failed', error: 'Your card was declined.' };
  if (card?.last4 === '9995') return { outcome: 'failed', error: 'Your card has insufficient funds.' };
  return { outcome: 'succeeded' };
}

/**
 * Stripe's `charge.succeeded` / `charge.failed` webhook, handled by Polar: a Payment record, then
 * the order paid (its past-due subscription active again) or the payment lock released
 * (order/service.py `handle_payment`, `handle_payment_failure` with `skip_dunning` for manual retries).
 * @param {import('../server.mjs').World} world @param {string} orderId @param {{status: 'succeeded'|'failed', error?: string|null}} result
 */
export function paymentWebhook(world, orderId, result) {
  const { state } = world;
  const o = state.orders.get(orderId);
  if (!o) return;
  const now = new Date(world.now()).toISOString();
  const id = newId();
  state.payments.set(id, { id, order_id: o.id, status: result.status, decline_message: result.error ?? null, trigger: 'retry_customer', created_at: now });
  o.payment_lock_acquired_at = null;
  o.modified_at = now;
  if (result.status === 'failed' || o.status !== 'pending') return;
  o.status = 'paid';
  o.next_payment_attempt_at = null;
  o.receipt_number ??= `${o.invoice_number}-R`;
  const sub = o.subscription_id && state.subscriptions.get(o.subscription_id);
  if (sub && sub.status === 'past_due') Object.assign(sub, { status: 'active', past_due_at: null, modified_at: now });
}

/** @param {import('../server.mjs').Ctx} ctx @param {string} id */
const own = (ctx, id) => ownOrder(ctx, pathUuid('id', id));

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: `${BASE}/`, gate: 'billing',
    handler(ctx) {
      const q = ctx.query;
      const productIds = q.uuidList('product_id');
      const billingTypes = q.enumList('product_billing_type', ['one_time', 'recurring']);
      const subscriptionIds = q.uuidList('subscription_id');
      const text = q.string('query')?.toLowerCase() ?? null;
      const p = q.pagination();
      const sorting = q.sorting(['created_at', 'amount', 'net_amount', 'product', 'subscription'], ['-created_at']);
      q.done();
      const { state } = ctx;
      const { customer } = subject(ctx);
      const product = (/** @type {any} */ o) => (o.product_id ? state.products.get(o.product_id) : null);
      const all = [...state.orders.values()]
        .filter((o) => o.customer_id === customer.id)
        .filter((o) => productIds.length === 0 || productIds.includes(o.product_id))
        .filter((o) => billingTypes.length === 0 || billingTypes.includes(product(o)?.recurring_interval ? 'recurring' : 'one_time'))
        .filter((o) => subscriptionIds.length === 0 || subscriptionIds.includes(o.subscription_id))
        .filter((o) => !text || `${o.description} ${product(o)?.name ?? ''} ${o.invoice_number ?? ''}`.toLowerCase().includes(text))
        .sort(comparator(sorting, {
          created_at: (o) => o.created_at, amount: (o) => o.subtotal_amount + o.tax_amount, net_amount: (o) => o.subtotal_amount - o.discount_amount,
          product: (o) => product(o)?.name ?? null, subscription: (o) => o.subscription_id,
        }));
      return { status: 200, body: paginate(all, p, (o) => ser.order(state, o)) };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}`, gate: 'billing',
    handler: (ctx) => ({ status: 200, body: ser.order(ctx.state, own(ctx, ctx.params.id)) }),
  },
  {
    method: 'PATCH', path: `${BASE}/{id}`, gate: 'billing',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const body = validateBody('CustomerOrderUpdate', await ctx.body());
      const o = ownOrder(ctx, id);
      if (body.billing_address) {
        body.billing_address = normalizeAddress(body.billing_address);
        // order/service.py `update`: tax was computed for the original location, so country and
        // state are fixed; both errors are reported together.
        const before = o.billing_address;
        /** @type {import('../http.mjs').FieldError[]} */
        const errors = [];
        if (before && before.country !== body.billing_address.country) errors.push({ type: 'value_error', loc: ['body', 'billing_address', 'country'], msg: 'Country cannot be changed', input: body.billing_address.country });
        if (before && (before.state ?? null) !== (body.billing_address.state ?? null)) errors.push({ type: 'value_error', loc: ['body', 'billing_address', 'state'], msg: 'State cannot be changed', input: body.billing_address.state ?? null });
        if (errors.length) throw polarValidationErrors(errors);
        o.billing_address = { line1: null, line2: null, postal_code: null, city: null, state: null, ...body.billing_address };
      }
      if ('billing_name' in body) o.billing_name = body.billing_name;
      o.modified_at = new Date(ctx.now).toISOString();
      return { status: 200, body: ser.order(ctx.state, o) };
    },
  },
  {
    method: 'POST', path: `${BASE}/{id}/invoice`, gate: 'billing',
    handler(ctx) {
      const o = own(ctx, ctx.params.id);
      // order/service.py `trigger_invoice_generation`: only drafts and voided orders are refused.
      if (o.status === 'draft' || o.status === 'void') throw polarError(409, 'OrderNotEligibleForInvoice', `Order ${o.id} is not eligible for invoice generation (current status: ${o.status}).`);
      if (!o.billing_name || !o.billing_address) throw polarError(422, 'MissingInvoiceBillingDetails', 'Billing name and address are required to generate an invoice for this order.');
      // Nothing changed since the last one: the job is not even queued, and no event follows.
      if (o.invoice && o.invoice.checksum === invoiceChecksum(o)) return { status: 202, body: null };
      const { world } = ctx;
      // `order.invoice` job: renders the PDF under the same name, replacing the old file only
      // when done; until then GET …/invoice still hands out the old one.
      world.background.enqueue(() => {
        o.invoice = invoiceOf(o.invoice_number, o.billing_name, o.billing_address);
        o.modified_at = new Date(world.now()).toISOString();
        world.background.publish(o.customer_id, 'order.invoice_generated', { order_id: o.id });
      });
      return { status: 202, body: null };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/invoice`, gate: 'billing',
    handler(ctx) {
      const o = own(ctx, ctx.params.id);
      if (!o.invoice) throw polarError(404, 'InvoiceDoesNotExist', `No invoice exists for order ${o.id}.`);
      return { status: 200, body: { url: `${ctx.origin}/__sandbox/files/${o.id}/${o.invoice.path}?signature=${randomBytes(8).toString('hex')}` } };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/receipt`, gate: 'billing',
    handler(ctx) {
      const o = own(ctx, ctx.params.id);
      if (!o.receipt_number) throw polarError(404, 'ReceiptNotAllocated', `No receipt allocated for order ${o.id}.`);
      if (o.receipt_ready) return { status: 200, body: { url: `${ctx.origin}/__sandbox/files/${o.id}/Receipt-${o.receipt_number}.pdf` } };
      // receipt/service.py `get_pdf_url_or_status`: queue the render, answer 202 with no body.
      if (!o.receipt_rendering) {
        o.receipt_rendering = true;
        const { world } = ctx;
        world.background.enqueue(() => {
          o.receipt_ready = true;
          o.receipt_rendering = false;
          world.background.publish(o.customer_id, 'order.receipt_generated', { order_id: o.id });
        });
      }
      return { status: 202 };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/payment-status`, gate: 'billing',
    handler(ctx) {
      const o = own(ctx, ctx.params.id);
      // The newest Payment record (payment/repository.py `get_latest_for_order`). Records come
      // from Stripe's webhooks, so right after a retry this can still be an older attempt.
      const latest = [...ctx.state.payments.values()].filter((p) => p.order_id === o.id).sort((a, b) => (a.created_at < b.created_at ? 1 : -1))[0];
      return { status: 200, body: latest ? { status: latest.status, error: latest.decline_message ?? null } : { status: 'no_payment', error: null } };
    },
  },
  {
    method: 'POST', path: `${BASE}/{id}/confirm-payment`, gate: 'billing',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const body = validateBody('CustomerOrderConfirmPayment', await ctx.body());
      const o = ownOrder(ctx, id);
      const { customer } = subject(ctx);
      const { world, state } = ctx;
      // order/service.py `process_retry_payment`, its checks in its order.
      const notEligible = () => polarError(422, 'OrderNotEligibleForRetry', `Order ${o.id} is not eligible for payment retry.`);
      if (o.status !== 'pending' || !o.next_payment_attempt_at || !o.subscription_id) throw notEligible();
      if (o.payment_lock_acquired_at) throw polarError(409, 'PaymentAlreadyInProgress', `Payment for order ${o.id} is already in progress`);
      if (body.payment_processor && body.payment_processor !== 'stripe') throw notEligible();
      const retryError = (/** @type {string} */ detail) => polarError(422, 'PaymentRetryValidationError', detail);
      if (!body.confirmation_token_id && !body.payment_method_id) throw retryError('Either confirmation_token_id or payment_method_id must be provided');
      if (body.confirmation_token_id && body.payment_method_id) throw retryError('Only one of confirmation_token_id or payment_method_id can be provided');
      const attempts = [...state.payments.values()].filter((p) => p.order_id === o.id && p.trigger === 'retry_customer').length;
      if (attempts >= MANUAL_RETRIES) throw polarError(429, 'ManualRetryLimitExceeded', `Maximum number of manual payment retry attempts has been reached for order ${o.id}.`);
      /** @type {any} */
      let card;
      if (body.payment_method_id) {
        const pm = state.paymentMethods.get(body.payment_method_id);
        if (!pm || pm.customer_id !== customer.id) throw retryError('Payment method does not belong to customer');
        card = pm.card;
      } else {
        card = cardOf(body.confirmation_token_id);
        // Stripe refuses an unknown token; Polar turns any StripeError into a failed outcome.
        if (!card) return { status: 200, body: { status: 'failed', client_secret: null, error: `No such confirmationtoken: '${body.confirmation_token_id}'` } };
      }
      const { outcome, error } = chargeOutcome(card);
      const now = new Date(ctx.now).toISOString();
      if (outcome === 'failed') {
        // Stripe raises a CardError on the confirming create: the lock is released at once, and
        // the failed charge still reaches Polar as a webhook (it counts as an attempt).
        world.background.enqueue(() => paymentWebhook(world, o.id, { status: 'failed', error }));
        return { status: 200, body: { status: 'failed', client_secret: null, error } };
      }
      // The lock stays until Stripe's webhook (or, for an abandoned 3-D Secure, the stale-lock
      // cron after PAYMENT_LOCK_STALE_THRESHOLD) releases it.
      o.payment_lock_acquired_at = now;
      if (outcome === 'succeeded') {
        world.background.enqueue(() => paymentWebhook(world, o.id, { status: 'succeeded' }));
        return { status: 200, body: { status: 'succeeded', client_secret: null, error: null } };
      }
      const intent = `pi_${randomBytes(12).toString('hex')}`;
      const clientSecret = `${intent}_secret_${randomBytes(12).toString('hex')}`;
      state.paymentIntents.set(intent, { id: intent, client_secret: clientSecret, order_id: o.id, status: 'requires_action', amount: ser.order(state, o).due_amount, currency: o.currency });
      const stale = (world.config.payment_lock_stale_seconds ?? 3600) * 1000;
      world.background.enqueue(() => {
        const pi = state.paymentIntents.get(intent);
        if (pi?.status === 'requires_action' && o.payment_lock_acquired_at === now) {
          pi.status = 'canceled';
          o.payment_lock_acquired_at = null;
        }
      }, stale);
      return { status: 200, body: { status: 'requires_action', client_secret: clientSecret, error: null } };
    },
  },
];
