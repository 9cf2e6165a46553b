import type { components } from '../api/schema.js';
import { PortalApiError } from '../api/errors.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

type Schemas = components['schemas'];
export type Order = Schemas['CustomerOrder'];
export type OrderList = Schemas['ListResource_CustomerOrder_'];
export type PaymentStatus = Schemas['CustomerOrderPaymentStatus'];

/** `orders:<subscription|all>:<limit>:<page>`; `invalidate(ORDERS)` refreshes every page. */
export const ORDERS = 'orders';
export const orderKey = (id: string) => `order:${id}`;
const ORDER = '/v1/customer-portal/orders/{id}' as const;

export const ordersKey = (page: number, limit: number, subscriptionId?: string) => `${ORDERS}:${subscriptionId || 'all'}:${limit}:${page}`;
export const ordersFetcher = (scope: PortalScope, page: number, limit: number, subscriptionId?: string) => (signal: AbortSignal) =>
  scope.api.get('/v1/customer-portal/orders/', { query: { page, limit, subscription_id: subscriptionId || undefined }, signal });
export const orderFetcher = (scope: PortalScope, id: string) => (signal: AbortSignal) => scope.api.get(ORDER, { path: { id }, signal });
export const orderResource = (scope: PortalScope, id: string): Resource<Order> => scope.resources.get(orderKey(id), orderFetcher(scope, id));

/** Polar's statuses for an order that will take a card payment now (a retry is scheduled). */
export const canPayNow = (o: Order): boolean => o.status === 'pending' && !!o.next_payment_attempt_at && !!o.subscription_id;
export const hasInvoice = (o: Order): boolean => ['paid', 'refunded', 'partially_refunded'].includes(o.status);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new PortalApiError({ kind: 'aborted', message: 'Stopped waiting.' }));
    });
  });

/**
 * Asks `attempt` every `every` ms until it returns a value or `timeoutMs` passed (then
 * undefined). For work Polar does in the background: invoices, receipts, payments.
 */
export async function waitFor<T>(
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
export const invoiceUrl = (scope: PortalScope, id: string, signal: AbortSignal) =>
  scope.api.get(`${ORDER}/invoice`, { path: { id }, signal }).then(
    (r) => r.url,
    (e: PortalApiError) => {
      if (e.status === 404) return undefined;
      throw e;
    },
  );

/** The receipt's URL; undefined while Polar answers 202 (still rendering). */
export const receiptUrl = (scope: PortalScope, id: string, signal: AbortSignal) =>
  scope.api.get(`${ORDER}/receipt`, { path: { id }, signal }).then((r) => (r as { url?: string } | undefined)?.url);

/** The payment's outcome once it settled; undefined while it is still processing. */
export const settledPayment = (scope: PortalScope, id: string, signal: AbortSignal) =>
  scope.api
    .get(`${ORDER}/payment-status`, { path: { id }, signal })
    .then((r) => (r.status === 'pending' || r.status === 'processing' ? undefined : r));
