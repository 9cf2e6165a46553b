import type { components } from '../api/schema.js';
import type { Resource } from './resource.js';
import type { OrganizationData, PortalScope } from './scope.js';

type Schemas = components['schemas'];
export type Subscription = Schemas['CustomerSubscription'];
export type SubscriptionList = Schemas['ListResource_CustomerSubscription_'];
export type ChargePreview = Schemas['SubscriptionChargePreview'];
export type CancelPreview = Schemas['SubscriptionCancelPreview'];
export type SeatsList = Schemas['SeatsList'];
export type Product = Schemas['CustomerProduct'];
export type SubscriptionUpdate = Schemas['CustomerSubscriptionUpdate'];
export type CancellationReason = Schemas['CustomerCancellationReason'];

/** Polar's cancellation reasons, in the order its hosted portal offers them. */
export const REASONS: CancellationReason[] = [
  'too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'low_quality', 'too_complex', 'other',
];

/**
 * Resource keys. Every element that shows one of these reads it through these helpers, so
 * N elements on a page cost one request per key.
 */
export const SUBSCRIPTIONS = 'subscriptions';
export const chargePreviewKey = (id: string) => `charge-preview:${id}`;
export const seatsKey = (id: string) => `seats:subscription:${id}`;

const BASE = '/v1/customer-portal/subscriptions/{id}' as const;

/** Fetches all of the user's subscriptions (Polar's hosted portal also asks for 100 at once). */
export const subscriptionsFetcher = (scope: PortalScope) => (signal: AbortSignal) =>
  scope.api.get('/v1/customer-portal/subscriptions/', { query: { limit: 100 }, signal });
export const subscriptionsResource = (scope: PortalScope): Resource<SubscriptionList> =>
  scope.resources.get(SUBSCRIPTIONS, subscriptionsFetcher(scope));

/** Fetches the next charge of one subscription (404 when it has none). */
export const chargePreviewFetcher = (scope: PortalScope, id: string) => (signal: AbortSignal) =>
  scope.api.get(`${BASE}/charge-preview`, { path: { id }, signal });

/** The seat counts of a seat-based subscription (shared with `<portal-seats>`). */
export const seatsResource = (scope: PortalScope, id: string): Resource<SeatsList> =>
  scope.resources.get(seatsKey(id), (signal) =>
    scope.api.get('/v1/customer-portal/seats', { query: { subscription_id: id }, signal }),
  );

/** Whether Polar will charge this subscription again (`charge-preview` answers 404 otherwise). */
export const hasUpcomingCharge = (s: Subscription): boolean =>
  !s.ended_at &&
  !s.cancel_at_period_end &&
  (s.status === 'active' || s.status === 'trialing' ? !(s.pause_at_period_end && !s.resumes_at) : s.status === 'paused' && !!s.resumes_at);

export const isEnded = (s: Subscription): boolean =>
  !!s.ended_at || s.status === 'canceled' || s.status === 'incomplete_expired';

export const isSeatBased = (p: { prices: Subscription['prices'] }): boolean =>
  p.prices.some((price) => price.amount_type === 'seat_based');

/** The per-period list price of a product at a seat count, in minor units (volume seat tiers). */
export function listPrice(product: { prices: Subscription['prices'] }, seats?: number | null): number {
  let total = 0;
  for (const price of product.prices) {
    if (price.amount_type === 'fixed') total += price.price_amount;
    if (price.amount_type === 'seat_based') {
      const { tiers, minimum_seats } = price.seat_tiers;
      const n = seats ?? minimum_seats;
      const tier = tiers.find((t) => n >= t.min_seats && (t.max_seats == null || n <= t.max_seats)) ?? tiers[tiers.length - 1];
      total += n * (tier?.price_per_seat ?? 0);
    }
  }
  return total;
}

/** Other public recurring plans of the organization a subscription may switch to. */
export function eligiblePlans(org: OrganizationData | undefined, s: Subscription): Product[] {
  return (org?.products ?? [])
    .filter((p) => p.is_recurring && !p.is_archived && p.visibility === 'public' && p.id !== s.product_id && isSeatBased(p) === isSeatBased(s.product))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface SubscriptionActions {
  cancel: boolean;
  uncancel: boolean;
  changePlan: boolean;
  changeSeats: boolean;
  pause: boolean;
  cancelPause: boolean;
  resume: boolean;
  clearPending: boolean;
}

/**
 * What the user may do with a subscription: the server's own guards (polar-api.md §9.3)
 * plus the organization's portal settings. `billing` is false for a team `member`.
 */
export function actionsFor(s: Subscription, org: OrganizationData | undefined, billing: boolean): SubscriptionActions {
  const settings = org?.organization.customer_portal_settings.subscription;
  const open = billing && !isEnded(s);
  const live = open && !s.cancel_at_period_end;
  const running = live && (s.status === 'active' || s.status === 'trialing');
  return {
    cancel: live,
    uncancel: open && s.cancel_at_period_end,
    changePlan: running && !!settings?.update_plan && eligiblePlans(org, s).length > 0,
    changeSeats: running && !!settings?.update_seats && isSeatBased(s.product),
    pause: running && s.status === 'active' && !!settings?.pause && !s.pause_at_period_end,
    cancelPause: live && !!settings?.pause && s.pause_at_period_end,
    resume: live && !!settings?.pause && s.status === 'paused',
    clearPending: live && !!s.pending_update,
  };
}

/**
 * Puts a subscription Polar returned (from a PATCH, DELETE or revoke) everywhere it shows,
 * without a request, and refreshes only what the change made stale.
 */
export function applySubscription(scope: PortalScope, s: Subscription, alsoStale: string[] = []): void {
  const list = scope.resources.peek<SubscriptionList>(SUBSCRIPTIONS);
  const data = list?.$state.get().data;
  if (list && data) list.set({ ...data, items: data.items.map((x) => (x.id === s.id ? s : x)) });
  const stale = [...alsoStale];
  // A subscription that will not charge again keeps its last preview off screen, unrequested.
  if (hasUpcomingCharge(s)) stale.push(chargePreviewKey(s.id));
  if (stale.length) void scope.resources.invalidate(...stale);
}

/** PATCHes a subscription (the body's keys select the action) and applies the answer. */
export async function updateSubscription(scope: PortalScope, id: string, body: SubscriptionUpdate, alsoStale?: string[]): Promise<Subscription> {
  const s = await scope.api.patch(BASE, { path: { id }, body });
  applySubscription(scope, s, alsoStale);
  return s;
}

/** Changes the seat count (`<portal-seats>` reuses this): its seat counts refresh too. */
export const changeSeats = (scope: PortalScope, id: string, seats: number) => updateSubscription(scope, id, { seats }, [seatsKey(id), 'orders']);

/** Previews a plan or seat change: the exact amounts before the customer confirms. */
export const previewChange = (scope: PortalScope, id: string, body: { product_id: string } | { seats: number }) =>
  scope.api.post(`${BASE}/change-preview`, { path: { id }, body });

/** Ends a past-due subscription now (no grace period): stops collection, revokes benefits. */
export async function revokeSubscription(scope: PortalScope, id: string, body: { cancellation_reason?: CancellationReason | null; cancellation_comment?: string | null }) {
  const s = await scope.api.post(`${BASE}/revoke`, { path: { id }, body });
  applySubscription(scope, s, ['orders', 'benefit-grants']);
  return s;
}

export const cancelPreview = (scope: PortalScope, id: string) => scope.api.get(`${BASE}/cancel-preview`, { path: { id } });
