// @ts-check
// Benefit grants, license keys and downloadables. Members see only their own (§3.1), and
// only grants that are not revoked (customer_portal/service/benefit_grant.py
// `_get_readable_benefit_grant_statement`).
import { validateBody, pathUuid, paginate, comparator } from '../validate.mjs';
import { HttpError, notFound, notPermitted, polarError, polarValidationError } from '../http.mjs';
import { applyGrant, licenseKeyString, linkedAccount, platformOf } from '../grants.mjs';
import * as ser from '../serialize.mjs';
import { ownsPersonal } from './scope.mjs';

const BENEFIT_TYPES = ['custom', 'discord', 'github_repository', 'downloadables', 'license_keys', 'meter_credit', 'feature_flag', 'slack_shared_channel'];
/** license_key/service.py ROTATABLE_STATUSES */
const ROTATABLE = ['disabled', 'granted'];

/** @param {import('../server.mjs').Ctx} ctx @param {string} id */
function ownGrant(ctx, id) {
  const g = ctx.state.grants.get(pathUuid('id', id));
  if (!g || !ownsPersonal(ctx, g) || g.revoked_at) throw notFound();
  return g;
}

/** The product a grant came from, through its subscription or order. @param {import('../seed.mjs').State} state @param {any} g */
function productOf(state, g) {
  const source = g.subscription_id ? state.subscriptions.get(g.subscription_id) : state.orders.get(g.order_id);
  return source ? state.products.get(source.product_id) : undefined;
}

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
          granted_at: (g) => g.granted_at ?? '', type: (g) => benefit(g).type, organization: (g) => state.organizations.get(benefit(g).organization_id).slug,
          // ProductBenefit.order: the benefit's place in its product.
          product_benefit: (g) => productOf(state, g)?.benefit_ids.indexOf(g.benefit_id) ?? 0,
        }));
      return { status: 200, body: paginate(all, p, (g) => ser.grant(state, g)) };
    },
  },
  {
    method: 'GET', path: '/v1/customer-portal/benefit-grants/{id}', gate: 'read',
    handler(ctx) {
      return { status: 200, body: ser.grant(ctx.state, ownGrant(ctx, ctx.params.id)) };
    },
  },
  {
    // customer_portal/service/benefit_grant.py `update`, then the `benefit.update` job.
    method: 'PATCH', path: '/v1/customer-portal/benefit-grants/{id}', gate: 'read',
    async handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const body = validateBody('CustomerBenefitGrantUpdate', await ctx.body());
      const g = ctx.state.grants.get(id);
      if (!g || !ownsPersonal(ctx, g)) throw notFound();
      if (g.revoked_at) throw notPermitted('Cannot update a revoked benefit grant.');
      const b = ctx.state.benefits.get(g.benefit_id);
      if (body.benefit_type !== b.type) throw polarValidationError(['body', 'benefit_type'], 'Benefit type must match the existing granted benefit type.', body.benefit_type);
      const platform = platformOf(b.type);
      if (platform) {
        const wanted = body.properties.account_id;
        if (wanted !== null && !linkedAccount(ctx.state, g, platform, wanted)) throw polarValidationError(['body', 'properties', 'account_id'], 'OAuth account does not exist.', wanted);
      }
      if (platform || b.type === 'slack_shared_channel') {
        const properties = { ...g.properties, ...body.properties };
        if (b.type === 'slack_shared_channel' && body.properties.invited_email !== g.properties.invited_email) {
          delete properties.invite_id;
          delete properties.invite_url;
        }
        g.properties = properties;
        g.error = null;
        const { world } = ctx;
        world.background.enqueue(() => applyGrant(world.state, g, new Date(world.now()).toISOString()));
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
    // customer_portal/endpoints/license_keys.py `rotate`, license_key/service.py `rotate`: a new
    // key string; status, usage, limits, expiry and activations stay.
    method: 'POST', path: '/v1/customer-portal/license-keys/{id}/rotate', gate: 'read',
    handler(ctx) {
      const { state } = ctx;
      const k = state.licenseKeys.get(pathUuid('id', ctx.params.id));
      if (!k || !ownsPersonal(ctx, k)) throw notFound();
      if (!ROTATABLE.includes(k.status)) {
        throw polarError(400, 'RotateNotPermitted', `License key cannot be rotated in its current status. Current status: ${k.status}. Allowed statuses: ${ROTATABLE.join(', ')}.`);
      }
      const now = new Date(ctx.now).toISOString();
      k.key = licenseKeyString(state.benefits.get(k.benefit_id).properties.prefix, `${k.id}:${ctx.now}`);
      k.modified_at = now;
      const g = [...state.grants.values()].find((x) => x.properties.license_key_id === k.id);
      if (g) g.properties = { ...g.properties, display_key: `****-${k.key.slice(-6)}` };
      return { status: 200, body: ser.licenseKey(state, k) };
    },
  },
  {
    // Anonymous, like Polar's: a device gives back its activation with the key itself.
    method: 'POST', path: '/v1/customer-portal/license-keys/deactivate', gate: 'anonymous',
    async handler(ctx) {
      const body = validateBody('LicenseKeyDeactivate', await ctx.body());
      const k = [...ctx.state.licenseKeys.values()].find((x) => x.organization_id === body.organization_id && x.key === body.key);
      if (!k) throw notFound();
      const i = k.activations.findIndex((/** @type {any} */ a) => a.id === body.activation_id);
      if (i < 0) throw notFound();
      k.activations.splice(i, 1);
      return { status: 204 };
    },
  },
  {
    method: 'GET', path: '/v1/customer-portal/downloadables/', gate: 'read',
    handler(ctx) {
      const benefitIds = ctx.query.uuidList('benefit_id');
      const p = ctx.query.pagination();
      ctx.query.done();
      const { state } = ctx;
      // customer_portal/repository/downloadable.py `get_customer_statement`: granted rows, newest first.
      const rows = [...state.downloadables.values()]
        .filter((d) => d.status === 'granted' && ownsPersonal(ctx, d) && (benefitIds.length === 0 || benefitIds.includes(d.benefit_id)))
        .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
      const ttl = ctx.world.config.download_ttl_seconds ?? 3600;
      return { status: 200, body: paginate(rows, p, (d) => ser.downloadable(d, state.files.get(d.file_id), ctx.origin, ctx.now, ttl)) };
    },
  },
  {
    // The signed link: 410 once it expired (itsdangerous SignatureExpired → ResourceUnavailable),
    // else a redirect to the file (customer_portal/endpoints/downloadables.py `get`).
    method: 'GET', path: '/v1/customer-portal/downloadables/{token}', gate: 'anonymous',
    handler(ctx) {
      /** @type {{id?: string, exp?: number}} */
      let token = {};
      try {
        token = JSON.parse(Buffer.from(ctx.params.token, 'base64url').toString('utf8'));
      } catch {
        throw notFound();
      }
      if (typeof token.exp !== 'number' || typeof token.id !== 'string') throw notFound();
      if (token.exp < ctx.now) throw polarError(410, 'ResourceUnavailable', 'Unavailable');
      const d = ctx.state.downloadables.get(token.id);
      if (!d) throw notFound();
      const f = ctx.state.files.get(d.file_id);
      throw new HttpError(302, undefined, { Location: `${ctx.origin}/__sandbox/files/${f.id}/${encodeURIComponent(f.name)}` });
    },
  },
];
