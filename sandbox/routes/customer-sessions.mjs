// @ts-check
// Merchant-minted sessions: POST /v1/customer-sessions/ with an organization access token
// (polar-api.md §5). The only non-portal Polar path the sandbox serves.
import { validateWith } from '../validate.mjs';
import { polarValidationError } from '../http.mjs';
import { issueSession } from '../auth.mjs';
import { newId } from '../ids.mjs';
import * as ser from '../serialize.mjs';

const optional = {
  member_id: { anyOf: [{ type: 'string', format: 'uuid4' }, { type: 'null' }] },
  external_member_id: { anyOf: [{ type: 'string' }, { type: 'null' }] },
  return_url: { anyOf: [{ type: 'string', format: 'uri', minLength: 1, maxLength: 2083 }, { type: 'null' }] },
};
const SCHEMA = {
  anyOf: [
    { title: 'CustomerSessionCustomerIDCreate', type: 'object', required: ['customer_id'], properties: { customer_id: { type: 'string', format: 'uuid4' }, ...optional } },
    { title: 'CustomerSessionCustomerExternalIDCreate', type: 'object', required: ['external_customer_id'], properties: { external_customer_id: { type: 'string' }, ...optional } },
  ],
};

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'POST', path: '/v1/customer-sessions/', gate: 'organization',
    async handler(ctx) {
      const raw = /** @type {any} */ (await ctx.body());
      // `customer_external_id` is accepted as an alias.
      const aliased = raw && typeof raw === 'object' && 'customer_external_id' in raw && !('external_customer_id' in raw)
        ? { ...raw, external_customer_id: raw.customer_external_id } : raw;
      const body = validateWith(SCHEMA, aliased);
      const org = /** @type {any} */ (ctx.principal).organization;
      const { state } = ctx;
      const customer = [...state.customers.values()].find((c) => c.organization_id === org.id && (body.customer_id ? c.id === body.customer_id : c.external_id === body.external_customer_id));
      if (!customer) {
        throw body.customer_id
          ? polarValidationError(['body', 'customer_id'], 'Customer does not exist.', body.customer_id)
          : polarValidationError(['body', 'external_customer_id'], 'Customer does not exist.', body.external_customer_id);
      }
      let member = null;
      if (org.organization_features.member_model_enabled) {
        const ofCustomer = [...state.members.values()].filter((m) => m.customer_id === customer.id);
        if (body.member_id || body.external_member_id) {
          member = ofCustomer.find((m) => (body.member_id ? m.id === body.member_id : m.external_id === body.external_member_id));
          if (!member) {
            throw body.member_id
              ? polarValidationError(['body', 'member_id'], 'Member does not exist.', body.member_id)
              : polarValidationError(['body', 'external_member_id'], 'Member does not exist.', body.external_member_id);
          }
        } else if (customer.type === 'team') {
          throw polarValidationError(['body', 'member_id'], 'member_id or external_member_id is required for team customers.', null);
        } else {
          member = ofCustomer.find((m) => m.role === 'owner');
          if (!member) {
            const now = new Date(ctx.now).toISOString();
            member = { id: newId(), customer_id: customer.id, email: customer.email, name: customer.name, role: 'owner', external_id: customer.external_id, created_at: now, modified_at: null };
            state.members.set(member.id, member);
          }
        }
      }
      const session = issueSession(ctx.world, { customerId: customer.id, memberId: member?.id ?? null, returnUrl: body.return_url ?? null });
      const email = member?.email ?? customer.email ?? '';
      const created = new Date(session.createdAt).toISOString();
      return {
        status: 201,
        body: {
          id: session.id, created_at: created, modified_at: null, token: session.token, expires_at: new Date(session.expiresAt).toISOString(),
          return_url: session.returnUrl,
          customer_portal_url: `https://sandbox.polar.invalid/${org.slug}/portal?customer_session_token=${session.token}&email=${encodeURIComponent(email)}`,
          customer_id: customer.id, customer: ser.fullCustomer(customer),
        },
      };
    },
  },
];
