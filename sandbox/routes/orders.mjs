// @ts-check
// Orders, invoices, receipts and payment status (billing-gated, §9.4).
import { validateBody, pathUuid, paginate, comparator } from '../validate.mjs';
import { polarError, notFound, polarValidationError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { subject, ownOrder } from './scope.mjs';
import { normalizeAddress, cardOf } from './customers.mjs';

const BASE = '/v1/customer-portal/orders';
/** Invoices, receipts and payments take this long, as Polar's workers and Stripe do (ms). */
export const WORK_MS = 700;
/** Manual payment retries allowed per order before 429 ManualRetryLimitExceeded. */
const MANUAL_RETRIES = 3;

/**
 * Applies work that finished since the last request: a generated invoice, a settled payment.
 * @param {import('../server.mjs').Ctx} ctx @param {any} o
 */
function settle(ctx, o) {
  if (o.invoice_ready_at && ctx.now >= o.invoice_ready_at) {
    o.is_invoice_generated = true;
    o.invoice_ready_at = null;
  }
  const pay = o.payment;
  if (pay && ctx.now >= pay.settles_at) {
    o.payment = null;
    o.modified_at = new Date(pay.settles_at).toISOString();
    if (pay.error) {
      o.payment_error = pay.error;
      return o;
    }
    o.status = 'paid';
    o.payment_error = null;
    o.next_payment_attempt_at = null;
    o.receipt_number ??= `${o.invoice_number}-R`;
    // A paid renewal brings its past-due subscription back (Polar's order.paid handling).
    const sub = o.subscription_id && ctx.state.subscriptions.get(o.subscription_id);
    if (sub && sub.status === 'past_due') Object.assign(sub, { status: 'active', past_due_at: null });
  }
  return o;
}
/** @param {import('../server.mjs').Ctx} ctx @param {string} id */
const own = (ctx, id) => settle(ctx, ownOrder(ctx, pathUuid('id', id)));

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
        .map((o) => settle(ctx, o))
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
        // Tax was computed for the original location, so country and state are fixed.
        const before = o.billing_address;
        if (before && before.country !== body.billing_address.country) throw polarValidationError(['body', 'billing_address', 'country'], 'Country cannot be changed.', body.billing_address.country);
        if (before && (before.state ?? null) !== (body.billing_address.state ?? null)) throw polarValidationError(['body', 'billing_address', 'state'], 'State cannot be changed.', body.billing_address.state ?? null);
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
      if (!['paid', 'refunded', 'partially_refunded'].includes(o.status)) throw polarError(409, 'OrderNotEligibleForInvoice', 'This order is not eligible for an invoice: it is not paid.');
      if (!o.billing_name || !o.billing_address) throw polarError(422, 'MissingInvoiceBillingDetails', 'Billing name and address are required to generate an invoice.');
      // A worker renders it (again, after "Edit invoice"); GET answers 404 until it is done.
      o.is_invoice_generated = false;
      o.invoice_ready_at = ctx.now + WORK_MS;
      o.modified_at = new Date(ctx.now).toISOString();
      return { status: 202, body: null };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/invoice`, gate: 'billing',
    handler(ctx) {
      const o = own(ctx, ctx.params.id);
      if (!o.is_invoice_generated) throw notFound('Invoice not found');
      return { status: 200, body: { url: `${ctx.origin}/__sandbox/files/${o.id}/invoice-${o.invoice_number}.pdf` } };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/receipt`, gate: 'billing',
    handler(ctx) {
      const o = own(ctx, ctx.params.id);
      if (!o.receipt_number) throw notFound('Receipt not found');
      // Rendered on first request: 202 with an empty body until the PDF exists.
      o.receipt_ready_at ??= ctx.now + WORK_MS;
      if (ctx.now < o.receipt_ready_at) return { status: 202 };
      return { status: 200, body: { url: `${ctx.origin}/__sandbox/files/${o.id}/receipt-${o.receipt_number}.pdf` } };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/payment-status`, gate: 'billing',
    handler(ctx) {
      const o = own(ctx, ctx.params.id);
      if (o.subtotal_amount + o.tax_amount === 0) return { status: 200, body: { status: 'no_payment', error: null } };
      if (o.payment) return { status: 200, body: { status: 'pending', error: null } };
      if (o.status === 'pending') return { status: 200, body: o.payment_error ? { status: 'failed', error: o.payment_error } : { status: 'pending', error: null } };
      return { status: 200, body: { status: 'succeeded', error: null } };
    },
  },
  {
    method: 'POST', path: `${BASE}/{id}/confirm-payment`, gate: 'billing',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const raw = /** @type {any} */ (await ctx.body());
      const body = validateBody('CustomerOrderConfirmPayment', raw);
      const o = own(ctx, id);
      const { customer } = subject(ctx);
      if (o.status !== 'pending' || !o.next_payment_attempt_at) throw polarError(422, 'OrderNotEligibleForRetry', `Order ${o.id} is not eligible for payment retry.`);
      if (o.payment) throw polarError(409, 'PaymentAlreadyInProgress', 'A payment is already in progress for this order.');
      /** @type {any} */
      let card;
      if (body.payment_method_id) {
        const pm = ctx.state.paymentMethods.get(body.payment_method_id);
        if (!pm || pm.customer_id !== customer.id) throw polarValidationError(['body', 'payment_method_id'], 'Payment method does not exist.', raw.payment_method_id);
        card = pm.card ?? { last4: '' };
      } else if (body.confirmation_token_id) {
        card = cardOf(body.confirmation_token_id);
        if (!card) throw polarValidationError(['body', 'confirmation_token_id'], 'Invalid confirmation token.', body.confirmation_token_id);
      } else {
        throw polarValidationError(['body'], 'Either confirmation_token_id or payment_method_id must be provided.', raw);
      }
      if ((o.manual_retries ?? 0) >= MANUAL_RETRIES) {
        throw polarError(429, 'ManualRetryLimitExceeded', 'Maximum number of manual payment retries reached for this order. It will be retried automatically.');
      }
      o.manual_retries = (o.manual_retries ?? 0) + 1;
      // Stripe's test cards: ...0341 attaches but its charges fail, ...9995 has insufficient funds.
      const error = card.last4 === '0341' ? 'Your card was declined.' : card.last4 === '9995' ? 'Your card has insufficient funds.' : null;
      o.payment = { settles_at: ctx.now + WORK_MS, error };
      return { status: 200, body: { status: 'processing', client_secret: null, error: null } };
    },
  },
];
