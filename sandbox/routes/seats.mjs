// @ts-check
// Seats of seat-based subscriptions and orders (polar-api.md §9.6), as
// server/polar/customer_portal/endpoints/customer_seat.py and customer_seat/service.py do it.
import { validateBody, pathUuid, paginate } from '../validate.mjs';
import { polarError, notFound, requestValidationError } from '../http.mjs';
import { newId } from '../ids.mjs';
import * as ser from '../serialize.mjs';
import { enqueueProductGrants, enqueueRevokeGrants } from '../grants.mjs';
import { subject, ownSubscription, ownOrder, organizationOf } from './scope.mjs';

const BASE = '/v1/customer-portal/seats';
// customer_seat/service.py: invitations expire one day after assignment; resend keeps the token and expiry.
const INVITATION_TTL_MS = 86_400_000;

/** `check_seat_feature_enabled`: the organization's internal `seat_based_pricing_enabled` setting. @param {any} org */
export function requireSeatsFeature(org) {
  if (!org?.feature_settings?.seat_based_pricing_enabled) throw polarError(403, 'FeatureNotEnabled', 'Seat-based pricing is not enabled for this organization');
}

/** @param {import('../server.mjs').Ctx} ctx @param {any} seat */
function ownSeat(ctx, seat) {
  if (!seat) return false;
  const parent = seat.subscription_id ? ctx.state.subscriptions.get(seat.subscription_id) : ctx.state.orders.get(seat.order_id);
  return parent?.customer_id === subject(ctx).customer.id;
}

/**
 * SeatAssign's model validators (customer_seat/schemas.py, customer_portal/schemas/seat.py):
 * pydantic reports them as one 422 at `["body"]`.
 * @param {any} body
 */
function checkAssignBody(body) {
  const fail = (/** @type {string} */ message) =>
    requestValidationError([{ type: 'value_error', loc: ['body'], msg: `Value error, ${message}`, input: body, ctx: { error: {} } }]);
  if ([body.subscription_id, body.order_id, body.checkout_id].filter((x) => x != null).length !== 1) throw fail('Exactly one of subscription_id, order_id, or checkout_id must be provided');
  const legacy = [body.external_customer_id, body.customer_id].filter((x) => x != null).length;
  const members = [body.external_member_id, body.member_id].filter((x) => x != null).length;
  const email = body.email != null ? 1 : 0;
  if (legacy + members + email === 0) throw fail('At least one of email, external_customer_id, customer_id, external_member_id, or member_id must be provided');
  if (legacy && members) throw fail('Cannot combine external_customer_id/customer_id with external_member_id/member_id');
  if (members > 1) throw fail('Cannot provide both external_member_id and member_id');
  if (legacy && legacy + email !== 1) throw fail('Exactly one of email, external_customer_id, or customer_id must be provided');
}

/**
 * `member_service.get_or_create_by_email`: the billing customer's member with that email, made
 * when missing (role member, no name).
 * @param {import('../seed.mjs').State} state @param {string} customerId @param {string} email @param {number} now
 */
export function memberByEmail(state, customerId, email, now) {
  const found = [...state.members.values()].find((m) => m.customer_id === customerId && m.email.toLowerCase() === email.toLowerCase());
  if (found) return found;
  const at = new Date(now).toISOString();
  const m = { id: newId(), customer_id: customerId, email, name: null, role: 'member', external_id: null, created_at: at, modified_at: null };
  state.members.set(m.id, m);
  return m;
}

/**
 * `revoke_seat`: benefits go in a background job; the seat is emptied at once.
 * @param {import('../server.mjs').World} world @param {any} seat
 */
export function revokeSeat(world, seat) {
  if (seat.status === 'revoked') return;
  const now = new Date(world.now()).toISOString();
  if (seat.customer_id) {
    enqueueRevokeGrants(world, { customerId: seat.customer_id, memberId: seat.member_id, subscriptionId: seat.subscription_id, orderId: seat.order_id });
  }
  Object.assign(seat, { status: 'revoked', revoked_at: now, modified_at: now, invitation_token: null, customer_id: null, member_id: null, email: null });
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
      const parent = subscriptionId ? ownSubscription(ctx, subscriptionId, 'Subscription not found') : ownOrder(ctx, /** @type {string} */ (orderId), 'Order not found');
      requireSeatsFeature(organizationOf(ctx));
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
      checkAssignBody(body);
      const { state } = ctx;
      const { customer } = subject(ctx);
      // customer_portal/service/customer_seat.py `resolve_assign_container`.
      /** @type {any} */ let parent;
      if (body.subscription_id) parent = ownSubscription(ctx, body.subscription_id, 'Subscription not found');
      else if (body.order_id) parent = ownOrder(ctx, body.order_id, 'Order not found');
      else {
        const mine = (/** @type {any} */ x) => x.customer_id === customer.id && x.checkout_id === body.checkout_id;
        parent = [...state.subscriptions.values()].find(mine) ?? [...state.orders.values()].filter(mine).sort((a, b) => (a.created_at < b.created_at ? -1 : 1))[0];
        if (!parent) throw notFound('No subscription or order found for this checkout');
      }
      if (!parent.product_id) throw polarError(400, 'SeatNotAvailable', 'Container has no associated product');
      const org = organizationOf(ctx);
      requireSeatsFeature(org);
      if (!body.subscription_id && parent.status === 'pending') throw polarError(400, 'SeatNotAvailable', 'Order must be paid before assigning seats');
      const key = state.subscriptions.has(parent.id) ? 'subscription_id' : 'order_id';
      const mine = [...state.seats.values()].filter((s) => s[key] === parent.id);
      const active = mine.filter((s) => s.status !== 'revoked');
      if ((parent.seats ?? 0) - active.length <= 0) throw polarError(400, 'SeatNotAvailable', `No available seats for ${parent.id}`);
      /** @type {any} */ let member = null;
      /** @type {string|null} */ let seatCustomerId = customer.id;
      if (org.organization_features.member_model_enabled || body.member_id || body.external_member_id) {
        // `_resolve_member_model_target`: the member is found or made first, then the seat check.
        let email = body.email ?? null;
        if (body.customer_id || body.external_customer_id) {
          const c = [...state.customers.values()].find((x) => x.organization_id === customer.organization_id && (body.customer_id ? x.id === body.customer_id : x.external_id === body.external_customer_id));
          if (!c) throw polarError(400, 'InvalidSeatAssignmentRequest', 'Customer not found for the provided customer_id or external_customer_id.');
          email ??= c.email;
        }
        const team = [...state.members.values()].filter((m) => m.customer_id === customer.id);
        if (body.member_id) {
          member = team.find((m) => m.id === body.member_id);
          if (!member) throw polarError(404, 'MemberNotFound', `Member not found: ${body.member_id}`);
        } else if (body.external_member_id) {
          member = team.find((m) => m.external_id === body.external_member_id);
          if (member && email && member.email.toLowerCase() !== email.toLowerCase()) throw memberEmailMismatch(body.external_member_id, email);
          if (!member && !email) throw polarError(404, 'MemberNotFound', `Member not found: ${body.external_member_id}`);
          if (!member) {
            member = memberByEmail(state, customer.id, email, ctx.now);
            if (member.external_id && member.external_id !== body.external_member_id) throw memberEmailMismatch(body.external_member_id, email);
            member.external_id ??= body.external_member_id;
          }
        } else if (email) {
          member = memberByEmail(state, customer.id, email, ctx.now);
        } else {
          throw polarError(400, 'InvalidSeatAssignmentRequest', 'At least one of email, external_member_id, or member_id must be provided when member_model_enabled is true.');
        }
        if (active.some((s) => s.email?.toLowerCase() === member.email.toLowerCase())) throw polarError(400, 'SeatAlreadyAssigned', `Seat already assigned to customer ${member.email}`);
      } else {
        // `_resolve_legacy_target`: the seat holder is a customer of the organization.
        const found = [...state.customers.values()].find((c) => c.organization_id === customer.organization_id && (body.customer_id ? c.id === body.customer_id : body.external_customer_id ? c.external_id === body.external_customer_id : c.email?.toLowerCase() === body.email?.toLowerCase()));
        if (!found && !body.email) throw polarError(404, 'CustomerNotFound', `Customer not found: ${body.external_customer_id ?? body.customer_id}`);
        seatCustomerId = found?.id ?? null;
        if (found && active.some((s) => s.customer_id === found.id)) throw polarError(400, 'SeatAlreadyAssigned', `Seat already assigned to customer ${body.email ?? body.external_customer_id ?? body.customer_id}`);
        const email = found?.email ?? body.email;
        if (email) member = memberByEmail(state, customer.id, email, ctx.now);
      }
      const now = new Date(ctx.now).toISOString();
      // A revoked seat of the same purchase is reused (same id), as Polar does.
      const seat = Object.assign(mine.find((s) => s.status === 'revoked') ?? { id: newId(), created_at: now }, {
        subscription_id: key === 'subscription_id' ? parent.id : null, order_id: key === 'order_id' ? parent.id : null,
        status: body.immediate_claim ? 'claimed' : 'pending', customer_id: seatCustomerId, member_id: member?.id ?? null, email: member?.email ?? body.email ?? null,
        invitation_token: body.immediate_claim ? null : newId(), invitation_token_expires_at: body.immediate_claim ? null : new Date(ctx.now + INVITATION_TTL_MS).toISOString(),
        claimed_at: body.immediate_claim ? now : null, revoked_at: null, seat_metadata: body.metadata ?? {}, modified_at: null,
      });
      state.seats.set(seat.id, seat);
      if (body.immediate_claim) claimed(ctx.world, seat, parent.product_id);
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
      requireSeatsFeature(organizationOf(ctx));
      revokeSeat(ctx.world, seat);
      return { status: 200, body: ser.seat(ctx.state, seat) };
    },
  },
  {
    method: 'POST', path: `${BASE}/{seat_id}/resend`, gate: 'billing',
    handler(ctx) {
      const seat = ctx.state.seats.get(pathUuid('seat_id', ctx.params.seat_id));
      if (!ownSeat(ctx, seat)) throw notFound('Seat not found');
      if (seat.status !== 'pending') throw polarError(400, 'SeatNotPending', 'Seat is not in pending status');
      if (!seat.invitation_token || Date.parse(seat.invitation_token_expires_at) < ctx.now) throw polarError(400, 'InvalidInvitationToken', 'Invalid or expired invitation token');
      return { status: 200, body: ser.seat(ctx.state, seat) };
    },
  },
];

/** @param {string} externalId @param {string} email */
const memberEmailMismatch = (externalId, email) =>
  polarError(400, 'MemberEmailMismatch', `Member with external_member_id '${externalId}' exists but has a different email than '${email}'`);

/**
 * What follows a claim (`claim_seat`): the stream hears `customer_seat.claimed`, and the
 * product's benefits are granted to the member in the background.
 * @param {import('../server.mjs').World} world @param {any} seat @param {string} productId
 */
function claimed(world, seat, productId) {
  world.background.publish(seat.customer_id, 'customer_seat.claimed', {
    seat_id: seat.id, subscription_id: seat.subscription_id ?? null, order_id: seat.order_id ?? null, product_id: productId,
  });
  enqueueProductGrants(world, productId, { customerId: seat.customer_id, memberId: seat.member_id, subscriptionId: seat.subscription_id, orderId: seat.order_id });
}

/**
 * Sandbox only (`POST /__sandbox/seats/{id}/claim`): the invitee accepts, as Polar's claim page
 * would (`claim_seat` in member-model organizations: the seat's member, made from its email
 * if needed, holds it).
 * @param {import('../server.mjs').World} world @param {string} id
 */
export function claimSeat(world, id) {
  const { state } = world;
  const seat = state.seats.get(id);
  if (!seat || seat.status !== 'pending') return null;
  const parent = seat.subscription_id ? state.subscriptions.get(seat.subscription_id) : state.orders.get(seat.order_id);
  const at = new Date(world.now()).toISOString();
  seat.customer_id ??= parent.customer_id;
  seat.member_id ??= memberByEmail(state, parent.customer_id, seat.email, world.now()).id;
  Object.assign(seat, { status: 'claimed', claimed_at: at, modified_at: at, invitation_token: null });
  claimed(world, seat, parent.product_id);
  return ser.seat(state, seat);
}
