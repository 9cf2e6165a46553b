import { sleep } from '../api/client.js';
import type { PortalApiError } from '../api/errors.js';
import type { components } from '../api/schema.js';
import { ORDER, ORDERS, SUBSCRIPTIONS } from './keys.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

type Schemas = components['schemas'];
export type Order = Schemas['CustomerOrder'];
export type OrderList = Schemas['ListResource_CustomerOrder_'];
export type PaymentStatus = Schemas['CustomerOrderPaymentStatus'];
export type OrderUpdate = Schemas['CustomerOrderUpdate'];

export { ORDER, ORDERS };
const orderKey = (id: string) => `${ORDER}:${id}`;
const PATH = '/v1/customer-portal/orders/{id}' as const;

export interface OrdersQuery {
  page: number;
  limit: number;
  subscriptionId?: string;
}

/** One page of orders (`orders:<subscription|all>:<limit>:<page>`). */
export const ordersResource = (scope: PortalScope, q: OrdersQuery): Resource<OrderList> =>
  scope.resources.get(`${ORDERS}:${q.subscriptionId || 'all'}:${q.limit}:${q.page}`, (signal) =>
    scope.api.get('/v1/customer-portal/orders/', { query: { page: q.page, limit: q.limit, subscription_id: q.subscriptionId || undefined }, signal }),
  );

export const orderResource = (scope: PortalScope, id: string): Resource<Order> =>
  scope.resources.get(orderKey(id), (signal) => scope.api.get(PATH, { path: { id }, signal }));

/** Polar's statuses for an order that will take a card payment now (a retry is scheduled). */
export const canPayNow = (o: Order): boolean => o.status === 'pending' && !!o.next_payment_attempt_at && !!o.subscription_id;
export const hasInvoice = (o: Order): boolean => ['paid', 'refunded', 'partially_refunded'].includes(o.status);

/**
 * Asks `attempt` every `every` ms until it returns a value or `timeoutMs` passed (then
 * undefined). For work Polar does in the background: invoices, receipts, payments.
 */
async function waitFor<T>(
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
  signal: AbortSignal,
  every = 1000,
): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() + every > end) return undefined;
    await sleep(every, signal);
  }
}

/** The invoice's download URL once generated; undefined while Polar still renders it (404). */
const invoiceUrl = (scope: PortalScope, id: string, signal: AbortSignal) =>
  scope.api.get(`${PATH}/invoice`, { path: { id }, signal }).then(
    (r) => r.url,
    (e: PortalApiError) => {
      if (e.status === 404) return undefined;
      throw e;
    },
  );

/** The receipt's URL; undefined while Polar answers 202 (still rendering). */
const receiptUrl = (scope: PortalScope, id: string, signal: AbortSignal) =>
  scope.api.get(`${PATH}/receipt`, { path: { id }, signal }).then((r) => (r as { url?: string } | undefined)?.url);

/** The receipt's or invoice's download URL, waiting at most `timeoutMs` while Polar renders it. */
export const documentUrl = (scope: PortalScope, kind: 'receipt' | 'invoice', id: string, timeoutMs: number, signal: AbortSignal) =>
  waitFor(() => (kind === 'receipt' ? receiptUrl : invoiceUrl)(scope, id, signal), timeoutMs, signal);

/** Saves the billing name and address an invoice is made out to; the order shows them at once. */
export async function updateOrderBilling(scope: PortalScope, id: string, body: OrderUpdate): Promise<Order> {
  const order = await scope.api.patch(PATH, { path: { id }, body });
  scope.resources.update<Order>(orderKey(id), () => order);
  return order;
}

/**
 * Asks Polar to (re)generate the invoice and waits for its URL, at most `timeoutMs`; then
 * the order lists refresh (`is_invoice_generated`). Undefined when it took too long.
 */
export async function generateInvoice(scope: PortalScope, id: string, timeoutMs: number, signal: AbortSignal, again = false) {
  if (!again) await scope.api.post(`${PATH}/invoice`, { path: { id } });
  const url = await waitFor(() => invoiceUrl(scope, id, signal), timeoutMs, signal);
  if (url) void scope.resources.invalidate(ORDERS, orderKey(id));
  return url;
}

/**
 * Charges a saved payment method for a pending order, then waits (at most a minute) for the
 * payment to settle. Undefined when it is still processing; a paid order refreshes the orders
 * and the subscription it renews.
 */
export async function payOrder(scope: PortalScope, id: string, paymentMethodId: string, signal: AbortSignal, onStarted: () => void) {
  try {
    await scope.api.post(`${PATH}/confirm-payment`, { path: { id }, body: { payment_method_id: paymentMethodId, payment_processor: 'stripe' } });
  } catch (error) {
    // One already running: follow it rather than report it.
    if ((error as PortalApiError).code !== 'PaymentAlreadyInProgress') throw error;
  }
  onStarted();
  const settled = () =>
    scope.api.get(`${PATH}/payment-status`, { path: { id }, signal }).then((r) => (r.status === 'pending' || r.status === 'processing' ? undefined : r));
  const outcome = await waitFor(settled, 60_000, signal);
  if (outcome?.status === 'succeeded' || outcome?.status === 'no_payment') void scope.resources.invalidate(ORDERS, orderKey(id), SUBSCRIPTIONS);
  return outcome;
}
