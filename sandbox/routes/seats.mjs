// @ts-check
// Seats of seat-based subscriptions (polar-api.md §9.6).
import { validateBody, pathUuid, paginate } from '../validate.mjs';
import { polarError, notFound } from '../http.mjs';
import { newId } from '../ids.mjs';
import * as ser from '../serialize.mjs';
import { subject, ownSubscription, ownOrder, organizationOf } from './scope.mjs';

const BASE = '/v1/customer-portal/seats';
// customer_seat/service.py: invitations expire one day after assignment; resend keeps the token and expiry.
const INVITATION_TTL_MS = 86_400_000;

/** @param {import('../server.mjs').Ctx} ctx */
function requireSeatsFeature(ctx) {
  if (!organizationOf(ctx).organization_features.member_model_enabled) {
    throw polarError(403, 'FeatureNotEnabled', 'Seat-based pricing is not enabled for this organization');
  }
}

/** @param {import('../server.mjs').Ctx} ctx @param {any} seat */
function ownSeat(ctx, seat) {
  if (!seat) return false;
  const parent = seat.subscription_id ? ctx.state.subscriptions.get(seat.subscription_id) : ctx.state.orders.get(seat.order_id);
  return parent?.customer_id === subject(ctx).customer.id;
}

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: BASE, gate: 'read',
    handler(ctx) {
      const subscriptionId = ctx.query.uuid('subscription_id');
      const orderId = ctx.query.uuid('order_id');
      ctx.query.done();
      if (!subscriptionId && !orderId) throw polarError(400, 'BadRequest', 'Either subscription_id or order_id must be provided');
      requireSeatsFeature(ctx);
      const parent = subscriptionId ? ownSubscription(ctx, subscriptionId) : ownOrder(ctx, /** @type {string} */ (orderId));
      const key = subscriptionId ? 'subscription_id' : 'order_id';
      const seats = [...ctx.state.seats.values()].filter((s) => s[key] === parent.id);
      const total = parent.seats ?? 0;
      const used = seats.filter((s) => s.status !== 'revoked').length;
      return { status: 200, body: { seats: seats.map((s) => ser.seat(ctx.state, s)), available_seats: Math.max(0, total - used), total_seats: total } };
    },
  },
  {
    method: 'POST', path: BASE, gate: 'billing',
    async handler(ctx) {
      const body = validateBody('CustomerSeatAssign', await ctx.body());
      requireSeatsFeature(ctx);
      const invalid = (/** @type {string} */ detail) => polarError(400, 'InvalidSeatAssignmentRequest', detail);
      const targets = ['subscription_id', 'order_id', 'checkout_id'].filter((k) => body[k]);
      if (targets.length !== 1) throw invalid('Exactly one of subscription_id, order_id or checkout_id must be provided.');
      if (body.checkout_id) throw notFound('Checkout not found');
      const parent = body.subscription_id ? ownSubscription(ctx, body.subscription_id) : ownOrder(ctx, body.order_id);
      if (!parent.seats) throw polarError(400, 'NotASeatBasedSubscription', 'This purchase does not use seat-based pricing.');
      if (body.metadata && (Object.keys(body.metadata).length > 10 || JSON.stringify(body.metadata).length > 1024)) {
        throw invalid('Seat metadata may have at most 10 keys and 1 KB.');
      }
      const { state } = ctx;
      const { customer } = subject(ctx);
      const teamMembers = [...state.members.values()].filter((m) => m.customer_id === customer.id);
      /** @type {any} */ let member = null;
      /** @type {any} */ let seatCustomer = null;
      if (body.member_id || body.external_member_id) {
        member = teamMembers.find((m) => (body.member_id ? m.id === body.member_id : m.external_id === body.external_member_id));
        if (!member) throw notFound('Member not found');
        if (body.email && body.email.toLowerCase() !== member.email.toLowerCase()) {
          throw polarError(400, 'MemberEmailMismatch', 'The email does not match the member\'s email.');
        }
      } else if (body.customer_id || body.external_customer_id) {
        seatCustomer = [...state.customers.values()].find((c) => c.organization_id === customer.organization_id && (body.customer_id ? c.id === body.customer_id : c.external_id === body.external_customer_id));
        if (!seatCustomer) throw notFound('Customer not found');
      } else if (body.email) {
        member = teamMembers.find((m) => m.email.toLowerCase() === body.email.toLowerCase()) ?? null;
      } else {
        throw invalid('One of email, customer_id, external_customer_id, member_id or external_member_id must be provided.');
      }
      const email = (member?.email ?? seatCustomer?.email ?? body.email ?? null);
      const key = body.subscription_id ? 'subscription_id' : 'order_id';
      const mine = [...state.seats.values()].filter((s) => s[key] === parent.id);
      const active = mine.filter((s) => s.status !== 'revoked');
      // Polar's order: a paid order, then a free seat, then the assignee's existing seat.
      if (body.order_id && parent.status === 'pending') throw polarError(400, 'SeatNotAvailable', 'Order must be paid before assigning seats');
      if (active.length >= parent.seats) throw polarError(400, 'SeatNotAvailable', `No available seats for ${parent.id}`);
      if (active.some((s) => (member && s.member_id === member.id) || (email && s.email?.toLowerCase() === email.toLowerCase()))) {
        throw polarError(400, 'SeatAlreadyAssigned', `Seat already assigned to customer ${body.email ?? body.external_customer_id ?? body.customer_id ?? email}`);
      }
      const now = new Date(ctx.now).toISOString();
      // A revoked seat of the same purchase is reused (same id), as Polar does.
      const seat = Object.assign(mine.find((s) => s.status === 'revoked') ?? { id: newId(), created_at: now }, {
        subscription_id: body.subscription_id ?? null, order_id: body.order_id ?? null, status: 'pending',
        customer_id: seatCustomer?.id ?? null, member_id: member?.id ?? null, email, invitation_token_expires_at: new Date(ctx.now + INVITATION_TTL_MS).toISOString(),
        claimed_at: null, revoked_at: null, seat_metadata: body.metadata ?? {}, modified_at: null,
      });
      state.seats.set(seat.id, seat);
      return { status: 200, body: ser.seat(state, seat) };
    },
  },
  {
    method: 'GET', path: `${BASE}/subscriptions`, gate: 'read',
    handler(ctx) {
      const p = ctx.query.pagination();
      ctx.query.done();
      const { customer, member } = subject(ctx);
      const ids = new Set([...ctx.state.seats.values()]
        .filter((s) => s.status === 'claimed' && s.subscription_id && (member ? s.member_id === member.id : s.customer_id === customer.id && !s.member_id))
        .map((s) => s.subscription_id));
      const subs = [...ids].map((id) => ctx.state.subscriptions.get(id)).filter(Boolean).sort((a, b) => (a.started_at < b.started_at ? 1 : -1));
      return { status: 200, body: paginate(subs, p, (s) => ser.subscription(ctx.state, s)) };
    },
  },
  {
    method: 'DELETE', path: `${BASE}/{seat_id}`, gate: 'billing',
    handler(ctx) {
      const seat = ctx.state.seats.get(pathUuid('seat_id', ctx.params.seat_id));
      if (!ownSeat(ctx, seat)) throw notFound('Seat not found');
      if (seat.status !== 'revoked') {
        const now = new Date(ctx.now).toISOString();
        Object.assign(seat, { status: 'revoked', revoked_at: now, modified_at: now, customer_id: null });
        // The seat holder's benefits from this subscription go with the seat.
        if (seat.member_id) for (const g of ctx.state.grants.values()) if (g.member_id === seat.member_id && g.subscription_id === seat.subscription_id && !g.revoked_at) g.revoked_at = now;
      }
      return { status: 200, body: ser.seat(ctx.state, seat) };
    },
  },
  {
    method: 'POST', path: `${BASE}/{seat_id}/resend`, gate: 'billing',
    handler(ctx) {
      const seat = ctx.state.seats.get(pathUuid('seat_id', ctx.params.seat_id));
      if (!ownSeat(ctx, seat)) throw notFound('Seat not found');
      if (seat.status !== 'pending') throw polarError(400, 'SeatNotPending', 'Seat is not in pending status');
      return { status: 200, body: ser.seat(ctx.state, seat) };
    },
  },
];

/**
 * Sandbox only (`POST /__sandbox/seats/{id}/claim`): the invitee accepts, as the claim page would.
 * The seat's email becomes (or finds) a member of the purchasing customer.
 * @param {import('../seed.mjs').State} state @param {string} id @param {number} now
 */
export function claimSeat(state, id, now) {
  const seat = state.seats.get(id);
  if (!seat || seat.status !== 'pending') return null;
  const parent = seat.subscription_id ? state.subscriptions.get(seat.subscription_id) : state.orders.get(seat.order_id);
  const at = new Date(now).toISOString();
  let member = [...state.members.values()].find((m) => m.customer_id === parent.customer_id && m.email.toLowerCase() === seat.email?.toLowerCase());
  if (!member) {
    member = { id: newId(), customer_id: parent.customer_id, email: seat.email, name: null, role: 'member', external_id: null, created_at: at, modified_at: null };
    state.members.set(member.id, member);
  }
  Object.assign(seat, { status: 'claimed', member_id: member.id, customer_id: parent.customer_id, claimed_at: at, modified_at: at });
  return ser.seat(state, seat);
}
