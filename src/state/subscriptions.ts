import type { components } from '../api/schema.js';
import { BENEFIT_GRANTS, CHARGE_PREVIEW, ORDERS, SUBSCRIPTIONS } from './keys.js';
import type { Resource } from './resource.js';
import type { OrganizationData, PortalScope } from './scope.js';
import { seatsKey, seatsResource } from './seats.js';

type Schemas = components['schemas'];
export type Subscription = Schemas['CustomerSubscription'];
export type SubscriptionList = Schemas['ListResource_CustomerSubscription_'];
export type ChargePreview = Schemas['SubscriptionChargePreview'];
export type CancelPreview = Schemas['SubscriptionCancelPreview'];
export type Product = Schemas['CustomerProduct'];
export type SubscriptionUpdate = Schemas['CustomerSubscriptionUpdate'];
export type CancellationReason = Schemas['CustomerCancellationReason'];

/** Polar's cancellation reasons, in the order its hosted portal offers them. */
export const REASONS: CancellationReason[] = [
  'too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'low_quality', 'too_complex', 'other',
];

/** Resource keys: the list, and each subscription's next charge (`charge-preview:<id>`). */
export { CHARGE_PREVIEW, SUBSCRIPTIONS };
const chargePreviewKey = (id: string) => `${CHARGE_PREVIEW}:${id}`;

const BASE = '/v1/customer-portal/subscriptions/{id}' as const;

/** All of the user's subscriptions (Polar's hosted portal also asks for 100 at once). */
export const subscriptionsResource = (scope: PortalScope): Resource<SubscriptionList> =>
  scope.resources.get(SUBSCRIPTIONS, (signal) => scope.api.get('/v1/customer-portal/subscriptions/', { query: { limit: 100 }, signal }));

/** The next charge of one subscription; none for a subscription that will not charge again (Polar answers 404). */
export const chargePreviewResource = (scope: PortalScope, s: Subscription): Resource<ChargePreview> | undefined =>
  hasUpcomingCharge(s)
    ? scope.resources.get(chargePreviewKey(s.id), (signal) => scope.api.get(`${BASE}/charge-preview`, { path: { id: s.id }, signal }))
    : undefined;

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
 * Puts a subscription Polar returned (from a PATCH or revoke) everywhere it shows, without a
 * request, and refreshes what the change made stale.
 */
function applySubscription(scope: PortalScope, s: Subscription, stale: string[]): void {
  scope.resources.update<SubscriptionList>(SUBSCRIPTIONS, (list) => ({ ...list, items: list.items.map((x) => (x.id === s.id ? s : x)) }));
  // A subscription that will not charge again keeps its last preview off screen, unrequested.
  if (hasUpcomingCharge(s)) stale.push(chargePreviewKey(s.id));
  if (stale.length) void scope.resources.invalidate(...stale);
}

/** What else a PATCH makes stale: a new plan or a resume bills and grants; seat changes recount seats. */
function staleAfter(id: string, body: SubscriptionUpdate): string[] {
  const seats = seatsKey({ kind: 'subscription', id });
  if ('product_id' in body || 'resume' in body) return [ORDERS, BENEFIT_GRANTS];
  if ('seats' in body) return [seats, ORDERS];
  if ('pending_update' in body) return [seats];
  return [];
}

/** PATCHes a subscription (the body's keys select the action) and applies the answer. */
export async function updateSubscription(scope: PortalScope, id: string, body: SubscriptionUpdate): Promise<Subscription> {
  const s = await scope.api.patch(BASE, { path: { id }, body });
  applySubscription(scope, s, staleAfter(id, body));
  return s;
}

/** Previews a plan or seat change: the exact amounts before the customer confirms. */
export const previewChange = (scope: PortalScope, id: string, body: { product_id: string } | { seats: number }, signal?: AbortSignal) =>
  scope.api.post(`${BASE}/change-preview`, { path: { id }, body, signal });

/** Ends a past-due subscription now (no grace period): stops collection, revokes benefits. */
export async function revokeSubscription(scope: PortalScope, id: string, body: { cancellation_reason?: CancellationReason | null; cancellation_comment?: string | null }) {
  const s = await scope.api.post(`${BASE}/revoke`, { path: { id }, body });
  applySubscription(scope, s, [ORDERS, BENEFIT_GRANTS]);
  return s;
}

/** What canceling a past-due subscription would leave unpaid, and whether it stops collection now. */
export const cancelPreview = (scope: PortalScope, id: string) => scope.api.get(`${BASE}/cancel-preview`, { path: { id } });

/**
 * The lowest seat count a subscription can go down to: the seats in use (revoke some to go
 * lower) and never below its price's minimum seats (`byPlan` when that is what holds it up).
 */
export async function seatFloor(scope: PortalScope, s: Subscription): Promise<{ floor: number; byPlan: boolean }> {
  const seats = seatsResource(scope, { kind: 'subscription', id: s.id });
  await seats.load();
  const data = seats.$state.get().data;
  const price = s.prices.find((p) => p.amount_type === 'seat_based');
  const minimum = price?.amount_type === 'seat_based' ? price.seat_tiers.minimum_seats : 1;
  const inUse = Math.max(data ? data.total_seats - data.available_seats : 1, 1);
  return { floor: Math.max(inUse, minimum), byPlan: minimum > inUse };
}
