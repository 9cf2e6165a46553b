// @ts-check
// The seat invitation landing, outside the customer-portal prefix
// (server/polar/customer_seat/endpoints.py): read what is offered, open the claim stream while
// the seat is still pending, claim it. Anonymous: the invitation token is the credential.
import { issueSession } from '../auth.mjs';
import { notFound, polarError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { validateBody } from '../validate.mjs';
import { claimSeat, requireSeatsFeature } from './seats.mjs';
import { eventStream } from './stream.mjs';

const BASE = '/v1/customer-seats/claim';
const invalid = () => polarError(400, 'InvalidInvitationToken', 'Invalid or expired invitation token');

/** `get_seat_by_token`: a pending seat whose invitation has not expired. @param {import('../server.mjs').Ctx} ctx @param {string} token */
function pendingSeat(ctx, token) {
  const seat = token ? [...ctx.state.seats.values()].find((s) => s.invitation_token === token) : undefined;
  if (!seat || seat.status !== 'pending') return undefined;
  if (seat.invitation_token_expires_at && Date.parse(seat.invitation_token_expires_at) < ctx.now) return undefined;
  return seat;
}

/** The seat's product and organization, through its subscription or order. @param {import('../seed.mjs').State} state @param {any} seat */
function offer(state, seat) {
  const parent = seat.subscription_id ? state.subscriptions.get(seat.subscription_id) : state.orders.get(seat.order_id);
  const product = state.products.get(parent.product_id);
  return { product, organization: state.organizations.get(product.organization_id) };
}

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: `${BASE}/{invitation_token}`, gate: 'anonymous',
    handler(ctx) {
      const seat = pendingSeat(ctx, ctx.params.invitation_token);
      if (!seat) throw notFound('Invalid or expired invitation token');
      const { product, organization } = offer(ctx.state, seat);
      requireSeatsFeature(organization);
      const member = seat.member_id ? ctx.state.members.get(seat.member_id) : null;
      const customer = seat.customer_id ? ctx.state.customers.get(seat.customer_id) : null;
      return {
        status: 200,
        body: {
          product_name: product.name, product_id: product.id, organization_name: organization.name, organization_slug: organization.slug,
          customer_email: seat.email ?? member?.email ?? customer?.email ?? '', can_claim: seat.status === 'pending',
        },
      };
    },
  },
  {
    // Not in the schema (`include_in_schema=False`): the customer's channel, while the seat is pending.
    method: 'GET', path: `${BASE}/{invitation_token}/stream`, gate: 'anonymous',
    handler(ctx) {
      const seat = pendingSeat(ctx, ctx.params.invitation_token);
      if (!seat?.customer_id) throw notFound('Invalid or expired invitation token');
      return eventStream(ctx.world, seat.customer_id);
    },
  },
  {
    // `claim_seat`: single use; the member holds the seat; a member session for them.
    method: 'POST', path: BASE, gate: 'anonymous',
    async handler(ctx) {
      const body = validateBody('SeatClaim', await ctx.body());
      const seat = [...ctx.state.seats.values()].find((s) => s.invitation_token === body.invitation_token);
      if (!seat || seat.status === 'revoked') throw invalid();
      if (seat.invitation_token_expires_at && Date.parse(seat.invitation_token_expires_at) < ctx.now) throw invalid();
      if (seat.status === 'claimed') throw invalid();
      requireSeatsFeature(offer(ctx.state, seat).organization);
      claimSeat(ctx.world, seat.id);
      const session = issueSession(ctx.world, { customerId: seat.customer_id, memberId: seat.member_id });
      return { status: 200, body: { seat: ser.seat(ctx.state, seat), customer_session_token: session.token } };
    },
  },
];
