// @ts-check
// Email-code login (polar-api.md §4) and the session's own introspection.
import { validateBody } from '../validate.mjs';
import { HttpError, polarError, polarValidationError } from '../http.mjs';
import { issueLoginCode, issueSession, useLoginCode } from '../auth.mjs';
import { newId } from '../ids.mjs';
import { subject } from './scope.mjs';

const BASE = '/v1/customer-portal/customer-session';

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'POST', path: `${BASE}/request`, gate: 'anonymous',
    async handler(ctx) {
      const body = validateBody('CustomerSessionCodeRequest', await ctx.body());
      const { state } = ctx;
      const org = state.organizations.get(body.organization_id);
      // Every "not found" answers 202 null so the endpoint never reveals who is a customer.
      if (!org) return { status: 202, body: null };
      const email = body.email.toLowerCase();
      const orgCustomers = [...state.customers.values()].filter((c) => c.organization_id === org.id);
      /** @type {{customer: any, member: any}[]} */
      let targets;
      if (org.organization_features.member_model_enabled) {
        const ids = new Set(orgCustomers.map((c) => c.id));
        targets = [...state.members.values()].filter((m) => ids.has(m.customer_id) && m.email.toLowerCase() === email)
          .map((m) => ({ customer: state.customers.get(m.customer_id), member: m }));
        if (targets.length === 0) {
          targets = orgCustomers.filter((c) => c.email?.toLowerCase() === email).map((c) => ({ customer: c, member: null }));
        }
      } else {
        targets = orgCustomers.filter((c) => c.email?.toLowerCase() === email).map((c) => ({ customer: c, member: null }));
      }
      if (body.customer_id) targets = targets.filter((t) => t.customer.id === body.customer_id);
      if (targets.length === 0) return { status: 202, body: null };
      if (targets.length > 1) {
        throw new HttpError(409, {
          error: 'customer_selection_required',
          detail: 'Multiple customers found for this email. Please select one.',
          customers: targets.map((t) => ({ id: t.customer.id, name: t.customer.name })),
        });
      }
      let { customer, member } = targets[0];
      if (org.organization_features.member_model_enabled && !member) {
        // A customer with this email but no member yet: Polar auto-creates its owner member.
        const now = new Date(ctx.now).toISOString();
        member = { id: newId(), customer_id: customer.id, email: customer.email, name: customer.name, role: 'owner', external_id: null, created_at: now, modified_at: null };
        state.members.set(member.id, member);
      }
      issueLoginCode(ctx.world, { customerId: customer.id, memberId: member?.id ?? null, email: member?.email ?? customer.email, organizationId: org.id });
      return { status: 202, body: null };
    },
  },
  {
    method: 'POST', path: `${BASE}/authenticate`, gate: 'anonymous',
    async handler(ctx) {
      const body = validateBody('CustomerSessionCodeAuthenticateRequest', await ctx.body());
      const { codes } = ctx.world.auth;
      const entry = codes.get(body.code); // exact comparison: lower case never matches
      const invalid = () => polarError(401, 'CustomerSessionCodeInvalidOrExpired', 'This customer session code is invalid or has expired.');
      if (!entry || entry.expiresAt <= ctx.now) throw invalid();
      const customer = ctx.state.customers.get(entry.customerId);
      if (!customer || (entry.memberId && !ctx.state.members.has(entry.memberId))) throw invalid();
      useLoginCode(ctx.world, body.code); // single use
      if (customer.email && customer.email.toLowerCase() === entry.email.toLowerCase()) customer.email_verified = true;
      const session = issueSession(ctx.world, { customerId: customer.id, memberId: entry.memberId });
      return { status: 200, body: { token: session.token } };
    },
  },
  {
    method: 'GET', path: `${BASE}/introspect`, gate: 'read',
    handler(ctx) {
      const { session } = subject(ctx);
      return { status: 200, body: { expires_at: new Date(session.expiresAt).toISOString(), return_url: session.returnUrl } };
    },
  },
  {
    method: 'GET', path: `${BASE}/user`, gate: 'read',
    handler(ctx) {
      const { customer, member } = subject(ctx);
      if (member) {
        return { status: 200, body: { type: 'member', name: member.name, email: member.email, customer_id: customer.id, member_id: member.id, role: member.role } };
      }
      if (!customer.email) throw polarValidationError(['body'], 'Team customers must use member sessions. Create a customer session via the API with a member_id.', null);
      return { status: 200, body: { type: 'customer', name: customer.name, email: customer.email, customer_id: customer.id, member_id: null, role: null } };
    },
  },
];
