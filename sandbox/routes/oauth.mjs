// @ts-check
// Linking a GitHub or Discord account, as Polar does it
// (server/polar/customer_portal/endpoints/oauth_accounts.py): `authorize` answers the provider's
// URL with a signed state; the provider sends the browser to `callback`, which stores the account
// on the member (or the customer), gives the account to grants that were waiting for one
// (BenefitActionRequiredError), and redirects to `return_to` when its host is allowed
// (kit/http.py `get_safe_return_url`), else to the frontend's "/". A browser arriving without a
// session gets one, in the redirect's query (`customer_session_token` / `member_session_token`).
// The provider is the local Polar's stand-in page (sandbox/oauth.mjs).
import { issueSession } from '../auth.mjs';
import { applyGrant, platformOf } from '../grants.mjs';
import { HttpError, notPermitted, requestValidationError } from '../http.mjs';
import { hexFrom } from '../ids.mjs';
import { subject } from './scope.mjs';

const PLATFORMS = ['github', 'discord'];

/** The frontend of the local Polar is its own origin; Polar allows only its own hosts (config ALLOWED_HOSTS). @param {string|null} returnTo @param {string} origin */
export function safeReturnUrl(returnTo, origin) {
  if (!returnTo) return `${origin}/`;
  try {
    const url = new URL(returnTo, origin);
    if (!/^\//.test(returnTo) && url.origin !== origin) return `${origin}/`;
    return url.href;
  } catch {
    return `${origin}/`;
  }
}

/** The signed state (Polar: a JWT of type customer_oauth). @param {any} data */
export const encodeState = (data) => Buffer.from(JSON.stringify(data)).toString('base64url');
/** @param {string} state */
function decodeState(state) {
  try {
    return JSON.parse(Buffer.from(state, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** @param {string} url @param {Record<string, string>} params */
const withQuery = (url, params) => {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.href;
};

/** The stand-in provider's account for a holder: stable, so a second link is the same account. @param {string} platform @param {any} who */
export const providerAccount = (platform, who) => ({
  account_id: String(parseInt(hexFrom(`${platform}:${who.id}`, 8), 16)),
  account_username: `${(who.name ?? who.email).split(/[\s@]/)[0].toLowerCase()}-${platform === 'github' ? 'gh' : 'dc'}`,
});

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: '/v1/customer-portal/oauth-accounts/authorize', gate: 'read',
    handler(ctx) {
      const platform = ctx.query.string('platform');
      const returnTo = ctx.query.string('return_to');
      ctx.query.string('customer_id');
      ctx.query.done();
      if (!platform || !PLATFORMS.includes(platform)) {
        throw requestValidationError([{ type: platform ? 'enum' : 'missing', loc: ['query', 'platform'], msg: platform ? "Input should be 'discord' or 'github'" : 'Field required', input: platform ?? null }]);
      }
      const { customer, member } = subject(ctx);
      const state = encodeState({ platform, return_to: safeReturnUrl(returnTo, ctx.origin), customer_id: customer.id, member_id: member?.id ?? null });
      const redirect = `${ctx.origin}/v1/customer-portal/oauth-accounts/callback`;
      return { status: 200, body: { url: withQuery(`${ctx.origin}/__oauth/${platform}/authorize`, { state, redirect_uri: redirect, response_type: 'code' }) } };
    },
  },
  {
    method: 'GET', path: '/v1/customer-portal/oauth-accounts/callback', gate: 'anonymous',
    handler(ctx) {
      const data = decodeState(ctx.query.string('state') ?? '');
      const code = ctx.query.string('code');
      const error = ctx.query.string('error');
      if (!data?.customer_id) throw notPermitted('Invalid state');
      const { state, world } = ctx;
      const customer = state.customers.get(data.customer_id);
      if (!customer) throw notPermitted('Invalid customer');
      const member = data.member_id ? state.members.get(data.member_id) : null;
      const platform = data.platform;
      let redirect = safeReturnUrl(data.return_to, ctx.origin);
      if (!code || error) {
        throw new HttpError(303, undefined, { Location: withQuery(redirect, { error: error ?? 'Failed to authorize.', error_platform: platform }) });
      }
      const session = issueSession(world, { customerId: customer.id, memberId: member?.id ?? null });
      redirect = withQuery(redirect, { [member ? 'member_session_token' : 'customer_session_token']: session.token });
      const account = providerAccount(platform, member ?? customer);
      const holder = member ?? customer;
      holder.oauth_accounts = { ...(holder.oauth_accounts ?? {}), [`${platform}:${account.account_id}`]: account };
      // Grants that failed for want of an account get this one, and are granted again.
      const at = new Date(world.now()).toISOString();
      for (const g of state.grants.values()) {
        const type = state.benefits.get(g.benefit_id).type;
        if (g.customer_id !== customer.id || (member ? g.member_id !== member.id : g.member_id) || platformOf(type) !== platform) continue;
        if (g.error?.type !== 'BenefitActionRequiredError' || g.revoked_at) continue;
        g.properties = { ...g.properties, account_id: account.account_id };
        world.background.enqueue(() => applyGrant(world.state, g, at));
      }
      throw new HttpError(307, undefined, { Location: redirect });
    },
  },
];
