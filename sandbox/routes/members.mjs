// @ts-check
// Team members (member sessions with owner or billing_manager only; §3.1 member rules).
import { validateBody, pathUuid, paginate } from '../validate.mjs';
import { notFound, notPermitted, polarValidationError } from '../http.mjs';
import { newId } from '../ids.mjs';
import * as ser from '../serialize.mjs';
import { subject } from './scope.mjs';

const BASE = '/v1/customer-portal/members';

/** @param {import('../server.mjs').Ctx} ctx */
const teamMembers = (ctx) => [...ctx.state.members.values()].filter((m) => m.customer_id === subject(ctx).customer.id);

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
      const all = teamMembers(ctx).sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.email < b.email ? -1 : 1));
      return { status: 200, body: paginate(all, p, ser.portalMember) };
    },
  },
  {
    method: 'POST', path: BASE, gate: 'billing_manager',
    async handler(ctx) {
      const raw = /** @type {any} */ (await ctx.body());
      const body = validateBody('CustomerPortalMemberCreate', raw);
      if (body.role === 'owner') throw polarValidationError(['body', 'role'], 'Cannot add a member as owner. There must be exactly one owner.', 'owner');
      const existing = teamMembers(ctx).find((m) => m.email.toLowerCase() === body.email.toLowerCase());
      if (existing) return { status: 201, body: ser.portalMember(existing) };
      const now = new Date(ctx.now).toISOString();
      const m = { id: newId(), customer_id: subject(ctx).customer.id, email: body.email, name: body.name ?? null, role: body.role ?? 'member', external_id: null, created_at: now, modified_at: null };
      ctx.state.members.set(m.id, m);
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
      // member/service.py: any role on yourself is refused, even the one you have.
      if (body.role && m.id === me.id) throw polarValidationError(['path', 'id'], 'You cannot modify your own role.', m.id);
      if (body.role && body.role !== m.role) {
        if (body.role === 'owner') {
          if (me.role !== 'owner') throw notPermitted('Only the owner can transfer ownership.');
          // Ownership transfer: the previous owner becomes a billing manager.
          me.role = 'billing_manager';
          me.modified_at = now;
        } else if (m.role === 'owner' && teamMembers(ctx).filter((x) => x.role === 'owner').length <= 1) {
          throw polarValidationError(['body', 'role'], 'Cannot demote the only owner. The team must have at least one owner.', body.role);
        }
        m.role = body.role;
      }
      if ('name' in body && body.name !== undefined) m.name = body.name;
      m.modified_at = now;
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
        throw polarValidationError(['path', 'id'], 'Cannot delete the only owner. Transfer ownership first.', m.id);
      }
      ctx.state.members.delete(m.id);
      // Seats and benefits of a removed member are revoked; their sessions stop resolving.
      const now = new Date(ctx.now).toISOString();
      for (const s of ctx.state.seats.values()) if (s.member_id === m.id && s.status !== 'revoked') Object.assign(s, { status: 'revoked', revoked_at: now, modified_at: now });
      for (const g of ctx.state.grants.values()) if (g.member_id === m.id && !g.revoked_at) g.revoked_at = now;
      return { status: 204 };
    },
  },
];
