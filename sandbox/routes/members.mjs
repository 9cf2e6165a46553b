// @ts-check
// Team members (member sessions with owner or billing_manager only), as
// server/polar/customer_portal/endpoints/member.py and member/service.py handle them.
import { validateBody, pathUuid, paginate } from '../validate.mjs';
import { notFound, polarValidationError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { revokeGrants } from '../grants.mjs';
import { subject } from './scope.mjs';
import { memberByEmail, revokeSeat } from './seats.mjs';

const BASE = '/v1/customer-portal/members';

/**
 * The team in the order Postgres happens to return it: the list query has no ORDER BY, so rows
 * come in storage order, and an updated row moves to the end (a new tuple). Pages of an unsorted
 * list can shift between requests, as on Polar.
 * @param {import('../server.mjs').Ctx} ctx
 */
const teamMembers = (ctx) => [...ctx.state.members.values()].filter((m) => m.customer_id === subject(ctx).customer.id);

/** Writes a member back as Postgres does an UPDATE: at the end of the table. @param {import('../seed.mjs').State} state @param {any} m */
function rewrite(state, m) {
  state.members.delete(m.id);
  state.members.set(m.id, m);
}

/** @param {import('../server.mjs').Ctx} ctx */
function target(ctx) {
  const m = ctx.state.members.get(pathUuid('id', ctx.params.id));
  if (!m || m.customer_id !== subject(ctx).customer.id) throw notFound('Member not found');
  return m;
}

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: BASE, gate: 'billing_manager',
    handler(ctx) {
      const p = ctx.query.pagination();
      ctx.query.done();
      return { status: 200, body: paginate(teamMembers(ctx), p, ser.portalMember) };
    },
  },
  {
    method: 'POST', path: BASE, gate: 'billing_manager',
    async handler(ctx) {
      const body = validateBody('CustomerPortalMemberCreate', await ctx.body());
      if (body.role === 'owner') throw polarValidationError(['body', 'role'], 'Cannot add a member as owner. There must be exactly one owner.', 'owner');
      // `add_to_customer` → `get_or_create_by_email`: an existing address returns its member as it is.
      const before = ctx.state.members.size;
      const m = memberByEmail(ctx.state, subject(ctx).customer.id, body.email.trim(), ctx.now);
      if (ctx.state.members.size > before) Object.assign(m, { name: body.name ?? null, role: body.role ?? 'member' });
      return { status: 201, body: ser.portalMember(m) };
    },
  },
  {
    method: 'PATCH', path: `${BASE}/{id}`, gate: 'billing_manager',
    async handler(ctx) {
      const body = validateBody('CustomerPortalMemberUpdate', await ctx.body());
      const m = target(ctx);
      const me = /** @type {any} */ (subject(ctx).member);
      const now = new Date(ctx.now).toISOString();
      // The endpoint refuses a change of your own role; asking for the role you have is no change.
      if (body.role && body.role !== m.role && m.id === me.id) throw polarValidationError(['path', 'id'], 'You cannot modify your own role.', m.id);
      const changed = [];
      if (body.role && body.role !== m.role) {
        const owners = teamMembers(ctx).filter((x) => x.role === 'owner');
        if (body.role === 'owner') {
          // `update`: only the owner transfers ownership; the old owner becomes a billing manager.
          if (me.role !== 'owner') throw polarValidationError(['body', 'role'], 'Only the owner can transfer ownership.', body.role);
          Object.assign(me, { role: 'billing_manager', modified_at: now });
          changed.push(me);
        } else if (m.role === 'owner' && owners.length <= 1) {
          throw polarValidationError(['body', 'role'], 'Cannot change role. Customer must have exactly one owner.', body.role);
        }
        m.role = body.role;
        changed.push(m);
      }
      if (body.name != null) {
        m.name = body.name;
        changed.push(m);
      }
      for (const x of new Set(changed)) {
        x.modified_at = now;
        rewrite(ctx.state, x);
      }
      return { status: 200, body: ser.portalMember(m) };
    },
  },
  {
    method: 'DELETE', path: `${BASE}/{id}`, gate: 'billing_manager',
    handler(ctx) {
      const m = target(ctx);
      const me = /** @type {any} */ (subject(ctx).member);
      if (m.id === me.id) throw polarValidationError(['path', 'id'], 'You cannot remove yourself from the team.', m.id);
      if (m.role === 'owner' && teamMembers(ctx).filter((x) => x.role === 'owner').length <= 1) {
        throw polarValidationError(['body'], 'Cannot delete the only owner. Transfer ownership first.', m.id);
      }
      ctx.state.members.delete(m.id);
      // `delete`: the member's seats are revoked and their grants deleted by background jobs
      // (`customer_seat.revoke_seats_for_member`); until they run, the seats still show them.
      const { world } = ctx;
      const seats = [...world.state.seats.values()].filter((s) => s.member_id === m.id && s.status !== 'revoked');
      world.background.enqueue(() => {
        for (const s of seats) revokeSeat(world, s);
        revokeGrants(world, { customerId: m.customer_id, memberId: m.id });
      });
      return { status: 204 };
    },
  },
];
