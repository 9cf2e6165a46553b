// @ts-check
// Benefit grants, license keys and downloadables. Members see only their own (§3.1).
import { validateBody, pathUuid, paginate, comparator } from '../validate.mjs';
import { notFound, notPermitted, polarValidationError } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { ownsPersonal } from './scope.mjs';

const BENEFIT_TYPES = ['custom', 'discord', 'github_repository', 'downloadables', 'license_keys', 'meter_credit', 'feature_flag', 'slack_shared_channel'];

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: '/v1/customer-portal/benefit-grants/', gate: 'read',
    handler(ctx) {
      const q = ctx.query;
      const text = q.string('query')?.toLowerCase() ?? null;
      const types = q.enumList('type', BENEFIT_TYPES);
      const filters = /** @type {const} */ (['benefit_id', 'checkout_id', 'order_id', 'subscription_id', 'member_id']).map((k) => /** @type {[string, string[]]} */ ([k, q.uuidList(k)]));
      const p = q.pagination();
      const sorting = q.sorting(['granted_at', 'type', 'organization', 'product_benefit'], ['product_benefit', '-granted_at']);
      q.done();
      const { state } = ctx;
      const benefit = (/** @type {any} */ g) => state.benefits.get(g.benefit_id);
      const all = [...state.grants.values()]
        .filter((g) => ownsPersonal(ctx, g) && !g.revoked_at)
        .filter((g) => types.length === 0 || types.includes(benefit(g).type))
        .filter((g) => !text || benefit(g).description.toLowerCase().includes(text))
        .filter((g) => filters.every(([k, ids]) => {
          if (ids.length === 0) return true;
          const value = k === 'checkout_id' ? (g.order_id ? state.orders.get(g.order_id)?.checkout_id : state.subscriptions.get(g.subscription_id)?.checkout_id) : g[k];
          return ids.includes(value);
        }))
        .sort(comparator(sorting, {
          granted_at: (g) => g.granted_at, type: (g) => benefit(g).type, organization: (g) => state.organizations.get(benefit(g).organization_id).name,
          product_benefit: (g) => benefit(g).description,
        }));
      return { status: 200, body: paginate(all, p, (g) => ser.grant(state, g)) };
    },
  },
  {
    method: 'GET', path: '/v1/customer-portal/benefit-grants/{id}', gate: 'read',
    handler(ctx) {
      const g = ctx.state.grants.get(pathUuid('id', ctx.params.id));
      if (!g || !ownsPersonal(ctx, g)) throw notFound();
      return { status: 200, body: ser.grant(ctx.state, g) };
    },
  },
  {
    method: 'PATCH', path: '/v1/customer-portal/benefit-grants/{id}', gate: 'read',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const body = validateBody('CustomerBenefitGrantUpdate', await ctx.body());
      const g = ctx.state.grants.get(id);
      if (!g || !ownsPersonal(ctx, g)) throw notFound();
      const b = ctx.state.benefits.get(g.benefit_id);
      if (body.benefit_type !== b.type) throw polarValidationError(['body', 'benefit_type'], `Benefit type must be ${b.type}.`, body.benefit_type);
      if (g.revoked_at) throw notPermitted('Cannot update a revoked benefit grant.');
      if (b.type === 'discord' || b.type === 'github_repository') {
        const platform = b.type === 'discord' ? 'discord' : 'github';
        const account = ctx.state.customers.get(g.customer_id).oauth_accounts[platform];
        const wanted = body.properties.account_id;
        if (wanted !== null && account?.account_id !== wanted) throw polarValidationError(['body', 'properties', 'account_id'], 'OAuth account does not exist.', wanted);
        g.properties = { ...g.properties, account_id: wanted };
      } else if (b.type === 'slack_shared_channel') {
        g.properties = { ...g.properties, invited_email: body.properties.invited_email };
      }
      g.modified_at = new Date(ctx.now).toISOString();
      return { status: 200, body: ser.grant(ctx.state, g) };
    },
  },
  {
    method: 'GET', path: '/v1/customer-portal/license-keys/', gate: 'read',
    handler(ctx) {
      const benefitId = ctx.query.uuid('benefit_id');
      const p = ctx.query.pagination();
      ctx.query.done();
      const all = [...ctx.state.licenseKeys.values()]
        .filter((k) => ownsPersonal(ctx, k) && (!benefitId || k.benefit_id === benefitId))
        .sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
      return { status: 200, body: paginate(all, p, (k) => ser.licenseKey(ctx.state, k)) };
    },
  },
  {
    method: 'GET', path: '/v1/customer-portal/license-keys/{id}', gate: 'read',
    handler(ctx) {
      const k = ctx.state.licenseKeys.get(pathUuid('id', ctx.params.id));
      if (!k || !ownsPersonal(ctx, k)) throw notFound('License key not found.');
      return { status: 200, body: ser.licenseKeyWithActivations(ctx.state, k) };
    },
  },
  {
    method: 'GET', path: '/v1/customer-portal/downloadables/', gate: 'read',
    handler(ctx) {
      const benefitIds = ctx.query.uuidList('benefit_id');
      const p = ctx.query.pagination();
      ctx.query.done();
      const { state } = ctx;
      const granted = new Set([...state.grants.values()]
        .filter((g) => ownsPersonal(ctx, g) && !g.revoked_at && state.benefits.get(g.benefit_id).type === 'downloadables')
        .map((g) => g.benefit_id));
      const files = [...state.files.values()]
        .filter((f) => granted.has(f.benefit_id) && (benefitIds.length === 0 || benefitIds.includes(f.benefit_id)))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      return { status: 200, body: paginate(files, p, (f) => ser.downloadable(f, ctx.origin, ctx.now)) };
    },
  },
];
