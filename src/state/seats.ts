import type { components } from '../api/schema.js';
import { MEMBERS, SEAT_ACCESS, SEAT_ORDERS, SEATS } from './keys.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

export type Seat = components['schemas']['CustomerSeat'];
export type SeatsList = components['schemas']['SeatsList'];
export type SeatAccessList = components['schemas']['ListResource_CustomerSubscription_'];
type Subscription = components['schemas']['CustomerSubscription'];
type Order = components['schemas']['CustomerOrder'];

/** A seat-based purchase: a subscription or a one-time order with seats. */
export interface SeatTarget {
  kind: 'subscription' | 'order';
  id: string;
  name: string;
  /** The subscription, when the target is one (for the seat-count change). */
  subscription?: Subscription;
}

export { SEATS };

/** `seats:subscription:<id>` or `seats:order:<id>`. */
export const seatsKey = (t: Pick<SeatTarget, 'kind' | 'id'>) => `${SEATS}:${t.kind}:${t.id}`;

/** The seats of one purchase and their counts (shared with `<portal-subscriptions>`' seat floor). */
export const seatsResource = (scope: PortalScope, t: Pick<SeatTarget, 'kind' | 'id'>): Resource<SeatsList> =>
  scope.resources.get(seatsKey(t), (signal) => scope.api.get('/v1/customer-portal/seats', { query: { [`${t.kind}_id`]: t.id }, signal }));

/** Seat-based subscriptions among the user's subscriptions (the list `<portal-subscriptions>` shares). */
export const subscriptionTargets = (subs: Subscription[]): SeatTarget[] =>
  subs
    .filter((s) => s.seats != null && !s.ended_at)
    .map((s) => ({ kind: 'subscription', id: s.id, name: s.product.name, subscription: s }));

/** One-time orders with seats. Orders need a billing role: plain members never ask (403). */
export const seatOrdersResource = (scope: PortalScope): Resource<SeatTarget[]> =>
  scope.resources.get(SEAT_ORDERS, async (signal) =>
    (await scope.api.get('/v1/customer-portal/orders/', { query: { product_billing_type: 'one_time', limit: 100 }, signal })).items
      .filter((o: Order) => o.seats != null && !o.subscription_id)
      .map((o) => ({ kind: 'order', id: o.id, name: o.product?.name ?? o.description })),
  );

/** Subscriptions in which the user holds a claimed seat ("team seat access"). */
export const seatAccessResource = (scope: PortalScope): Resource<SeatAccessList> =>
  scope.resources.get(SEAT_ACCESS, (signal) => scope.api.get('/v1/customer-portal/seats/subscriptions', { query: { limit: 100 }, signal }));

/** Puts a seat the server returned into its purchase's list and recounts, without a request. */
function applySeat(scope: PortalScope, seat: Seat): void {
  const target = seat.subscription_id ? { kind: 'subscription' as const, id: seat.subscription_id } : { kind: 'order' as const, id: seat.order_id ?? '' };
  scope.resources.update<SeatsList>(seatsKey(target), (list) => {
    const seats = list.seats.some((s) => s.id === seat.id) ? list.seats.map((s) => (s.id === seat.id ? seat : s)) : [...list.seats, seat];
    const used = seats.filter((s) => s.status !== 'revoked').length;
    return { seats, total_seats: list.total_seats, available_seats: Math.max(0, list.total_seats - used) };
  });
}

/**
 * Assigns a seat and sends the invitation. In member-model organizations Polar creates a
 * team member for the address, so the members list is refreshed too.
 */
export async function assignSeat(scope: PortalScope, t: SeatTarget, email: string): Promise<Seat> {
  const seat = await scope.api.post('/v1/customer-portal/seats', {
    body: t.kind === 'order' ? { order_id: t.id, email, immediate_claim: false } : { subscription_id: t.id, email, immediate_claim: false },
  });
  applySeat(scope, seat);
  if (scope.organization.$state.get().data?.organization.organization_features?.member_model_enabled) void scope.resources.invalidate(MEMBERS);
  return seat;
}

export async function revokeSeat(scope: PortalScope, id: string): Promise<Seat> {
  const seat = await scope.api.delete('/v1/customer-portal/seats/{seat_id}', { path: { seat_id: id } });
  applySeat(scope, seat);
  return seat;
}

export async function resendSeat(scope: PortalScope, id: string): Promise<Seat> {
  const seat = await scope.api.post('/v1/customer-portal/seats/{seat_id}/resend', { path: { seat_id: id } });
  applySeat(scope, seat);
  return seat;
}

/** A seat's list changed behind our back (taken elsewhere, no longer pending): ask again. */
export const refreshSeats = (scope: PortalScope, t: Pick<SeatTarget, 'kind' | 'id'>) => void scope.resources.invalidate(seatsKey(t));

/** Pydantic's EmailStr accepts roughly this; the server has the last word. */
const EMAIL = /^[^\s@,;<>()[\]"]+@[^\s@,;<>()[\]"]+\.[^\s@,;<>()[\]"]{2,}$/;

/** Addresses from pasted text (commas, semicolons, spaces, new lines), deduplicated. */
export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const seen = new Set<string>();
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const item = raw.replace(/^<|>$/g, '');
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    (EMAIL.test(item) ? emails : invalid).push(item);
  }
  return { emails, invalid };
}

/** The person a seat is for: its member's name and email, else the invited address. */
export const seatEmail = (s: Seat) => s.member?.email ?? s.customer_email ?? s.email ?? '';
export const seatName = (s: Seat) => s.member?.name ?? '';
