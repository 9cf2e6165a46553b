import { sleep } from '../api/client.js';
import { loadStripe, stripeJsUrl } from '../internal/stripe.js';
import { embedOrigin } from './billing.js';
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

/** Polar retries a failed renewal by hand only while it has one scheduled (order/service.py `process_retry_payment`). */
export const canPayNow = (o: Order): boolean => o.status === 'pending' && !!o.next_payment_attempt_at && !!o.subscription_id;
/**
 * The order each past-due subscription's customer can pay now, by subscription id: Polar's
 * hosted portal offers "Retry payment" with the newest pending order of the subscription
 * (clients/apps/web/src/components/CustomerPortal/CustomerPortalSubscriptions.tsx). One request
 * for them all: `subscription_id` takes several, and the newest orders come first.
 */
export const payableOrdersResource = (scope: PortalScope, subscriptionIds: string[]): Resource<Map<string, Order>> =>
  scope.resources.get(`${ORDERS}:payable:${subscriptionIds.join()}`, async (signal) => {
    const list = await scope.api.get('/v1/customer-portal/orders/', { query: { subscription_id: subscriptionIds, limit: 100 }, signal });
    const payable = new Map<string, Order>();
    for (const o of list.items) if (canPayNow(o) && !payable.has(o.subscription_id!)) payable.set(o.subscription_id!, o);
    return payable;
  });

/** Polar makes invoices for every order but drafts and voided ones (order/service.py `trigger_invoice_generation`). */
export const hasInvoice = (o: Order): boolean => o.status !== 'draft' && o.status !== 'void';

/**
 * Asks `attempt` every `every` ms until it returns a value or `timeoutMs` passed (then
 * undefined). For work Polar does in the background, when its event stream cannot say.
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

/** The invoice's download URL; undefined while none exists yet (404). */
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

/**
 * Runs `cause` (the request that starts Polar's background work on an order, true when there is
 * nothing to wait for), then waits until the customer stream says `key` for the order, or, while
 * the stream is not connected, until `check` finds the work done (asked every 2 s): at most
 * `timeoutMs`. Listening starts before `cause`, so a fast event is not missed. With `checkFirst`
 * the work may have finished before (a retry after a time-out): `check` is asked once at once.
 * True when done.
 */
async function afterWork(
  scope: PortalScope,
  key: string,
  id: string,
  cause: () => Promise<boolean>,
  check: () => Promise<boolean>,
  timeoutMs: number,
  signal: AbortSignal,
  checkFirst = false,
): Promise<boolean> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  signal.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, timeoutMs);
  try {
    const heard = scope.stream.next(key, (p) => p.order_id === id, stop.signal).then(() => true, () => false);
    if ((await cause()) || (checkFirst && (await check()))) return true;
    const polled = (async () => {
      while (!stop.signal.aborted) {
        await sleep(2000, stop.signal).catch(() => undefined);
        if (!stop.signal.aborted && !scope.stream.connected && (await check().catch(() => false))) return true;
      }
      return false;
    })();
    // The first to find it done wins; both give up when the time is up.
    return await new Promise<boolean>((resolve) => {
      for (const way of [heard, polled]) void way.then((done) => (done || stop.signal.aborted) && resolve(done));
    });
  } finally {
    clearTimeout(timer);
    stop.abort();
    signal.removeEventListener('abort', abort);
  }
}

/** The receipt's download URL, once Polar rendered it (at most `timeoutMs`); undefined when it took too long. */
export async function receipt(scope: PortalScope, id: string, timeoutMs: number, signal: AbortSignal) {
  let url: string | undefined;
  const ask = async () => !!(url = await receiptUrl(scope, id, signal));
  const done = await afterWork(scope, 'order.receipt_generated', id, ask, ask, timeoutMs, signal);
  return url ?? (done ? receiptUrl(scope, id, signal) : undefined);
}

/** The current invoice's download URL; undefined when the order has none. */
export const invoice = (scope: PortalScope, id: string, signal: AbortSignal) => invoiceUrl(scope, id, signal);

/** Saves the billing name and address an invoice is made out to; the order shows them at once. */
export async function updateOrderBilling(scope: PortalScope, id: string, body: OrderUpdate): Promise<Order> {
  const order = await scope.api.patch(PATH, { path: { id }, body });
  scope.resources.update<Order>(orderKey(id), () => order);
  return order;
}

/**
 * Has Polar (re)generate an order's invoice and returns its URL once the new file exists, or
 * undefined after `timeoutMs`. Polar renders it in the background and, until then, still hands
 * out the previous file under the same name; it does nothing when the details did not change
 * since the last invoice (order/service.py `trigger_invoice_generation`). So the wait is for the
 * stream's `order.invoice_generated` (listened for before asking), or, without the stream, for
 * the order to change after `order` (the answer of the last PATCH) was read.
 */
export async function generateInvoice(scope: PortalScope, order: Order, changed: boolean, timeoutMs: number, signal: AbortSignal) {
  const { id } = order;
  const expect = !order.is_invoice_generated || changed;
  const generate = async () => {
    await scope.api.post(`${PATH}/invoice`, { path: { id } });
    return !expect;
  };
  const regenerated = async () => {
    const now = await scope.api.get(PATH, { path: { id }, signal });
    return now.is_invoice_generated && now.modified_at !== order.modified_at;
  };
  if (!(await afterWork(scope, 'order.invoice_generated', id, generate, regenerated, timeoutMs, signal, true))) return undefined;
  void scope.resources.invalidate(orderKey(id));
  return invoiceUrl(scope, id, signal);
}

export type PaymentOutcome =
  | { status: 'succeeded' }
  | { status: 'failed'; error: string | null }
  | { status: 'requires_action'; clientSecret: string };

/**
 * Charges a saved payment method for a pending order now. Polar answers with the outcome
 * (order/service.py `process_retry_payment`): `succeeded` (the order turns paid a moment later,
 * when Stripe's webhook reaches Polar), `failed` with the bank's message, or `requires_action`
 * with the client secret of a 3-D Secure check. `payment-status` is not read: it shows the
 * newest Payment record, which can be an older attempt until the webhook lands.
 */
export async function payOrder(scope: PortalScope, id: string, paymentMethodId: string): Promise<PaymentOutcome> {
  const r = await scope.api.post(`${PATH}/confirm-payment`, { path: { id }, body: { payment_method_id: paymentMethodId, payment_processor: 'stripe' } });
  if (r.status === 'succeeded') {
    paid(scope, id);
    return { status: 'succeeded' };
  }
  if (r.status === 'requires_action' && r.client_secret) return { status: 'requires_action', clientSecret: r.client_secret };
  return { status: 'failed', error: r.error ?? null };
}

/**
 * A payment went through: the orders and the subscription it renews refresh now and again
 * until Polar has recorded it (the order turns paid when Stripe's webhook lands).
 */
export function paid(scope: PortalScope, id: string): void {
  const refresh = () => scope.resources.invalidate(ORDERS, orderKey(id), SUBSCRIPTIONS);
  void refresh();
  void waitFor(async () => ((await scope.api.get(PATH, { path: { id } })).status === 'pending' ? undefined : true), 60_000, new AbortController().signal, 2000).then(
    (done) => done && refresh(),
    () => undefined,
  );
}

/**
 * Finishes a 3-D Secure check on this page with Stripe.js, when the merchant configured Polar's
 * Stripe publishable key: `succeeded`, `failed` with Stripe's message, or `unavailable` (no key,
 * or the page's Content-Security-Policy or Trusted Types refused Stripe.js: `blocked`).
 */
export async function confirmWithBank(scope: PortalScope, id: string, clientSecret: string): Promise<PaymentOutcome | { status: 'unavailable'; blocked: boolean }> {
  const key = scope.config.stripeKey;
  if (!key) return { status: 'unavailable', blocked: false };
  let result;
  try {
    const Stripe = await loadStripe(stripeJsUrl(scope.api.baseUrl));
    result = await Stripe(key).handleNextAction({ clientSecret });
  } catch {
    return { status: 'unavailable', blocked: true };
  }
  if (result.error) return { status: 'failed', error: result.error.message ?? null };
  paid(scope, id);
  return { status: 'succeeded' };
}

/** This order on Polar's own hosted portal, where the customer signs in and can pay with their bank's check. No token in it. */
export const hostedOrderUrl = (scope: PortalScope, id: string) =>
  `${embedOrigin(scope.api.baseUrl)}/${encodeURIComponent(scope.config.organization ?? '')}/portal/orders/${id}`;

/** The order after a payment elsewhere (Polar's own page): refreshed everywhere it shows. */
export const refreshOrder = (scope: PortalScope, id: string) => scope.resources.invalidate(ORDERS, orderKey(id), SUBSCRIPTIONS);
