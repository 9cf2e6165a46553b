// @ts-check
// Shared helpers for the sandbox tests: an in-process server, a small fetch wrapper and
// an Ajv validator over the whole OpenAPI document.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { listen } from '../../sandbox/listen.mjs';
import { SEED } from '../../sandbox/seed.mjs';

export { SEED };

export const doc = JSON.parse(readFileSync(new URL('../../openapi/polar-customer-portal.openapi.json', import.meta.url), 'utf8'));

/** @param {{rateLimits?: boolean, tokenTtlSeconds?: number}} [options] */
export async function start(options = { rateLimits: false }) {
  const { server, url, sandbox } = await listen({ port: 0, ...options });
  /**
   * @param {string} method
   * @param {string} path
   * @param {{token?: string, body?: unknown, headers?: Record<string, string>, raw?: string}} [opts]
   */
  async function api(method, path, opts = {}) {
    /** @type {Record<string, string>} */
    const headers = { Origin: 'https://merchant.example', ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    let body;
    if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    } else if (opts.raw !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = opts.raw;
    }
    const res = await fetch(url + path, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: res.status, headers: res.headers, text, body: json };
  }
  /** Mint a session the way a merchant backend does. @param {'acme'|'solo'} org @param {Record<string, string>} body */
  async function mint(org, body) {
    const r = await api('POST', '/v1/customer-sessions/', { token: SEED.accessTokens[org], body });
    if (r.status !== 201) throw new Error(`mint failed: ${r.status} ${r.text}`);
    return /** @type {string} */ (r.body.token);
  }
  const tokens = {
    alice: () => mint('solo', { external_customer_id: 'alice' }),
    owner: () => mint('acme', { external_customer_id: 'globex', external_member_id: 'globex-owner' }),
    billing: () => mint('acme', { external_customer_id: 'globex', external_member_id: 'globex-billing' }),
    member: () => mint('acme', { external_customer_id: 'globex', external_member_id: 'globex-member' }),
    big: () => mint('acme', { external_customer_id: 'initech', external_member_id: 'initech-owner' }),
    carol: () => mint('acme', { external_customer_id: 'carol' }),
  };
  /** Full email-code login. @param {string} email @param {string} organizationId */
  async function login(email, organizationId) {
    const r = await api('POST', '/v1/customer-portal/customer-session/request', { body: { email, organization_id: organizationId } });
    if (r.status !== 202) throw new Error(`request failed: ${r.status} ${r.text}`);
    const outbox = await api('GET', '/__sandbox/outbox');
    const code = outbox.body.find((/** @type {any} */ m) => m.email === email).code;
    const a = await api('POST', '/v1/customer-portal/customer-session/authenticate', { body: { code } });
    return /** @type {string} */ (a.body.token);
  }
  /**
   * Opens the customer's event stream (`GET …/customers/stream`) and collects its messages:
   * `events` are the parsed `data:` payloads, `raw` the bytes as sent. `next(key)` resolves with
   * the first event of that key (already received or still to come), `reach(n)` once n have come.
   * @param {string} token
   */
  async function stream(token) {
    const abort = new AbortController();
    const res = await fetch(`${url}/v1/customer-portal/customers/stream`, { headers: { Authorization: `Bearer ${token}`, Origin: 'https://merchant.example' }, signal: abort.signal });
    /** @type {any[]} */ const events = [];
    /** Checks waiting for the next event. @type {(() => void)[]} */ const waiting = [];
    const state = { raw: '', events, headers: res.headers, status: res.status };
    (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of /** @type {any} */ (res.body)) {
          const text = decoder.decode(chunk, { stream: true });
          state.raw += text;
          buffer += text;
          for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 4);
            const data = block.split('\r\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (!data) continue;
            const event = JSON.parse(data);
            events.push(event);
            for (const check of waiting.splice(0)) check();
          }
        }
      } catch {
        // aborted
      }
    })();
    /**
     * Resolves with what `found` gives once it gives something, asked now and at each event.
     * @template T @param {() => T | undefined} found @param {() => string} what @param {number} timeout @returns {Promise<T>}
     */
    const when = (found, what, timeout) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what()} within ${timeout} ms`)), timeout);
        const check = () => {
          const value = found();
          if (value === undefined) return void waiting.push(check);
          clearTimeout(timer);
          resolve(value);
        };
        check();
      });
    /** @param {string} key @param {number} [timeout] */
    const next = (key, timeout = 3000) => when(() => events.find((e) => e.key === key), () => `no ${key} event`, timeout);
    /** Once `count` events in all have arrived (a job's event, however busy the machine). @param {number} count @param {number} [timeout] */
    const reach = (count, timeout = 5000) => when(() => (events.length >= count ? events : undefined), () => `${events.length} of ${count} events`, timeout);
    return Object.assign(state, { next, reach, close: () => abort.abort() });
  }
  return { server, url, sandbox, api, mint, tokens, login, stream, close: () => new Promise((r) => server.close(r)) };
}

/** How long the local Polar's background jobs take, plus a margin (sandbox/background.mjs). */
export { WORK_MS } from '../../sandbox/background.mjs';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
ajv.addSchema(doc, 'openapi.json');

/** @type {Map<string, import('ajv').ValidateFunction>} */
const compiled = new Map();
/** @param {any} schema */
function compile(schema) {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    const rewritten = JSON.parse(key.replaceAll('"#/components/', '"openapi.json#/components/'));
    fn = ajv.compile(rewritten);
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * The documented schema for (method, path template, status), or null when undocumented.
 * @param {string} method @param {string} template @param {number} status
 */
export function responseSchema(method, template, status) {
  const op = doc.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`no operation ${method} ${template}`);
  const r = op.responses[String(status)];
  if (!r) return { documented: false, schema: null };
  const content = r.content && (r.content['application/json'] ?? Object.values(r.content)[0]);
  return { documented: true, schema: content?.schema ?? null };
}

/** @param {string} name */
export function validateSchema(name, value) {
  const fn = compile({ $ref: `#/components/schemas/${name}` });
  return fn(value) ? null : ajv.errorsText(fn.errors, { dataVar: name });
}

/** Returns null when valid, else an error message. @param {any} schema @param {unknown} value */
export function validateAgainst(schema, value) {
  const fn = compile(schema);
  return fn(value) ? null : ajv.errorsText(fn.errors);
}

export const INVALID_TOKEN_BODY = { error: 'invalid_token', error_description: 'The access token provided is expired, revoked, malformed, or invalid for other reasons.' };
export const UNAUTHORIZED_BODY = { error: 'Unauthorized', detail: 'Unauthorized' };
