// @ts-check
// Orders, invoices, receipts and payment status (billing-gated, §9.4).
import { validateBody, pathUuid, paginate, comparator } from '../validate.mjs';
import { polarError, notFound, polarValidationError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { subject, ownOrder } from './scope.mjs';

const BASE = '/v1/customer-portal/orders';

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
    handler: (ctx) => ({ status: 200, body: ser.order(ctx.state, ownOrder(ctx, pathUuid('id', ctx.params.id))) }),
  },
  {
    method: 'PATCH', path: `${BASE}/{id}`, gate: 'billing',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const body = validateBody('CustomerOrderUpdate', await ctx.body());
      const o = ownOrder(ctx, id);
      if (body.billing_address) {
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
      const o = ownOrder(ctx, pathUuid('id', ctx.params.id));
      if (!['paid', 'refunded', 'partially_refunded'].includes(o.status)) throw polarError(409, 'OrderNotEligibleForInvoice', 'This order is not eligible for an invoice: it is not paid.');
      if (!o.billing_name || !o.billing_address) throw polarError(422, 'MissingInvoiceBillingDetails', 'Billing name and address are required to generate an invoice.');
      o.is_invoice_generated = true; // generation is instant here; Polar does it in a worker
      o.modified_at = new Date(ctx.now).toISOString();
      return { status: 202, body: null };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/invoice`, gate: 'billing',
    handler(ctx) {
      const o = ownOrder(ctx, pathUuid('id', ctx.params.id));
      if (!o.is_invoice_generated) throw notFound('Invoice not found');
      return { status: 200, body: { url: `${ctx.origin}/__sandbox/files/${o.id}/invoice-${o.invoice_number}.pdf` } };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/receipt`, gate: 'billing',
    handler(ctx) {
      const o = ownOrder(ctx, pathUuid('id', ctx.params.id));
      if (!o.receipt_number) throw notFound('Receipt not found');
      return { status: 200, body: { url: `${ctx.origin}/__sandbox/files/${o.id}/receipt-${o.receipt_number}.pdf` } };
    },
  },
  {
    method: 'GET', path: `${BASE}/{id}/payment-status`, gate: 'billing',
    handler(ctx) {
      const o = ownOrder(ctx, pathUuid('id', ctx.params.id));
      if (o.subtotal_amount + o.tax_amount === 0) return { status: 200, body: { status: 'no_payment', error: null } };
      if (o.status === 'pending') return { status: 200, body: o.payment_error ? { status: 'failed', error: o.payment_error } : { status: 'pending', error: null } };
      return { status: 200, body: { status: 'succeeded', error: null } };
    },
  },
];
