// @ts-check
// Email-code login, merchant-minted sessions and session expiry.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED, INVALID_TOKEN_BODY } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
before(async () => { s = await start(); });
after(() => s.close());
beforeEach(() => s.api('POST', '/__sandbox/reset'));

const REQ = '/v1/customer-portal/customer-session/request';
const AUTH = '/v1/customer-portal/customer-session/authenticate';
const INVALID_CODE = { error: 'CustomerSessionCodeInvalidOrExpired', detail: 'This customer session code is invalid or has expired.' };

test('a code is 6 upper-case characters, single use, and yields a 53-char polar_cst_ token', async () => {
  const r = await s.api('POST', REQ, { body: { email: 'Alice@Example.com', organization_id: SEED.organizations.solo.id } });
  assert.equal(r.status, 202);
  assert.equal(r.text, 'null');
  const [mail] = (await s.api('GET', '/__sandbox/outbox')).body;
  assert.match(mail.code, /^[A-Z0-9]{6}$/);
  assert.equal(mail.organization_id, SEED.organizations.solo.id);
  const lower = await s.api('POST', AUTH, { body: { code: mail.code.toLowerCase() } });
  if (/[A-Z]/.test(mail.code)) assert.deepEqual([lower.status, lower.body], [401, INVALID_CODE]);
  const ok = await s.api('POST', AUTH, { body: { code: mail.code } });
  assert.equal(ok.status, 200);
  assert.match(ok.body.token, /^polar_cst_[A-Za-z0-9]{43}$/);
  assert.equal(ok.body.token.length, 53);
  const again = await s.api('POST', AUTH, { body: { code: mail.code } });
  assert.deepEqual([again.status, again.body], [401, INVALID_CODE]);
});

test('each request makes a new code and earlier ones stay valid; codes expire; the outbox says which still work', async () => {
  const body = { email: 'alice@example.com', organization_id: SEED.organizations.solo.id };
  const statuses = async () => (await s.api('GET', '/__sandbox/outbox')).body.map((/** @type {any} */ mail) => mail.status);
  await s.api('POST', REQ, { body });
  await s.api('POST', REQ, { body });
  const outbox = (await s.api('GET', '/__sandbox/outbox')).body;
  assert.equal(outbox.length, 2);
  assert.ok(outbox[0].sent_at >= outbox[1].sent_at, 'newest first');
  assert.equal(Date.parse(outbox[0].expires_at) - Date.parse(outbox[0].sent_at), 30 * 60 * 1000);
  assert.deepEqual(await statuses(), ['unused', 'unused']);
  assert.equal((await s.api('POST', AUTH, { body: { code: outbox[1].code } })).status, 200);
  // The older code signed Alice in: its mail is marked, so the demo's outbox offers it no more.
  assert.deepEqual(await statuses(), ['unused', 'used']);
  await s.api('POST', '/__sandbox/config', { body: { code_ttl_seconds: 1 } });
  await s.api('POST', REQ, { body });
  const fresh = (await s.api('GET', '/__sandbox/outbox')).body[0];
  await new Promise((r) => setTimeout(r, 1100));
  assert.equal((await s.api('POST', AUTH, { body: { code: fresh.code } })).status, 401);
  assert.deepEqual(await statuses(), ['expired', 'unused', 'used']);
});

test('unknown org, unknown email or mismatched customer_id: 202 null and no mail', async () => {
  const cases = [
    { email: 'alice@example.com', organization_id: '00000000-0000-4000-8000-000000000000' },
    { email: 'nobody@example.com', organization_id: SEED.organizations.solo.id },
    { email: 'alice@example.com', organization_id: SEED.organizations.solo.id, customer_id: SEED.customers.globex },
  ];
  for (const body of cases) {
    const r = await s.api('POST', REQ, { body });
    assert.deepEqual([r.status, r.text], [202, 'null']);
  }
  assert.deepEqual((await s.api('GET', '/__sandbox/outbox')).body, []);
});

test('an email shared by two customers answers 409 with the picker, then customer_id selects', async () => {
  const r = await s.api('POST', REQ, { body: { email: 'shared@example.com', organization_id: SEED.organizations.solo.id } });
  assert.equal(r.status, 409);
  assert.deepEqual(r.body, {
    error: 'customer_selection_required',
    detail: 'Multiple customers found for this email. Please select one.',
    customers: [{ id: SEED.customers.sharedStudio, name: 'Shared Studio' }, { id: SEED.customers.sharedPersonal, name: null }],
  });
  const pick = await s.api('POST', REQ, { body: { email: 'shared@example.com', organization_id: SEED.organizations.solo.id, customer_id: SEED.customers.sharedPersonal } });
  assert.equal(pick.status, 202);
});

test('validation errors are FastAPI 422 bodies', async () => {
  const r = await s.api('POST', REQ, { body: { email: 'nope', organization_id: 'nope', extra: 1 } });
  assert.equal(r.status, 422);
  assert.equal(r.body.error, 'RequestValidationError');
  assert.deepEqual(r.body.detail.map((/** @type {any} */ d) => d.loc), [['body', 'email'], ['body', 'organization_id']]);
  const bad = await s.api('POST', AUTH, { raw: '{"code":' });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.detail[0].type, 'json_invalid');
});

test('member-model organizations issue polar_mst_ tokens; user reports type and role', async () => {
  const token = await s.login('billing@example.com', SEED.organizations.acme.id);
  assert.match(token, /^polar_mst_/);
  const me = await s.api('GET', '/v1/customer-portal/customer-session/user', { token });
  assert.deepEqual(me.body, { type: 'member', name: 'Bianca Bills', email: 'billing@example.com', customer_id: SEED.customers.globex, member_id: SEED.members.globexBilling, role: 'billing_manager' });
});

test('merchant-minted sessions: OAT auth, external ids, member rules', async () => {
  const url = '/v1/customer-sessions/';
  const solo = await s.api('POST', url, { token: SEED.accessTokens.solo, body: { external_customer_id: 'alice', return_url: 'https://merchant.example/account' } });
  assert.equal(solo.status, 201);
  assert.match(solo.body.token, /^polar_cst_/);
  assert.equal(solo.body.customer.id, SEED.customers.alice);
  assert.equal(solo.body.return_url, 'https://merchant.example/account');
  const intro = await s.api('GET', '/v1/customer-portal/customer-session/introspect', { token: solo.body.token });
  assert.deepEqual(intro.body, { expires_at: solo.body.expires_at, return_url: 'https://merchant.example/account' });
  const owner = await s.api('POST', url, { token: SEED.accessTokens.acme, body: { customer_id: SEED.customers.carol } });
  assert.match(owner.body.token, /^polar_mst_/);
  const team = await s.api('POST', url, { token: SEED.accessTokens.acme, body: { customer_id: SEED.customers.globex } });
  assert.equal(team.status, 422);
  const member = await s.api('POST', url, { token: SEED.accessTokens.acme, body: { customer_id: SEED.customers.globex, member_id: SEED.members.globexMember } });
  assert.equal(member.status, 201);
  const foreign = await s.api('POST', url, { token: SEED.accessTokens.solo, body: { customer_id: SEED.customers.globex } });
  assert.equal(foreign.status, 422);
  assert.equal((await s.api('POST', url, { body: { customer_id: SEED.customers.alice } })).status, 401);
});

test('token TTL from config, and expire-sessions ends every session with invalid_token', async () => {
  await s.api('POST', '/__sandbox/config', { body: { token_ttl_seconds: 60 } });
  const token = await s.tokens.alice();
  const intro = await s.api('GET', '/v1/customer-portal/customer-session/introspect', { token });
  const left = Date.parse(intro.body.expires_at) - Date.now();
  assert.ok(left > 55_000 && left <= 60_000, `ttl ${left}`);
  assert.equal((await s.api('POST', '/__sandbox/expire-sessions')).status, 204);
  const r = await s.api('GET', '/v1/customer-portal/customers/me', { token });
  assert.equal(r.status, 401);
  assert.deepEqual(r.body, INVALID_TOKEN_BODY);
  assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="polar", error="invalid_token", error_description="The access token provided is expired, revoked, malformed, or invalid for other reasons."');
  assert.equal(r.headers.get('cache-control'), 'no-store');
  assert.equal(r.headers.get('pragma'), 'no-cache');
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
});
