// @ts-check
// Benefit grants: what a customer (or one member of a team) holds because of a purchase. The
// seed creates its grants with these, and the background jobs that Polar runs
// (`benefit.enqueue_benefits_grants`, server/polar/benefit/grant/service.py) grant and revoke
// with them, publishing `benefit.granted` / `benefit.revoked` on the customer's event stream.
import { hexFrom, uuidFrom, newId } from './ids.mjs';

/**
 * @typedef {{customerId: string, memberId: string|null, subscriptionId?: string|null, orderId?: string|null}} Holder
 */

/** The OAuth platform of a benefit type that needs a linked account. */
export const platformOf = (/** @type {string} */ type) => (type === 'github_repository' ? 'github' : type === 'discord' ? 'discord' : null);

/**
 * The linked account a grant may use (benefit/strategies/github_repository/service.py): the
 * member's first, then the customer's (customer_portal/service/benefit_grant.py `update`).
 * @param {import('./seed.mjs').State} state @param {{customer_id: string, member_id: string|null}} holder @param {string} platform @param {string} accountId
 */
export function linkedAccount(state, holder, platform, accountId) {
  const key = `${platform}:${accountId}`;
  const member = holder.member_id ? state.members.get(holder.member_id) : null;
  return member?.oauth_accounts?.[key] ?? state.customers.get(holder.customer_id)?.oauth_accounts?.[key] ?? null;
}

/**
 * What Polar's strategy for the benefit's type does when it grants (or re-grants after an
 * update): invite a linked GitHub or Discord account, or fail with BenefitActionRequiredError
 * until one is chosen; hand out the active files; credit units.
 * @param {import('./seed.mjs').State} state @param {any} g @param {string} at
 */
export function applyGrant(state, g, at) {
  const b = state.benefits.get(g.benefit_id);
  const platform = platformOf(b.type);
  g.error = null;
  if (platform) {
    const accountId = g.properties.account_id ?? null;
    if (!accountId || !linkedAccount(state, g, platform, accountId)) {
      // models/benefit_grant.py `set_grant_failed`: not granted, not revoked, the error kept.
      const { granted_account_id: _, ...rest } = g.properties;
      g.properties = { ...rest, account_id: accountId };
      g.granted_at = null;
      g.error = { message: `The customer needs to connect their ${platform === 'github' ? 'GitHub' : 'Discord'} account`, type: 'BenefitActionRequiredError', timestamp: at };
      return;
    }
    g.properties = platform === 'github'
      ? { account_id: accountId, granted_account_id: accountId, repository_owner: b.properties.repository_owner, repository_name: b.properties.repository_name, permission: b.properties.permission }
      : { account_id: accountId, granted_account_id: accountId, guild_id: b.properties.guild_id, role_id: b.properties.role_id };
  } else if (b.type === 'downloadables') {
    const active = activeFiles(b);
    for (const fileId of active) {
      const exists = [...state.downloadables.values()].some((d) => d.file_id === fileId && d.customer_id === g.customer_id && d.member_id === g.member_id && d.status === 'granted');
      if (!exists) {
        const id = uuidFrom(`downloadable:${g.id}:${fileId}`);
        state.downloadables.set(id, { id, customer_id: g.customer_id, member_id: g.member_id, benefit_id: b.id, file_id: fileId, status: 'granted', created_at: at });
      }
    }
    g.properties = { files: active };
  } else if (b.type === 'meter_credit') {
    g.properties = { last_credited_at: at, last_credited_meter_id: b.properties.meter_id, last_credited_units: b.properties.units };
  } else if (b.type === 'slack_shared_channel') {
    // The invitation goes out when the customer gives an email (benefit.update, below).
    if (g.properties.invited_email && !g.properties.invite_url) {
      g.properties = { ...g.properties, invite_id: `I${hexFrom(`slack:${g.id}:${g.properties.invited_email}`, 10).toUpperCase()}`, invite_url: `https://join.slack.com/share/${hexFrom(`slack-url:${g.id}:${g.properties.invited_email}`, 24)}` };
    }
  }
  g.granted_at ??= at;
}

/** The benefit's files that are not archived (downloadables/schemas.py `get_active_file_ids`). @param {any} b */
export const activeFiles = (b) => b.properties.files.filter((/** @type {string} */ id) => !b.properties.archived?.[id]);

/**
 * Grants one benefit. `key` makes the ids stable (the seed); without it they are fresh.
 * @param {import('./seed.mjs').State} state @param {string} benefitId @param {Holder} holder @param {string} at @param {string} [key] @param {any} [properties]
 */
export function grantBenefit(state, benefitId, holder, at, key, properties = {}) {
  const id = key ? uuidFrom(`grant:${key}`) : newId();
  const b = state.benefits.get(benefitId);
  if (b.type === 'license_keys') {
    const lkId = key ? uuidFrom(`license:${key}`) : newId();
    const lkKey = licenseKeyString(b.properties.prefix, key ?? lkId);
    state.licenseKeys.set(lkId, {
      id: lkId, organization_id: b.organization_id, customer_id: holder.customerId, member_id: holder.memberId, benefit_id: benefitId, key: lkKey, status: 'granted',
      limit_activations: b.properties.activations?.limit ?? null, usage: 0, limit_usage: null, validations: key ? 17 : 0, last_validated_at: key ? at : null,
      expires_at: b.properties.expires ? new Date(Date.parse(at) + 365 * 86_400_000).toISOString() : null, created_at: at, modified_at: null,
      activations: key && b.properties.activations
        ? [{ id: uuidFrom(`activation:${key}`), license_key_id: lkId, label: 'MacBook Pro (work)', meta: { os: 'macOS 15' }, created_at: at, modified_at: null }]
        : [],
    });
    properties = { license_key_id: lkId, display_key: `****-${lkKey.slice(-6)}`, user_provided_key: lkKey };
  }
  const grant = {
    id, customer_id: holder.customerId, member_id: holder.memberId, benefit_id: benefitId, subscription_id: holder.subscriptionId ?? null,
    order_id: holder.orderId ?? null, granted_at: null, revoked_at: null, properties, error: null, created_at: at, modified_at: null,
  };
  applyGrant(state, grant, at);
  state.grants.set(id, grant);
  return grant;
}

/** A key as Polar generates one (license_key/schemas.py `generate_key`): PREFIX-UUID, upper case. @param {string|null} prefix @param {string} seed */
export function licenseKeyString(prefix, seed) {
  const raw = hexFrom(`license:${seed}`, 32).toUpperCase();
  const uuid = `${raw.slice(0, 8)}-${raw.slice(8, 12)}-${raw.slice(12, 16)}-${raw.slice(16, 20)}-${raw.slice(20, 32)}`;
  return prefix ? `${prefix.trim().toUpperCase()}-${uuid}` : uuid;
}

/**
 * The grant job for a product: every benefit of the product, granted a moment later, each
 * announced on the stream.
 * @param {import('./server.mjs').World} world @param {string} productId @param {Holder} holder
 */
export function enqueueProductGrants(world, productId, holder) {
  world.background.enqueue(() => {
    const product = world.state.products.get(productId);
    const at = new Date(world.now()).toISOString();
    for (const benefitId of product?.benefit_ids ?? []) {
      const held = [...world.state.grants.values()].some((g) => g.benefit_id === benefitId && !g.revoked_at && sameHolder(g, holder));
      if (held) continue;
      grantBenefit(world.state, benefitId, holder, at);
      world.background.publish(holder.customerId, 'benefit.granted', { benefit_id: benefitId, benefit_type: world.state.benefits.get(benefitId).type });
    }
  });
}

/**
 * The revoke job: every grant the holder has from that purchase, revoked a moment later.
 * @param {import('./server.mjs').World} world @param {Holder} holder
 */
export function enqueueRevokeGrants(world, holder) {
  world.background.enqueue(() => revokeGrants(world, holder));
}

/** @param {import('./server.mjs').World} world @param {Holder} holder */
export function revokeGrants(world, holder) {
  const at = new Date(world.now()).toISOString();
  for (const g of world.state.grants.values()) {
    if (g.revoked_at || !sameHolder(g, holder)) continue;
    // models/benefit_grant.py `set_revoked`; downloadables/service.py `revoke_for_benefit`.
    g.revoked_at = at;
    g.granted_at = null;
    g.error = null;
    g.modified_at = at;
    for (const d of world.state.downloadables.values()) {
      if (d.benefit_id === g.benefit_id && d.customer_id === g.customer_id && d.member_id === g.member_id) d.status = 'revoked';
    }
    world.background.publish(g.customer_id, 'benefit.revoked', { benefit_id: g.benefit_id, benefit_type: world.state.benefits.get(g.benefit_id).type });
  }
}

/** @param {any} g @param {Holder} h */
const sameHolder = (g, h) =>
  g.customer_id === h.customerId &&
  (h.memberId === undefined || g.member_id === h.memberId) &&
  (!h.subscriptionId || g.subscription_id === h.subscriptionId) &&
  (!h.orderId || g.order_id === h.orderId);
