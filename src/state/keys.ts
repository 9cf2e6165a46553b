// The families of the resource cache. An action invalidates a family (`invalidate(ORDERS)`
// reaches `orders:all:10:1` and every other page); a domain file builds its keys from its own
// family and re-exports it. They sit in one module so an action may refresh another domain's
// resources without the two domain files importing each other.

export const ORGANIZATION = 'organization';
export const SUBSCRIPTIONS = 'subscriptions';
/** `charge-preview:<subscription id>` */
export const CHARGE_PREVIEW = 'charge-preview';
/** `seats:subscription:<id>`, `seats:order:<id>` */
export const SEATS = 'seats';
/** The one-time orders with seats, for the seats purchase picker. */
export const SEAT_ORDERS = 'seat-orders';
/** Subscriptions in which the user holds a seat. */
export const SEAT_ACCESS = 'seat-access';
/** `members:<page>` */
export const MEMBERS = 'members';
/** `orders:<subscription id|all>:<limit>:<page>` */
export const ORDERS = 'orders';
/** `order:<id>` */
export const ORDER = 'order';
export const CUSTOMER = 'customer';
export const PAYMENT_METHODS = 'payment-methods';
/**
 * The customer's benefit grants (`benefit-grants:…`). Actions that grant or revoke benefits
 * (a plan change, a resume, an immediate cancel) already invalidate it.
 */
export const BENEFIT_GRANTS = 'benefit-grants';
/** `license-key:<id>` */
export const LICENSE_KEY = 'license-key';
export const DOWNLOADABLES = 'downloadables';
/** The customer's meters: consumed, credited, balance. */
export const METERS = 'meters';
/** The customer's wallets (balances in a currency). */
export const WALLETS = 'wallets';

/**
 * What each event of Polar's customer stream makes stale (server/polar/eventstream publishers):
 * a generated invoice changes its order; granted or revoked benefits change the grants; a claimed
 * seat changes its purchase's seats, the seat access list and the team.
 */
export function staleAfterEvent(key: string, payload: Record<string, unknown>): string[] {
  if (key === 'order.invoice_generated') return [`${ORDER}:${payload.order_id}`];
  if (key === 'benefit.granted' || key === 'benefit.revoked') return [BENEFIT_GRANTS, DOWNLOADABLES, LICENSE_KEY];
  if (key === 'customer_seat.claimed') {
    const seats = payload.subscription_id ? `${SEATS}:subscription:${payload.subscription_id}` : `${SEATS}:order:${payload.order_id}`;
    return [seats, SEAT_ACCESS, MEMBERS];
  }
  return [];
}
