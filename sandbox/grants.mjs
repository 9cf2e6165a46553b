// @ts-check
// Benefit grants: what a customer (or one member of a team) holds because of a purchase. The
// seed creates its grants with these, and the background jobs that Polar runs
// (`benefit.enqueue_benefits_grants`, server/polar/benefit/grant/service.py) grant and revoke
// with them, publishing `benefit.granted` / `benefit.revoked` on the customer's event stream.
import { hexFrom, uuidFrom, newId } from './ids.mjs';

/**
 * @typedef {{customerId: string, memberId: string|null, subscriptionId?: string|null, orderId?: string|null}} Holder
 */

/**
 * Grants one benefit. `key` makes the ids stable (the seed); without it they are fresh.
 * @param {import('./seed.mjs').State} state @param {string} benefitId @param {Holder} holder @param {string} at @param {string} [key]
 */
export function grantBenefit(state, benefitId, holder, at, key) {
  const id = key ? uuidFrom(`grant:${key}`) : newId();
  const b = state.benefits.get(benefitId);
  /** @type {any} */ let properties = {};
  if (b.type === 'license_keys') {
    const lkId = key ? uuidFrom(`license:${key}`) : newId();
    const raw = hexFrom(`license:${key ?? lkId}`, 32).toUpperCase();
    const lkKey = `${b.properties.prefix}-${raw.slice(0, 8)}-${raw.slice(8, 12)}-${raw.slice(12, 16)}-${raw.slice(16, 20)}-${raw.slice(20, 32)}`;
    state.licenseKeys.set(lkId, {
      id: lkId, organization_id: b.organization_id, customer_id: holder.customerId, member_id: holder.memberId, benefit_id: benefitId, key: lkKey, status: 'granted',
      limit_activations: b.properties.activations?.limit ?? null, usage: 0, limit_usage: null, validations: key ? 17 : 0, last_validated_at: key ? at : null,
      expires_at: b.properties.expires ? new Date(Date.parse(at) + 365 * 86_400_000).toISOString() : null, created_at: at, modified_at: null,
      activations: key && b.properties.activations
        ? [{ id: uuidFrom(`activation:${key}`), license_key_id: lkId, label: 'MacBook Pro (work)', meta: { os: 'macOS 15' }, created_at: at, modified_at: null }]
        : [],
    });
    properties = { license_key_id: lkId, display_key: `****-${lkKey.slice(-6)}`, user_provided_key: lkKey };
  } else if (b.type === 'downloadables') {
    properties = { files: b.properties.files };
  }
  const grant = {
    id, customer_id: holder.customerId, member_id: holder.memberId, benefit_id: benefitId, subscription_id: holder.subscriptionId ?? null,
    order_id: holder.orderId ?? null, granted_at: at, revoked_at: null, properties, error: null, created_at: at, modified_at: null,
  };
  state.grants.set(id, grant);
  return grant;
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
    g.revoked_at = at;
    g.modified_at = at;
    world.background.publish(g.customer_id, 'benefit.revoked', { benefit_id: g.benefit_id, benefit_type: world.state.benefits.get(g.benefit_id).type });
  }
}

/** @param {any} g @param {Holder} h */
const sameHolder = (g, h) =>
  g.customer_id === h.customerId &&
  (h.memberId === undefined || g.member_id === h.memberId) &&
  (!h.subscriptionId || g.subscription_id === h.subscriptionId) &&
  (!h.orderId || g.order_id === h.orderId);
