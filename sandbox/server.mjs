// @ts-check
// The request pipeline, in Polar's middleware order: API version (outside CORS) → CORS →
// fault injection → rate limit → token auth → routing → role gate → handler.
import { createHash } from 'node:crypto';
import { createState } from './seed.mjs';
import { HttpError, writeResponse, routeNotFound, methodNotAllowed, readJsonBody } from './http.mjs';
import { Query } from './validate.mjs';
import { createAuthStore, readBearer, resolveToken, authorize } from './auth.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { createFaults } from './faults.mjs';
import { createBackground } from './background.mjs';
import { handleControl } from './control.mjs';
import { serveEmbed } from './embed.mjs';
import { serveStripe } from './stripe.mjs';
import { serveHostedPortal } from './hosted.mjs';
import { serveOAuthProvider } from './oauth.mjs';
import customerSession from './routes/customer-session.mjs';
import organizations from './routes/organizations.mjs';
import customers from './routes/customers.mjs';
import customerSessions from './routes/customer-sessions.mjs';
import subscriptions from './routes/subscriptions.mjs';
import seats from './routes/seats.mjs';
import members from './routes/members.mjs';
import orders from './routes/orders.mjs';
import benefits from './routes/benefits.mjs';
import stream from './routes/stream.mjs';
import oauth from './routes/oauth.mjs';
import claim from './routes/claim.mjs';
import usage from './routes/usage.mjs';

export const SUPPORTED_VERSIONS = ['2026-04', '2026-10'];
const DEFAULT_VERSION = '2026-04';
const ALLOWED_HEADERS = ['Accept', 'Accept-Language', 'Authorization', 'Content-Language', 'Content-Type', 'Polar-Version'];
const ALLOWED_METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';

/**
 * @typedef {{rate_limits: boolean, token_ttl_seconds: number, code_ttl_seconds: number|null, stream_lifetime_seconds?: number, stream_ping_seconds?: number, payment_lock_stale_seconds?: number, download_ttl_seconds?: number}} Config
 * @typedef {{
 *   options: {rateLimits: boolean, tokenTtlSeconds: number},
 *   config: Config,
 *   state: import('./seed.mjs').State,
 *   auth: ReturnType<typeof createAuthStore>,
 *   limiter: ReturnType<typeof createRateLimiter>,
 *   faults: ReturnType<typeof createFaults>,
 *   background: ReturnType<typeof createBackground>,
 *   now: () => number,
 *   reset: () => void,
 * }} World
 * @typedef {{
 *   world: World, state: import('./seed.mjs').State, req: import('node:http').IncomingMessage,
 *   params: Record<string, string>, query: Query, principal: import('./auth.mjs').Principal|null,
 *   body: () => Promise<unknown>, origin: string, now: number,
 * }} Ctx
 * @typedef {{status: number, body?: unknown, headers?: Record<string, string>, stream?: (res: import('node:http').ServerResponse, headers: Record<string, string>) => void}} Reply
 * @typedef {{method: string, path: string, gate: import('./auth.mjs').Gate, handler: (ctx: Ctx) => Reply|Promise<Reply>}} Route
 */

/** @type {Route[]} */
const ROUTES = [...customerSession, ...organizations, ...customers, ...customerSessions, ...subscriptions, ...seats, ...members, ...orders, ...benefits, ...stream, ...oauth, ...claim, ...usage];
const COMPILED = ROUTES.map((r) => ({
  ...r,
  regex: new RegExp(`^${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

/** @param {string} path */
function match(path) {
  const hits = COMPILED.map((r) => ({ r, m: r.regex.exec(path) })).filter((x) => x.m);
  return hits.map(({ r, m }) => ({ route: r, params: /** @type {Record<string, string>} */ ({ ...(m?.groups ?? {}) }) }));
}

/**
 * @param {{rateLimits?: boolean, tokenTtlSeconds?: number}} [options]
 */
export function createSandbox(options = {}) {
  const opts = { rateLimits: options.rateLimits ?? true, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 };
  /** @type {World} */
  const world = {
    options: opts,
    config: { rate_limits: opts.rateLimits, token_ttl_seconds: opts.tokenTtlSeconds, code_ttl_seconds: null },
    state: createState(Date.now()),
    auth: createAuthStore(),
    limiter: createRateLimiter(),
    faults: createFaults(),
    background: createBackground(),
    now: () => Date.now(),
    reset() {
      world.background.clear();
      world.state = createState(world.now());
      world.auth = createAuthStore();
      world.limiter.reset();
      world.faults.clear();
      world.config = { rate_limits: opts.rateLimits, token_ttl_seconds: opts.tokenTtlSeconds, code_ttl_seconds: null };
    },
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname;
    const isApi = path === '/v1' || path.startsWith('/v1/');
    const isControl = path.startsWith('/__sandbox/');
    if (path.startsWith('/embed/')) return serveEmbed(req, res, url);
    if (path.startsWith('/stripe/')) return serveStripe(world, req, res, url);
    if (path.startsWith('/__oauth/')) return serveOAuthProvider(world, req, res, url);
    if (!isApi && !isControl) return serveHostedPortal(world, req, res, url);
    const method = (req.method ?? 'GET').toUpperCase();

    // APIVersionMiddleware sits outside CORS: an unsupported version gets no CORS headers. An
    // empty header counts as none (`raw_version if raw_version else default`, kit/versioning.py).
    const requested = req.headers['polar-version'];
    const version = typeof requested === 'string' && requested ? requested : DEFAULT_VERSION;
    /** @type {Record<string, string>} */
    const base = { 'Polar-Version': version, 'X-Polar-Sandbox': '1' };
    if (isApi && !SUPPORTED_VERSIONS.includes(version)) {
      req.resume();
      writeResponse(res, 404, { detail: 'Not Found' }, { 'Cache-Control': 'private, no-store' });
      return true;
    }

    const origin = req.headers.origin;
    if (method === 'OPTIONS' && origin && req.headers['access-control-request-method']) {
      preflight(req, res, base);
      return true;
    }
    /** @type {Record<string, string>} */
    const cors = {};
    if (origin) {
      // Starlette mirrors the origin when a Cookie is sent, but never allows credentials.
      if (req.headers.cookie) Object.assign(cors, { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
      else cors['Access-Control-Allow-Origin'] = '*';
      cors['Access-Control-Expose-Headers'] = 'Polar-Version';
    }
    /** @param {Record<string, string>} [headers] */
    const headersFor = (headers = {}) => ({ ...base, 'Cache-Control': 'private, no-store', ...cors, ...headers });
    /** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
    const send = (status, body, headers = {}) => writeResponse(res, status, body, headersFor(headers));

    try {
      if (isControl) {
        const reply = await handleControl(world, req, url, requestOrigin(req));
        send(reply.status, reply.body, reply.headers);
        return true;
      }
      const fault = world.faults.take(method, path);
      if (fault) {
        if (fault.latency_ms > 0) await new Promise((r) => setTimeout(r, fault.latency_ms));
        if (fault.drop) {
          req.socket.destroy();
          return true;
        }
        if (fault.status) {
          req.resume();
          if (fault.status === 429 && fault.body === undefined) send(429, undefined, { 'Retry-After': '900' });
          else send(fault.status, fault.body === undefined ? { detail: defaultFaultDetail(fault.status) } : fault.body);
          return true;
        }
      }
      await dispatch(req, res, url, method, path, send, headersFor);
    } catch (e) {
      if (e instanceof HttpError) send(e.status, e.body, e.headers);
      // The client went away mid-request (an aborted fetch): nobody to answer.
      else if (req.destroyed || /** @type {any} */ (e)?.code === 'ECONNRESET') return true;
      else {
        // An unhandled error reaches Starlette's ServerErrorMiddleware, outside CORS.
        console.error('[sandbox]', e);
        writeResponse(res, 500, 'Internal Server Error', { 'Content-Type': 'text/plain; charset=utf-8' });
      }
    }
    return true;
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {URL} url @param {string} method @param {string} path
   * @param {(status: number, body: unknown, headers?: Record<string, string>) => void} send
   * @param {(headers?: Record<string, string>) => Record<string, string>} headersFor
   */
  async function dispatch(req, res, url, method, path, send, headersFor) {
    const token = readBearer(req);
    /** @type {import('./auth.mjs').Principal|null} */
    let principal = null;
    /** @type {HttpError|null} */
    let authError = null;
    if (token) {
      try {
        principal = resolveToken(world, token);
      } catch (e) {
        authError = /** @type {HttpError} */ (e);
      }
    }
    if (world.config.rate_limits) {
      const identity = principal
        ? principal.kind === 'organization' ? `organization:${principal.organization.id}` : principal.kind === 'member' ? `member:${principal.member.id}` : `customer:${principal.customer.id}`
        : token ? `token:${createHash('sha256').update(token).digest('hex')}` : `ip:${req.socket.remoteAddress}`;
      const retryAfter = world.limiter.hit(path, identity, token && !principal ? 'pending_auth' : 'default', world.now());
      if (retryAfter !== null) {
        req.resume();
        // asgi-ratelimit's 429: empty body, no content-type.
        return send(429, undefined, { 'Retry-After': String(retryAfter) });
      }
    }
    if (authError) throw authError;

    let candidates = match(path);
    if (candidates.length === 0) {
      // Starlette's redirect_slashes.
      const alt = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
      if (match(alt).length > 0) {
        req.resume();
        return send(307, undefined, { Location: `${requestOrigin(req)}${alt}${url.search}` });
      }
      throw routeNotFound();
    }
    const hit = candidates.find((c) => c.route.method === method);
    if (!hit) throw methodNotAllowed([...new Set(candidates.map((c) => c.route.method))]);
    authorize(hit.route.gate, principal);
    /** @type {unknown} */
    let cached;
    let read = false;
    /** @type {Ctx} */
    const ctx = {
      world, state: world.state, req, params: hit.params, query: new Query(url.searchParams), principal, origin: requestOrigin(req), now: world.now(),
      body: async () => {
        if (!read) { cached = await readJsonBody(req); read = true; }
        return cached;
      },
    };
    const reply = await hit.route.handler(ctx);
    if (!read) req.resume();
    if (reply.stream) reply.stream(res, headersFor(reply.headers));
    else send(reply.status, reply.body, reply.headers);
  }

  /**
   * Starlette CORSMiddleware preflight for the "external API calls" config (§2).
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {Record<string,string>} base
   */
  function preflight(req, res, base) {
    req.resume();
    const headers = {
      ...base,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Max-Age': '600',
      'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
    };
    const requested = String(req.headers['access-control-request-headers'] ?? '');
    const allowed = ALLOWED_HEADERS.map((h) => h.toLowerCase());
    const bad = requested.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h && !allowed.includes(h));
    if (bad.length) writeResponse(res, 400, 'Disallowed CORS headers', headers);
    else writeResponse(res, 200, 'OK', headers);
  }

  return {
    handle,
    reset: () => world.reset(),
    /** @internal for in-process tests and the control API */
    world,
  };
}

/** @param {number} status */
function defaultFaultDetail(status) {
  return status >= 500 ? 'Internal Server Error' : 'Injected fault';
}

/** @param {import('node:http').IncomingMessage} req */
function requestOrigin(req) {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}
