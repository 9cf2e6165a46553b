// @ts-check
// Benefit grants, license keys, downloadables, account linking and seat claims as Polar serves
// them: customer_portal/service/benefit_grant.py, customer_portal/endpoints/license_keys.py,
// customer_portal/service/downloadables.py, customer_portal/endpoints/oauth_accounts.py and
// customer_seat/endpoints.py.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED, WORK_MS } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
before(async () => { s = await start(); });
beforeEach(() => s.api('POST', '/__sandbox/reset'));
after(() => s.close());

const P = '/v1/customer-portal';
const wait = () => new Promise((r) => setTimeout(r, WORK_MS + 80));
const grants = async (/** @type {string} */ token) => (await s.api('GET', `${P}/benefit-grants/?limit=100`, { token })).body.items;
const byType = async (/** @type {string} */ token, /** @type {string} */ type) => (await grants(token)).find((/** @type {any} */ g) => g.benefit.type === type);

test('lists the grants that are not revoked, in the product’s benefit order; a grant waiting for an account carries Polar’s BenefitActionRequiredError', async () => {
  const alice = await s.tokens.alice();
  const items = await grants(alice);
  assert.equal(items.length, 10, 'the ended subscription’s revoked grant is not listed');
  assert.ok(items.every((/** @type {any} */ g) => !g.is_revoked));
  const pro = items.filter((/** @type {any} */ g) => g.subscription_id === SEED.subscriptions.alice.active).map((/** @type {any} */ g) => g.benefit.type);
  assert.deepEqual(pro, ['license_keys', 'downloadables', 'custom', 'github_repository', 'discord', 'slack_shared_channel', 'meter_credit', 'feature_flag']);
  const discord = await byType(alice, 'discord');
  assert.deepEqual([discord.granted_at, discord.error.type, discord.error.message], [null, 'BenefitActionRequiredError', 'The customer needs to connect their Discord account']);
  assert.deepEqual(Object.keys(discord.customer.oauth_accounts), ['github:48151623'], 'linked accounts are keyed platform:account_id');
});

test('PATCH answers before the benefit.update job; the job invites the linked account, or fails again when it is taken away', async () => {
  const alice = await s.tokens.alice();
  const repo = await byType(alice, 'github_repository');
  const bad = await s.api('PATCH', `${P}/benefit-grants/${repo.id}`, { token: alice, body: { benefit_type: 'github_repository', properties: { account_id: '999' } } });
  assert.deepEqual([bad.status, bad.body.detail[0].loc, bad.body.detail[0].msg], [422, ['body', 'properties', 'account_id'], 'OAuth account does not exist.']);
  const wrongType = await s.api('PATCH', `${P}/benefit-grants/${repo.id}`, { token: alice, body: { benefit_type: 'discord', properties: { account_id: null } } });
  assert.equal(wrongType.body.detail[0].msg, 'Benefit type must match the existing granted benefit type.');
  const r = await s.api('PATCH', `${P}/benefit-grants/${repo.id}`, { token: alice, body: { benefit_type: 'github_repository', properties: { account_id: '48151623' } } });
  assert.deepEqual([r.status, r.body.error, r.body.properties.granted_account_id], [200, null, undefined], 'the job has not run yet');
  await wait();
  const granted = await byType(alice, 'github_repository');
  assert.equal(granted.properties.granted_account_id, '48151623');
  assert.equal(granted.properties.repository_owner, 'solo-labs');
  assert.ok(granted.granted_at);
  await s.api('PATCH', `${P}/benefit-grants/${repo.id}`, { token: alice, body: { benefit_type: 'github_repository', properties: { account_id: null } } });
  await wait();
  assert.equal((await byType(alice, 'github_repository')).error.type, 'BenefitActionRequiredError');
});

test('a new Slack email drops the old invitation; the job sends a new one', async () => {
  const alice = await s.tokens.alice();
  const slack = await byType(alice, 'slack_shared_channel');
  await s.api('PATCH', `${P}/benefit-grants/${slack.id}`, { token: alice, body: { benefit_type: 'slack_shared_channel', properties: { invited_email: 'a@example.com' } } });
  await wait();
  const first = (await byType(alice, 'slack_shared_channel')).properties;
  assert.match(first.invite_url, /^https:\/\/join\.slack\.com\//);
  const r = await s.api('PATCH', `${P}/benefit-grants/${slack.id}`, { token: alice, body: { benefit_type: 'slack_shared_channel', properties: { invited_email: 'b@example.com' } } });
  assert.equal(r.body.properties.invite_url, undefined, 'invite_id and invite_url go with the old email');
  await wait();
  assert.notEqual((await byType(alice, 'slack_shared_channel')).properties.invite_url, first.invite_url);
});

test('rotating gives a new key string and the grant a new display key; deactivating takes the key itself, without a session', async () => {
  const alice = await s.tokens.alice();
  const keys = (await s.api('GET', `${P}/license-keys/?limit=100`, { token: alice })).body.items;
  const lifetime = keys.find((/** @type {any} */ k) => k.limit_activations === 3 && k.expires_at === null && k.validations === 17 && k.created_at < new Date().toISOString());
  const detail = (await s.api('GET', `${P}/license-keys/${lifetime.id}`, { token: alice })).body;
  const rotated = await s.api('POST', `${P}/license-keys/${lifetime.id}/rotate`, { token: alice });
  assert.equal(rotated.status, 200);
  assert.notEqual(rotated.body.key, lifetime.key);
  assert.match(rotated.body.key, /^SOLO-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  assert.equal(rotated.body.status, lifetime.status);
  const grant = (await grants(alice)).find((/** @type {any} */ g) => g.properties.license_key_id === lifetime.id);
  assert.equal(grant.properties.display_key, `****-${rotated.body.key.slice(-6)}`);
  const activation = detail.activations[0];
  const old = await s.api('POST', `${P}/license-keys/deactivate`, { body: { key: lifetime.key, organization_id: lifetime.organization_id, activation_id: activation.id } });
  assert.equal(old.status, 404, 'the old key no longer exists');
  const done = await s.api('POST', `${P}/license-keys/deactivate`, { body: { key: rotated.body.key, organization_id: lifetime.organization_id, activation_id: activation.id } });
  assert.equal(done.status, 204);
  assert.equal((await s.api('GET', `${P}/license-keys/${lifetime.id}`, { token: alice })).body.activations.length, detail.activations.length - 1);
});

test('download links are signed for S3_FILES_PRESIGN_TTL: a redirect to the file, 410 once expired', async () => {
  await s.api('POST', '/__sandbox/config', { body: { download_ttl_seconds: 0.3 } });
  const alice = await s.tokens.alice();
  const files = (await s.api('GET', `${P}/downloadables/?limit=100`, { token: alice })).body.items;
  assert.deepEqual(files.map((/** @type {any} */ d) => d.file.name).sort(), ['SoloDesktop-2.3.0.dmg', 'SoloDesktop-2.4.0.dmg', 'SoloDesktop-Setup-2.4.0.exe', 'shipping-indie-saas.epub', 'shipping-indie-saas.pdf']);
  const url = new URL(files[0].file.download.url);
  assert.match(url.pathname, /^\/v1\/customer-portal\/downloadables\/[^/]+$/);
  const ok = await s.api('GET', url.pathname);
  assert.equal(ok.status, 302);
  await new Promise((r) => setTimeout(r, 350));
  const gone = await s.api('GET', url.pathname);
  assert.deepEqual([gone.status, gone.body.error], [410, 'ResourceUnavailable']);
  const installers = (await grants(alice)).find((/** @type {any} */ g) => g.benefit.description === 'Solo Desktop installers');
  assert.equal(installers.benefit.properties.active_files.length, 2, 'the archived 2.3.0 is not active');
});

test('account linking: authorize needs a session; the callback links the account, gives it to waiting grants, and returns only to Polar’s own hosts', async () => {
  const alice = await s.tokens.alice();
  const anonymous = await s.api('GET', `${P}/oauth-accounts/authorize?platform=discord`);
  assert.equal(anonymous.status, 401);
  const r = await s.api('GET', `${P}/oauth-accounts/authorize?platform=discord&return_to=${encodeURIComponent('https://shop.example/benefits')}`, { token: alice });
  const authorize = new URL(r.body.url);
  const page = await fetch(authorize);
  assert.match(await page.text(), /signed in to Discord as <strong>alice-dc<\/strong>/);
  const callback = new URL(/** @type {string} */ (authorize.searchParams.get('redirect_uri')));
  const denied = await s.api('GET', `${callback.pathname}?state=${authorize.searchParams.get('state')}&error=access_denied`);
  assert.equal(denied.status, 303);
  assert.equal(new URL(/** @type {string} */ (denied.headers.get('location'))).searchParams.get('error_platform'), 'discord');
  const back = await s.api('GET', `${callback.pathname}?state=${authorize.searchParams.get('state')}&code=x`);
  assert.equal(back.status, 307);
  const location = new URL(/** @type {string} */ (back.headers.get('location')));
  assert.equal(location.pathname, '/', 'a merchant’s return_to is not an allowed host: the frontend’s “/”');
  assert.match(/** @type {string} */ (location.searchParams.get('customer_session_token')), /^polar_cst_/);
  await wait();
  const discord = await byType(alice, 'discord');
  assert.deepEqual([discord.error, discord.properties.granted_account_id], [null, discord.properties.account_id]);
  assert.ok(Object.keys(discord.customer.oauth_accounts).some((k) => k.startsWith('discord:')));
});

test('claiming an invitation: what it offers, the stream while pending, single use, a member session for the invitee', async () => {
  const list = (await s.api('GET', '/__sandbox/invitations')).body;
  const nina = list.find((/** @type {any} */ i) => i.email === 'nina@globex.example');
  assert.match(nina.claim_url, /\/acme\/portal\/claim\?token=/);
  const info = await s.api('GET', `/v1/customer-seats/claim/${nina.token}`);
  assert.deepEqual([info.status, info.body.product_name, info.body.organization_name, info.body.customer_email, info.body.can_claim], [200, 'Team', 'Acme Inc.', 'nina@globex.example', true]);
  const controller = new AbortController();
  const stream = await fetch(`${s.url}/v1/customer-seats/claim/${nina.token}/stream`, { signal: controller.signal });
  assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const reader = /** @type {ReadableStreamDefaultReader<Uint8Array>} */ (stream.body?.getReader());
  const claim = await s.api('POST', '/v1/customer-seats/claim', { body: { invitation_token: nina.token } });
  assert.deepEqual([claim.status, claim.body.seat.status], [200, 'claimed']);
  assert.match(claim.body.customer_session_token, /^polar_mst_/);
  let text = '';
  while (!text.includes('benefit.granted')) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  assert.match(text, /"key":"customer_seat\.claimed"/);
  const again = await s.api('POST', '/v1/customer-seats/claim', { body: { invitation_token: nina.token } });
  assert.deepEqual([again.status, again.body], [400, { error: 'InvalidInvitationToken', detail: 'Invalid or expired invitation token' }]);
  assert.equal((await s.api('GET', `/v1/customer-seats/claim/${nina.token}`)).status, 404);
  const me = await s.api('GET', `${P}/customer-session/user`, { token: claim.body.customer_session_token });
  assert.equal(me.body.email, 'nina@globex.example');
});
