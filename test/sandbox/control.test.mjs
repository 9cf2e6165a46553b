// @ts-check
// Rate limits, fault injection, reset and config.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
before(async () => { s = await start({ rateLimits: true }); });
after(() => s.close());
beforeEach(() => s.api('POST', '/__sandbox/reset'));

const REQ = '/v1/customer-portal/customer-session/request';
const body = { email: 'alice@example.com', organization_id: SEED.organizations.solo.id };

test('login zone: 6/minute shared by request and authenticate, then an empty 429 and a 900 s block', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await s.api('POST', REQ, { body })).status, 202);
  for (let i = 0; i < 3; i++) assert.equal((await s.api('POST', '/v1/customer-portal/customer-session/authenticate', { body: { code: 'AAAAAA' } })).status, 401);
  const r = await s.api('POST', REQ, { body });
  assert.equal(r.status, 429);
  assert.equal(r.text, '');
  assert.equal(r.headers.get('content-type'), null);
  assert.equal(r.headers.get('retry-after'), '900');
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('access-control-expose-headers'), 'Polar-Version');
  // The block covers every rate-limited path for this identity (the IP).
  assert.equal((await s.api('GET', '/v1/customer-portal/organizations/solo')).status, 429);
  // Preflights are answered before the limiter.
  const pre = await fetch(s.url + REQ, { method: 'OPTIONS', headers: { Origin: 'https://a.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(pre.status, 200);
});

test('rate limits can be switched off by config', async () => {
  await s.api('POST', '/__sandbox/config', { body: { rate_limits: false } });
  for (let i = 0; i < 10; i++) assert.equal((await s.api('POST', REQ, { body })).status, 202);
  const cfg = await s.api('POST', '/__sandbox/config', { body: { rate_limits: true } });
  assert.deepEqual(cfg.body, { rate_limits: true, token_ttl_seconds: 3600, code_ttl_seconds: null });
});

test('faults: status and body, times, method, keeps CORS', async () => {
  const add = await s.api('POST', '/__sandbox/faults', { body: { path: '/v1/customer-portal/organizations', status: 503, body: { detail: 'maintenance' }, times: 2 } });
  assert.equal(add.status, 201);
  for (let i = 0; i < 2; i++) {
    const r = await s.api('GET', '/v1/customer-portal/organizations/acme');
    assert.deepEqual([r.status, r.body], [503, { detail: 'maintenance' }]);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
  }
  assert.equal((await s.api('GET', '/v1/customer-portal/organizations/acme')).status, 200);
  await s.api('POST', '/__sandbox/faults', { body: { path: '/v1/customer-portal/organizations', method: 'POST', status: 500, times: 0 } });
  assert.equal((await s.api('GET', '/v1/customer-portal/organizations/acme')).status, 200);
  assert.equal((await s.api('DELETE', '/__sandbox/faults')).status, 204);
});

test('faults: latency and dropped connections', async () => {
  await s.api('POST', '/__sandbox/faults', { body: { path: '/v1/customer-portal/organizations', latency_ms: 300 } });
  const t0 = Date.now();
  const slow = await s.api('GET', '/v1/customer-portal/organizations/acme');
  assert.equal(slow.status, 200);
  assert.ok(Date.now() - t0 >= 290);
  await s.api('POST', '/__sandbox/faults', { body: { path: '/v1/customer-portal/organizations', drop: true } });
  await assert.rejects(s.api('GET', '/v1/customer-portal/organizations/acme'));
  assert.equal((await s.api('GET', '/v1/customer-portal/organizations/acme')).status, 200);
});

test('reset restores the seed and clears outbox, sessions and faults', async () => {
  const token = await s.tokens.alice();
  await s.api('DELETE', `/v1/customer-portal/subscriptions/${SEED.subscriptions.alice.active}`, { token });
  await s.api('POST', REQ, { body });
  await s.api('POST', '/__sandbox/faults', { body: { path: '/v1/customer-portal/customers', status: 500, times: 0 } });
  assert.equal((await s.api('POST', '/__sandbox/reset')).status, 204);
  assert.deepEqual((await s.api('GET', '/__sandbox/outbox')).body, []);
  assert.equal((await s.api('GET', '/v1/customer-portal/customers/me', { token })).status, 401);
  const fresh = await s.tokens.alice();
  const sub = await s.api('GET', `/v1/customer-portal/subscriptions/${SEED.subscriptions.alice.active}`, { token: fresh });
  assert.equal(sub.body.cancel_at_period_end, false);
});

test('control API answers CORS like the rest', async () => {
  const r = await s.api('GET', '/__sandbox/outbox');
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal((await s.api('GET', '/__sandbox/nope')).status, 404);
});
