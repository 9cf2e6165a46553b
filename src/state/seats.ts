import type { components } from '../api/schema.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

export type Seat = components['schemas']['CustomerSeat'];
export type SeatsList = components['schemas']['SeatsList'];
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

/** `seats:subscription:<id>` or `seats:order:<id>`. */
export const seatsKey = (t: Pick<SeatTarget, 'kind' | 'id'>) => `seats:${t.kind}:${t.id}`;

export function seatsResource(scope: PortalScope, t: Pick<SeatTarget, 'kind' | 'id'>): Resource<SeatsList> {
  return scope.resources.get(seatsKey(t), (signal) =>
    scope.api.get('/v1/customer-portal/seats', { query: { [`${t.kind}_id`]: t.id }, signal }),
  );
}

/** Seat-based subscriptions among the user's subscriptions (the list `<portal-subscriptions>` shares). */
export const subscriptionTargets = (subs: Subscription[]): SeatTarget[] =>
  subs
    .filter((s) => s.seats != null && !s.ended_at)
    .map((s) => ({ kind: 'subscription', id: s.id, name: s.product.name, subscription: s }));

/** One-time orders with seats. Orders need a billing role: plain members never ask (403). */
export const seatOrders = (scope: PortalScope): Resource<SeatTarget[]> =>
  scope.resources.get('seat-orders', async (signal) =>
    (await scope.api.get('/v1/customer-portal/orders/', { query: { product_billing_type: 'one_time', limit: 100 }, signal })).items
      .filter((o: Order) => o.seats != null && !o.subscription_id)
      .map((o) => ({ kind: 'order', id: o.id, name: o.product?.name ?? o.description })),
  );

/** Subscriptions in which the user holds a claimed seat ("team seat access"). */
export const seatAccess = (scope: PortalScope) =>
  scope.resources.get('seat-access', (signal) =>
    scope.api.get('/v1/customer-portal/seats/subscriptions', { query: { limit: 100 }, signal }),
  );

/** Puts a seat the server returned into the shared list and recounts, without a request. */
export function applySeat(resource: Resource<SeatsList>, seat: Seat): void {
  const list = resource.$state.get().data;
  if (!list) return;
  const seats = list.seats.some((s) => s.id === seat.id)
    ? list.seats.map((s) => (s.id === seat.id ? seat : s))
    : [...list.seats, seat];
  const used = seats.filter((s) => s.status !== 'revoked').length;
  resource.set({ seats, total_seats: list.total_seats, available_seats: Math.max(0, list.total_seats - used) });
}

export const assignSeat = (scope: PortalScope, t: SeatTarget, email: string) =>
  scope.api.post('/v1/customer-portal/seats', {
    body: t.kind === 'order' ? { order_id: t.id, email, immediate_claim: false } : { subscription_id: t.id, email, immediate_claim: false },
  });

export const revokeSeat = (scope: PortalScope, id: string) =>
  scope.api.delete('/v1/customer-portal/seats/{seat_id}', { path: { seat_id: id } });

export const resendSeat = (scope: PortalScope, id: string) =>
  scope.api.post('/v1/customer-portal/seats/{seat_id}/resend', { path: { seat_id: id } });

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
