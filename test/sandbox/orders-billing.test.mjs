// @ts-check
// Orders and billing in the local Polar, each as Polar's server code does it (file named per
// test): confirm-payment outcomes and payment-status records, the manual retry ceiling,
// invoices (pending orders included, regeneration that keeps the old file until done) and
// receipts, Polar's address and customer rules, payment methods and the Stripe stand-in.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED, WORK_MS } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
let alice = '';
const P = '/v1/customer-portal';
const O = SEED.orders;
const PM = SEED.paymentMethods;
const wait = (ms = WORK_MS + 80) => new Promise((r) => setTimeout(r, ms));
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
const order = async (id = O.alicePending) => (await s.api('GET', `${P}/orders/${id}`, { token: alice })).body;

test('confirm-payment answers succeeded at once; payment-status still shows the older failed attempt until the webhook (order/service.py process_retry_payment, payment/repository.py)', async () => {
  assert.deepEqual((await status()).body, { status: 'failed', error: 'Your card has insufficient funds.' }, 'the automatic attempt');
  const r = await pay(PM.aliceVisa);
  assert.deepEqual([r.status, r.body], [200, { status: 'succeeded', client_secret: null, error: null }]);
  // Stripe's webhook has not reached Polar yet: the latest Payment record is the old one.
  assert.deepEqual((await status()).body, { status: 'failed', error: 'Your card has insufficient funds.' });
  assert.equal((await order()).status, 'pending');
  assert.equal((await pay(PM.aliceVisa)).body.error, 'PaymentAlreadyInProgress', 'the lock holds until the webhook');
  await wait();
  assert.deepEqual((await status()).body, { status: 'succeeded', error: null });
  const paid = await order();
  assert.deepEqual([paid.status, paid.next_payment_attempt_at, !!paid.receipt_number], ['paid', null, true]);
  const sub = await s.api('GET', `${P}/subscriptions/${SEED.subscriptions.alice.pastDue}`, { token: alice });
  assert.equal(sub.body.status, 'active');
  const again = await pay(PM.aliceVisa);
  assert.deepEqual([again.status, again.body.error, again.body.detail], [422, 'OrderNotEligibleForRetry', `Order ${O.alicePending} is not eligible for payment retry.`]);
});

test('a declined card answers failed with Stripe’s message and frees the order at once; the sixth manual retry is refused (CUSTOMER_RETRY_MAX_ATTEMPTS = 5)', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await pay(PM.aliceDeclines);
    assert.deepEqual(r.body, { status: 'failed', client_secret: null, error: 'Your card was declined.' }, `attempt ${i + 1}`);
    await wait();
  }
  assert.deepEqual((await status()).body, { status: 'failed', error: 'Your card was declined.' });
  const refused = await pay(PM.aliceVisa);
  assert.deepEqual([refused.status, refused.body], [429, {
    error: 'ManualRetryLimitExceeded', detail: `Maximum number of manual payment retry attempts has been reached for order ${O.alicePending}.`,
  }]);
});

test('a 3-D Secure card answers requires_action with a client secret; the lock holds until Stripe’s outcome; the stand-in Stripe completes it', async () => {
  const r = await pay(PM.aliceThreeDS);
  assert.equal(r.body.status, 'requires_action');
  assert.match(r.body.client_secret, /^pi_[a-z0-9]+_secret_[a-z0-9]+$/);
  assert.equal((await pay(PM.aliceVisa)).status, 409, 'PaymentAlreadyInProgress while the bank waits');
  const intent = r.body.client_secret.split('_secret_')[0];
  const stripe = (/** @type {string} */ suffix, /** @type {any} */ body) =>
    fetch(`${s.url}/stripe/v1/payment_intents/${intent}${suffix}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await stripe('/authenticate', { key: 'pk_wrong', client_secret: r.body.client_secret, result: 'complete' })).status, 404, 'another account’s key finds nothing');
  const done = await stripe('/authenticate', { key: SEED.stripePublishableKey, client_secret: r.body.client_secret, result: 'complete' });
  assert.equal((await done.json()).status, 'succeeded');
  await wait();
  assert.equal((await order()).status, 'paid');
  assert.deepEqual((await status()).body, { status: 'succeeded', error: null });
});

test('a failed bank check records a failed attempt with Stripe’s message and releases the lock', async () => {
  const r = await pay(PM.aliceThreeDS);
  const intent = r.body.client_secret.split('_secret_')[0];
  await fetch(`${s.url}/stripe/v1/payment_intents/${intent}/authenticate`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: SEED.stripePublishableKey, client_secret: r.body.client_secret, result: 'fail' }),
  });
  await wait();
  assert.equal((await status()).body.error, 'We are unable to authenticate your payment method. Please choose a different payment method and try again.');
  assert.equal((await pay(PM.aliceVisa)).body.status, 'succeeded');
});

test('an abandoned bank check keeps the order locked until the stale-lock job (PAYMENT_LOCK_STALE_THRESHOLD, order/tasks.py process_stale_payment_lock)', async () => {
  await s.api('POST', '/__sandbox/config', { body: { payment_lock_stale_seconds: 0.3 } });
  await pay(PM.aliceThreeDS);
  assert.equal((await pay(PM.aliceVisa)).status, 409);
  await wait(400);
  assert.equal((await pay(PM.aliceVisa)).body.status, 'succeeded');
});

test('confirm-payment body rules answer 422 PaymentRetryValidationError in Polar’s words', async () => {
  const none = await s.api('POST', `${P}/orders/${O.alicePending}/confirm-payment`, { token: alice, body: {} });
  assert.deepEqual([none.status, none.body], [422, { error: 'PaymentRetryValidationError', detail: 'Either confirmation_token_id or payment_method_id must be provided' }]);
  const foreign = await pay(PM.globexVisa);
  assert.deepEqual([foreign.status, foreign.body.detail], [422, 'Payment method does not belong to customer']);
});

test('invoices: pending orders too (only draft and void refused); regeneration keeps the old file until the job is done, then the stream says so (order/service.py trigger_invoice_generation, generate_invoice)', async () => {
  const events = await s.stream(alice);
  try {
    const pending = await s.api('POST', `${P}/orders/${O.alicePending}/invoice`, { token: alice });
    assert.equal(pending.status, 202, 'a pending order gets an invoice');
    const inv = `${P}/orders/${O.alicePaid}/invoice`;
    const missing = await s.api('GET', inv, { token: alice });
    assert.deepEqual([missing.status, missing.body], [404, { error: 'InvoiceDoesNotExist', detail: `No invoice exists for order ${O.alicePaid}.` }]);
    assert.equal((await s.api('POST', inv, { token: alice })).status, 202);
    assert.equal((await events.next('order.invoice_generated')).payload.order_id, O.alicePending);
    await wait();
    const first = await s.api('GET', inv, { token: alice });
    assert.match(first.body.url, /\/Invoice-SOLO-ALICE-\d{4}\.pdf\?/);
    // Edit the billing name and generate again: the same file name, the old content until done.
    await s.api('PATCH', `${P}/orders/${O.alicePaid}`, { token: alice, body: { billing_name: 'Martin Consulting GmbH' } });
    const before = events.events.length;
    assert.equal((await s.api('POST', inv, { token: alice })).status, 202);
    const during = await s.api('GET', inv, { token: alice });
    assert.equal(new URL(during.body.url).pathname, new URL(first.body.url).pathname, 'same name');
    assert.match(await (await fetch(during.body.url)).text(), /Alice Martin/, 'still the old invoice');
    await events.reach(before + 1);
    assert.equal(events.events.length, before + 1, 'one event for the regeneration');
    assert.deepEqual(events.events.at(-1).payload, { order_id: O.alicePaid });
    assert.match(await (await fetch((await s.api('GET', inv, { token: alice })).body.url)).text(), /Martin Consulting GmbH/);
    // Nothing changed since: the job is not even queued, and no event follows.
    assert.equal((await s.api('POST', inv, { token: alice })).status, 202);
    await wait();
    assert.equal(events.events.length, before + 1);
  } finally {
    events.close();
  }
});

test('receipts render on first request (202, empty body), then the stream says order.receipt_generated (receipt/service.py)', async () => {
  const events = await s.stream(alice);
  try {
    const r = await s.api('GET', `${P}/orders/${O.alicePaid}/receipt`, { token: alice });
    assert.deepEqual([r.status, r.text], [202, '']);
    assert.deepEqual((await events.next('order.receipt_generated')).payload, { order_id: O.alicePaid });
    const ready = await s.api('GET', `${P}/orders/${O.alicePaid}/receipt`, { token: alice });
    assert.match(ready.body.url, /Receipt-.+\.pdf$/);
    // Presigned S3 links answer as attachments (integrations/aws/s3/service.py ResponseContentDisposition).
    const file = await fetch(ready.body.url);
    assert.equal(file.headers.get('content-disposition'), `attachment; filename="${new URL(ready.body.url).pathname.split('/').pop()}"`);
    const none = await s.api('GET', `${P}/orders/${O.alicePending}/receipt`, { token: alice });
    assert.deepEqual([none.status, none.body.error], [404, 'ReceiptNotAllocated']);
  } finally {
    events.close();
  }
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
  const cleared = await patch(null);
  assert.deepEqual(cleared.body.detail[0], { type: 'missing', loc: ['body', 'billing_address'], msg: 'Customer billing address cannot be reset to null once set.', input: null });
  const fixed = await s.api('PATCH', `${P}/orders/${O.alicePaid}`, { token: alice, body: { billing_address: { country: 'FR', state: 'x' } } });
  assert.deepEqual(fixed.body.detail.map((/** @type {any} */ d) => [d.loc.at(-1), d.msg]), [['country', 'Country cannot be changed'], ['state', 'State cannot be changed']], 'order/service.py update: both rules at once, Polar’s words');
});

test('customer rules: the billing name cannot be cleared, Polar’s tax ID and default payment method messages (customer_portal/service/customer.py update)', async () => {
  const cleared = await s.api('PATCH', `${P}/customers/me`, { token: alice, body: { billing_name: '' } });
  assert.deepEqual([cleared.status, cleared.body.billing_name], [200, 'Alice Martin'], 'EmptyStrToNone: "" means no change');
  const tax = await s.api('PATCH', `${P}/customers/me`, { token: alice, body: { tax_id: '123' } });
  assert.deepEqual(tax.body.detail[0], { type: 'invalid', loc: ['body', 'tax_id'], msg: 'Invalid tax ID.', input: '123' });
  const pm = await s.api('PATCH', `${P}/customers/me`, { token: alice, body: { default_payment_method_id: PM.globexVisa } });
  assert.deepEqual(pm.body.detail[0], { type: 'invalid', loc: ['body', 'default_payment_method_id'], msg: 'Payment method not found.', input: PM.globexVisa });
  const valid = await s.api('PATCH', `${P}/customers/me`, { token: alice, body: { tax_id: 'DE123456789' } });
  assert.deepEqual(valid.body.tax_id, ['DE123456789', 'eu_vat']);
  const moved = await s.api('PATCH', `${P}/customers/me`, { token: alice, body: { billing_address: { country: 'US', state: 'OR', postal_code: '97477' } } });
  assert.deepEqual(moved.body.detail?.[0]?.msg, 'Invalid tax ID.', 'a new country re-checks the tax ID already on file');
});

test('payment methods: newest first, a Korean card with brand and last four only, the default anywhere (customer.py list_payment_methods, payment_method/schemas.py)', async () => {
  const list = (await s.api('GET', `${P}/customers/me/payment-methods`, { token: alice })).body.items;
  assert.deepEqual(list.map((/** @type {any} */ m) => m.type), ['kr_card', 'card', 'card', 'link', 'card', 'card']);
  assert.deepEqual(list[0].method_metadata, { brand: 'hyundai', last4: '1234' });
  assert.equal(list.at(-1).id, PM.aliceVisa, 'the default is the oldest, last');
  assert.equal('method_metadata' in list[3], false, 'a generic method carries no metadata');
});

test('removing a method a subscription bills moves it to another; the last one is refused (payment_method/service.py delete)', async () => {
  const carol = await s.tokens.carol();
  const only = await s.api('DELETE', `${P}/customers/me/payment-methods/${(await s.api('GET', `${P}/customers/me`, { token: carol })).body.default_payment_method_id}`, { token: carol });
  assert.deepEqual([only.status, only.body], [400, {
    error: 'PaymentMethodInUseByActiveSubscription', detail: 'This payment method is still needed to bill a subscription. Add another one or cancel the subscription first.',
  }]);
  assert.equal((await s.api('DELETE', `${P}/customers/me/payment-methods/${PM.aliceVisa}`, { token: alice })).status, 204, 'alice has others');
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

test('the embed page is served under a strict CSP; any page may frame it, as Polar’s next.config.mjs allows', async () => {
  const page = await fetch(`${s.url}/embed/payment-method?session_token=x&embed_origin=${encodeURIComponent('https://shop.example')}`);
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors \*/);
  const html = await page.text();
  assert.doesNotMatch(html, /<script>(?!<)/);
  assert.doesNotMatch(html, /style="/);
  const js = await fetch(`${s.url}/embed/payment-method.js`);
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  assert.match(await js.text(), /POLAR_PAYMENT_METHOD/);
});

test('the Stripe stand-in and its challenge page are plain files under a strict CSP', async () => {
  const js = await fetch(`${s.url}/stripe/v3/`);
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  assert.match(await js.text(), /handleNextAction/);
  const page = await fetch(`${s.url}/stripe/challenge?payment_intent=pi_x`);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'.*frame-ancestors \*/);
  assert.doesNotMatch(await page.text(), /<script>|style="/);
});

test('the data export is a JSON attachment of the customer’s data', async () => {
  const r = await s.api('GET', `${P}/customers/me/export`, { token: alice });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-disposition') ?? '', /polar-customer-export-.+\.json/);
  assert.equal(r.body.customer.email, 'alice@example.com');
  assert.equal(r.body.orders.length, 12);
});
