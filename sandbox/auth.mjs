// @ts-check
// Bearer tokens, customer/member sessions, login codes and the role gates of polar-api.md §3.
import { generateToken, generateLoginCode, newId } from './ids.mjs';
import { invalidTokenError, notPermitted, unauthorized } from './http.mjs';

export const CUSTOMER_PREFIX = 'polar_cst_';
export const MEMBER_PREFIX = 'polar_mst_';
const CODE_TTL_MS = 30 * 60 * 1000;

/**
 * @typedef {{id: string, token: string, kind: 'customer'|'member', customerId: string, memberId: string|null, expiresAt: number, returnUrl: string|null, createdAt: number}} Session
 * @typedef {{kind: 'customer', customer: any, member: null, session: Session}
 *   | {kind: 'member', customer: any, member: any, session: Session}
 *   | {kind: 'organization', organization: any}} Principal
 * @typedef {{email: string, code: string, organization_id: string, sent_at: string, expires_at: string, used_at: string|null}} OutboxEntry
 *   a code as it was "emailed"; `used_at` once it signed someone in (Polar then deletes it)
 */

export function createAuthStore() {
  return {
    /** @type {Map<string, Session>} token → session */
    sessions: new Map(),
    /** @type {Map<string, {code: string, customerId: string, memberId: string|null, email: string, expiresAt: number}>} */
    codes: new Map(),
    /** @type {OutboxEntry[]} newest first */
    outbox: [],
  };
}

/**
 * FastAPI's `get_authorization_scheme_param`: only a `bearer` scheme with an ASCII value counts.
 * @param {import('node:http').IncomingMessage} req
 */
export function readBearer(req) {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  if (scheme.toLowerCase() !== 'bearer' || !value || !/^[\x00-\x7f]+$/.test(value)) return null;
  return value;
}

/**
 * Resolve a token to its subject, or throw 401 invalid_token (any unknown, expired or
 * unrecognised token, exactly as the auth middleware does before routing).
 * @param {import('./server.mjs').World} world
 * @param {string} token
 * @returns {Principal}
 */
export function resolveToken(world, token) {
  const { state, auth } = world;
  if (token.startsWith(CUSTOMER_PREFIX) || token.startsWith(MEMBER_PREFIX)) {
    const session = auth.sessions.get(token);
    if (!session || session.expiresAt <= world.now()) throw invalidTokenError();
    const customer = state.customers.get(session.customerId);
    if (!customer) throw invalidTokenError();
    if (session.kind === 'member') {
      const member = state.members.get(/** @type {string} */ (session.memberId));
      if (!member) throw invalidTokenError(); // deleted member: the session dies with it
      return { kind: 'member', customer, member, session };
    }
    return { kind: 'customer', customer, member: null, session };
  }
  for (const organization of state.organizations.values()) {
    if (organization.accessToken === token) return { kind: 'organization', organization };
  }
  throw invalidTokenError();
}

/**
 * Issue a session token (login or merchant-minted).
 * @param {import('./server.mjs').World} world
 * @param {{customerId: string, memberId: string|null, returnUrl?: string|null}} subject
 */
export function issueSession(world, { customerId, memberId, returnUrl = null }) {
  const kind = memberId ? 'member' : 'customer';
  const token = generateToken(kind === 'member' ? MEMBER_PREFIX : CUSTOMER_PREFIX);
  const now = world.now();
  /** @type {Session} */
  const session = { id: newId(), token, kind, customerId, memberId, returnUrl, createdAt: now, expiresAt: now + world.config.token_ttl_seconds * 1000 };
  world.auth.sessions.set(token, session);
  return session;
}

/**
 * Create a login code and "email" it to the outbox.
 * @param {import('./server.mjs').World} world
 * @param {{customerId: string, memberId: string|null, email: string, organizationId: string}} target
 */
export function issueLoginCode(world, { customerId, memberId, email, organizationId }) {
  let code = generateLoginCode();
  while (world.auth.codes.has(code)) code = generateLoginCode();
  const now = world.now();
  const ttl = world.config.code_ttl_seconds != null ? world.config.code_ttl_seconds * 1000 : CODE_TTL_MS;
  world.auth.codes.set(code, { code, customerId, memberId, email, expiresAt: now + ttl });
  world.auth.outbox.unshift({ email, code, organization_id: organizationId, sent_at: new Date(now).toISOString(), expires_at: new Date(now + ttl).toISOString(), used_at: null });
  return code;
}

/**
 * The code signed someone in: Polar deletes it (customer_portal/service/customer_session.py,
 * `authenticate`), and the outbox marks its mail as used so nobody fills it in again.
 * @param {import('./server.mjs').World} world
 * @param {string} code
 */
export function useLoginCode(world, code) {
  world.auth.codes.delete(code);
  const mail = world.auth.outbox.find((entry) => entry.code === code && !entry.used_at);
  if (mail) mail.used_at = new Date(world.now()).toISOString();
}

/**
 * The outbox as the control API shows it: each mail says whether its code still works.
 * @param {import('./server.mjs').World} world
 */
export function outboxView(world) {
  const now = world.now();
  return world.auth.outbox.map((entry) => ({
    ...entry,
    status: entry.used_at ? 'used' : Date.parse(entry.expires_at) <= now ? 'expired' : 'unused',
  }));
}

/** Every issued session expires now (the control API's "session expires mid-use"). */
export function expireAllSessions(/** @type {import('./server.mjs').World} */ world) {
  const now = world.now();
  for (const s of world.auth.sessions.values()) s.expiresAt = Math.min(s.expiresAt, now);
}

/**
 * @typedef {'anonymous'|'read'|'billing'|'billing_manager'|'organization'} Gate
 */

/**
 * Apply an endpoint's server dependency (polar-api.md §3.1) to the resolved principal.
 * @param {Gate} gate
 * @param {Principal|null} principal
 */
export function authorize(gate, principal) {
  if (gate === 'anonymous') return;
  if (gate === 'organization') {
    if (principal?.kind !== 'organization') throw unauthorized();
    return;
  }
  if (!principal || principal.kind === 'organization') throw unauthorized();
  if (gate === 'read') return;
  if (gate === 'billing') {
    if (principal.kind === 'member' && principal.member.role === 'member') {
      throw notPermitted('Only owners and billing managers can access billing features.');
    }
    return;
  }
  // billing_manager (members endpoints): customer sessions are not an allowed subject at all.
  if (principal.kind !== 'member') throw unauthorized();
  if (principal.member.role === 'member') throw notPermitted('Insufficient role for this operation');
  if (principal.customer.type !== 'team') {
    throw notPermitted('Member management is only available for team customers. Purchase a seat-based product to enable team features.');
  }
}
