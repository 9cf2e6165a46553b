// @ts-check
// CORS, versioning, auth failures, roles, routing errors, pagination and sorting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED, INVALID_TOKEN_BODY, UNAUTHORIZED_BODY } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
before(async () => { s = await start(); });
after(() => s.close());

/** @param {string} path @param {string} headers */
const preflight = (path, headers) => fetch(s.url + path, {
  method: 'OPTIONS',
  headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': headers },
});

test('preflight allows exactly the external config headers', async () => {
  const ok = await preflight('/v1/customer-portal/subscriptions/x', 'authorization, content-type, polar-version');
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('access-control-allow-origin'), '*');
  assert.equal(ok.headers.get('access-control-allow-methods'), 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
  assert.equal(ok.headers.get('access-control-max-age'), '600');
  assert.equal(ok.headers.get('access-control-allow-headers'), 'Accept, Accept-Language, Authorization, Content-Language, Content-Type, Polar-Version');
  assert.equal(ok.headers.get('access-control-allow-credentials'), null);
  for (const h of ['polar-organization', 'x-requested-with', 'sentry-trace']) {
    const bad = await preflight('/v1/customer-portal/customers/me', `authorization, ${h}`);
    assert.equal(bad.status, 400);
    assert.equal(await bad.text(), 'Disallowed CORS headers');
  }
});

test('actual responses expose only Polar-Version and echo it; no-store cache', async () => {
  const r = await s.api('GET', '/v1/customer-portal/organizations/acme', { headers: { 'Polar-Version': '2026-10' } });
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('access-control-expose-headers'), 'Polar-Version');
  assert.equal(r.headers.get('polar-version'), '2026-10');
  assert.equal(r.headers.get('cache-control'), 'private, no-store');
  const def = await s.api('GET', '/v1/customer-portal/organizations/acme');
  assert.equal(def.headers.get('polar-version'), '2026-04');
  // kit/versioning.py `from_scope`: `parse(raw) if raw else default`, so an empty header is none.
  const empty = await s.api('GET', '/v1/customer-portal/organizations/acme', { headers: { 'Polar-Version': '' } });
  assert.deepEqual([empty.status, empty.headers.get('polar-version')], [200, '2026-04']);
});

test('an unsupported Polar-Version is a 404 without CORS headers', async () => {
  const r = await s.api('GET', '/v1/customer-portal/organizations/acme', { headers: { 'Polar-Version': '2027-01' } });
  assert.equal(r.status, 404);
  assert.deepEqual(r.body, { detail: 'Not Found' });
  assert.equal(r.headers.get('access-control-allow-origin'), null);
});

test('a stale token turns anonymous endpoints into 401 invalid_token', async () => {
  const stale = 'polar_cst_' + 'a'.repeat(43);
  const paths = [
    ['GET', '/v1/customer-portal/organizations/acme', undefined],
    ['POST', '/v1/customer-portal/customer-session/request', { email: 'alice@example.com', organization_id: SEED.organizations.solo.id }],
    ['POST', '/v1/customer-portal/customer-session/authenticate', { code: 'ABCDEF' }],
  ];
  for (const [method, path, body] of paths) {
    const r = await s.api(/** @type {string} */ (method), /** @type {string} */ (path), { token: stale, body });
    assert.deepEqual([r.status, r.body], [401, INVALID_TOKEN_BODY], `${method} ${path}`);
  }
  const unknownPrefix = await s.api('GET', '/v1/customer-portal/organizations/acme', { token: 'hello' });
  assert.deepEqual(unknownPrefix.body, INVALID_TOKEN_BODY);
  const none = await s.api('GET', '/v1/customer-portal/customers/me');
  assert.deepEqual([none.status, none.body], [401, UNAUTHORIZED_BODY]);
  assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="polar"');
});

test('role gating per §3.1', async () => {
  const member = await s.tokens.member();
  const alice = await s.tokens.alice();
  const carol = await s.tokens.carol();
  const billingMsg = { error: 'NotPermitted', detail: 'Only owners and billing managers can access billing features.' };
  for (const [method, path] of [['GET', '/v1/customer-portal/orders/'], ['GET', '/v1/customer-portal/customers/me/payment-methods'], ['DELETE', `/v1/customer-portal/subscriptions/${SEED.subscriptions.globex}`]]) {
    const r = await s.api(method, path, { token: member });
    assert.deepEqual([r.status, r.body], [403, billingMsg], path);
  }
  assert.equal((await s.api('GET', '/v1/customer-portal/subscriptions/', { token: member })).status, 200);
  assert.deepEqual((await s.api('GET', '/v1/customer-portal/members', { token: alice })).body, UNAUTHORIZED_BODY);
  assert.deepEqual((await s.api('GET', '/v1/customer-portal/members', { token: member })).body, { error: 'NotPermitted', detail: 'Insufficient role for this operation' });
  assert.deepEqual((await s.api('GET', '/v1/customer-portal/members', { token: carol })).body, { error: 'NotPermitted', detail: 'Member management is only available for team customers. Purchase a seat-based product to enable team features.' });
});

test('unknown routes 404, wrong methods 405, missing slash redirects', async () => {
  assert.deepEqual((await s.api('GET', '/v1/customer-portal/nope')).body, { detail: 'Not Found' });
  const m = await s.api('PUT', '/v1/customer-portal/customers/me');
  assert.deepEqual([m.status, m.body], [405, { detail: 'Method Not Allowed' }]);
  const redirect = await s.api('GET', '/v1/customer-portal/subscriptions');
  assert.equal(redirect.status, 307);
  assert.match(/** @type {string} */ (redirect.headers.get('location')), /\/v1\/customer-portal\/subscriptions\/$/);
});

test('pagination caps limit at 100, validates page/limit; sorting is validated', async () => {
  const big = await s.tokens.big();
  const r = await s.api('GET', '/v1/customer-portal/members?limit=1000&page=2', { token: big });
  assert.equal(r.status, 200);
  assert.equal(r.body.items.length, 100);
  // 1,900 seat holders and the 50 invitees, made members when they were invited.
  assert.deepEqual(r.body.pagination, { total_count: 1950, max_page: 20 });
  const bad = await s.api('GET', '/v1/customer-portal/members?limit=0&page=x', { token: big });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.detail.map((/** @type {any} */ d) => d.loc), [['query', 'page'], ['query', 'limit']]);
  const alice = await s.tokens.alice();
  const sort = await s.api('GET', '/v1/customer-portal/orders/?sorting=-nope', { token: alice });
  assert.deepEqual(sort.body.detail, [{ type: 'enum', loc: ['query', 'sorting'], msg: 'Invalid sorting criterion.', input: '-nope' }]);
  const asc = await s.api('GET', '/v1/customer-portal/orders/?sorting=amount&limit=100', { token: alice });
  const amounts = asc.body.items.map((/** @type {any} */ o) => o.total_amount);
  assert.deepEqual(amounts, [...amounts].sort((a, b) => a - b));
  assert.equal(asc.body.pagination.total_count, 12);
});

test('seats of the 2,000-seat subscription come back in one list', async () => {
  const big = await s.tokens.big();
  const r = await s.api('GET', `/v1/customer-portal/seats?subscription_id=${SEED.subscriptions.initech}`, { token: big });
  assert.equal(r.status, 200);
  assert.equal(r.body.total_seats, 2000);
  assert.equal(r.body.available_seats, 50);
  assert.equal(r.body.seats.filter((/** @type {any} */ x) => x.status === 'claimed').length, 1900);
});
