// @ts-check
// Orders and billing in the local Polar: payment retries and their outcomes, invoices and
// receipts that take a moment, Polar's address rules, payment methods through the embed
// stand-in, and the data export.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED } from './helpers.mjs';
import { WORK_MS } from '../../sandbox/routes/orders.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
let alice = '';
const P = '/v1/customer-portal';
const O = SEED.orders;
const wait = () => new Promise((r) => setTimeout(r, WORK_MS + 50));
before(async () => {
  s = await start();
});
beforeEach(async () => {
  await s.api('POST', '/__sandbox/reset');
  alice = await s.tokens.alice();
});
after(() => s.close());

/** @param {string} number */
const addCard = (number, setDefault = false) =>
  s.api('POST', `${P}/customers/me/payment-methods`, { token: alice, body: { confirmation_token_id: `ctoken_sandbox_${number}_12_34`, set_default: setDefault, return_url: 'https://merchant.example/' } });
/** @param {string} pm */
const pay = (pm) => s.api('POST', `${P}/orders/${O.alicePending}/confirm-payment`, { token: alice, body: { payment_method_id: pm } });
const status = () => s.api('GET', `${P}/orders/${O.alicePending}/payment-status`, { token: alice });

test('a retry with a good card pays the order after processing and brings the subscription back', async () => {
  assert.equal((await status()).body.status, 'failed');
  const r = await pay(SEED.paymentMethods.aliceVisa);
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { status: 'processing', client_secret: null, error: null });
  assert.deepEqual((await status()).body, { status: 'pending', error: null });
  await wait();
  assert.deepEqual((await status()).body, { status: 'succeeded', error: null });
  const order = await s.api('GET', `${P}/orders/${O.alicePending}`, { token: alice });
  assert.equal(order.body.status, 'paid');
  assert.equal(order.body.next_payment_attempt_at, null);
  assert.ok(order.body.receipt_number);
  const sub = await s.api('GET', `${P}/subscriptions/${SEED.subscriptions.alice.pastDue}`, { token: alice });
  assert.equal(sub.body.status, 'active');
  assert.equal((await pay(SEED.paymentMethods.aliceVisa)).body.error, 'OrderNotEligibleForRetry');
});

test('a declining card fails with Stripe’s message; the fourth manual retry is refused', async () => {
  const card = await addCard('4000000000000341');
  assert.equal(card.status, 201);
  const id = card.body.payment_method.id;
  for (let i = 0; i < 3; i++) {
    assert.equal((await pay(id)).status, 200);
    assert.equal((await pay(id)).body.error, 'PaymentAlreadyInProgress');
    await wait();
    assert.deepEqual((await status()).body, { status: 'failed', error: 'Your card was declined.' });
  }
  const refused = await pay(id);
  assert.equal(refused.status, 429);
  assert.equal(refused.body.error, 'ManualRetryLimitExceeded');
  assert.equal((await s.api('POST', `${P}/orders/${O.alicePending}/confirm-payment`, { token: alice, body: { payment_method_id: SEED.paymentMethods.globexVisa } })).status, 422);
});

test('invoices and receipts render in the background; regenerating hides the old invoice until done', async () => {
  const inv = `${P}/orders/${O.alicePaid}/invoice`;
  assert.equal((await s.api('GET', inv, { token: alice })).status, 404);
  assert.equal((await s.api('POST', inv, { token: alice })).status, 202);
  assert.equal((await s.api('GET', inv, { token: alice })).status, 404);
  const receipt = await s.api('GET', `${P}/orders/${O.alicePaid}/receipt`, { token: alice });
  assert.equal(receipt.status, 202);
  assert.equal(receipt.text, '');
  await wait();
  const done = await s.api('GET', inv, { token: alice });
  assert.equal(done.status, 200);
  assert.match(done.body.url, /invoice-.+\.pdf$/);
  assert.equal((await s.api('GET', `${P}/orders/${O.alicePaid}`, { token: alice })).body.is_invoice_generated, true);
  assert.equal((await s.api('GET', `${P}/orders/${O.alicePaid}/receipt`, { token: alice })).status, 200);
  assert.equal((await s.api('POST', inv, { token: alice })).status, 202);
  assert.equal((await s.api('GET', inv, { token: alice })).status, 404);
});

test('billing addresses follow Polar’s rules', async () => {
  /** @param {any} address */
  const patch = (address) => s.api('PATCH', `${P}/customers/me`, { token: alice, body: { billing_address: address } });
  const missing = await patch({ country: 'US', line1: '1 Main St', city: 'Springfield', postal_code: '97477' });
  assert.deepEqual(missing.body.detail[0].loc, ['body', 'billing_address', 'state']);
  const bad = await patch({ country: 'CA', state: 'ZZ' });
  assert.equal(bad.body.detail[0].msg, 'Value error, Invalid CA subdivision');
  const zip = await patch({ country: 'US', state: 'OR', postal_code: '9747' });
  assert.deepEqual(zip.body.detail[0].loc, ['body', 'billing_address', 'postal_code']);
  const ok = await patch({ country: 'US', state: 'OR', postal_code: '97477-1234', line1: '', city: 'Springfield' });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body.billing_address, { line1: null, line2: null, postal_code: '97477-1234', city: 'Springfield', state: 'US-OR', country: 'US' });
  const order = await s.api('PATCH', `${P}/orders/${O.alicePaid}`, { token: alice, body: { billing_address: { country: 'DE', postal_code: 'abc' } } });
  assert.deepEqual(order.body.detail[0].loc, ['body', 'billing_address', 'postal_code']);
  const tax = await s.api('PATCH', `${P}/customers/me`, { token: alice, body: { tax_id: '123' } });
  assert.equal(tax.body.detail[0].msg, 'Invalid tax ID.');
});

test('adding a card through the embed stand-in; set_default decides the default', async () => {
  const added = await addCard('5555555555554444', true);
  assert.equal(added.status, 201);
  assert.equal(added.body.payment_method.method_metadata.brand, 'mastercard');
  const me = await s.api('GET', `${P}/customers/me`, { token: alice });
  assert.equal(me.body.default_payment_method_id, added.body.payment_method.id);
  const declined = await addCard('4000000000000002');
  assert.equal(declined.status, 400);
  assert.equal(declined.body.error, 'PaymentMethodSetupFailed');
});

test('the embed page is served under a strict CSP that lets only embed_origin frame it', async () => {
  const page = await fetch(`${s.url}/embed/payment-method?session_token=x&embed_origin=${encodeURIComponent('https://shop.example')}`);
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors https:\/\/shop\.example/);
  const html = await page.text();
  assert.doesNotMatch(html, /<script>(?!<)/);
  assert.doesNotMatch(html, /style="/);
  const bad = await fetch(`${s.url}/embed/payment-method?embed_origin=${encodeURIComponent('http://evil.example')}`);
  assert.match(bad.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  const js = await fetch(`${s.url}/embed/payment-method.js`);
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  assert.match(await js.text(), /POLAR_PAYMENT_METHOD/);
});

test('the data export is a JSON attachment of the customer’s data', async () => {
  const r = await s.api('GET', `${P}/customers/me/export`, { token: alice });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-disposition') ?? '', /polar-customer-export-.+\.json/);
  assert.equal(r.body.customer.email, 'alice@example.com');
  assert.equal(r.body.orders.length, 12);
});
