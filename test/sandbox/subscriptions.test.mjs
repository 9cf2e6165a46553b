// @ts-check
// Subscription lifecycle rules and preview/charge consistency.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
/** @type {string} */ let alice;
/** @type {string} */ let owner;
before(async () => { s = await start(); });
after(() => s.close());
beforeEach(async () => { await s.api('POST', '/__sandbox/reset'); alice = await s.tokens.alice(); owner = await s.tokens.owner(); });

const url = (/** @type {string} */ id) => `/v1/customer-portal/subscriptions/${id}`;
const A = SEED.subscriptions.alice;

test('cancel at period end keeps status active, sets ends_at and feedback; uncancel reverses', async () => {
  const r = await s.api('PATCH', url(A.active), { token: alice, body: { cancel_at_period_end: true, cancellation_reason: 'missing_features', cancellation_comment: 'No dark mode' } });
  assert.equal(r.body.status, 'active');
  assert.equal(r.body.cancel_at_period_end, true);
  assert.equal(r.body.ends_at, r.body.current_period_end);
  assert.equal(r.body.customer_cancellation_reason, 'missing_features');
  assert.equal(r.body.customer_cancellation_comment, 'No dark mode');
  const u = await s.api('PATCH', url(A.active), { token: alice, body: { cancel_at_period_end: false } });
  assert.deepEqual([u.body.cancel_at_period_end, u.body.ends_at, u.body.canceled_at], [false, null, null]);
  const ended = await s.api('PATCH', url(A.ended), { token: alice, body: { cancel_at_period_end: false } });
  assert.deepEqual([ended.status, ended.body.error], [403, 'AlreadyCanceledSubscription']);
});

test('plan change only to public recurring products of the org (subscription/service.py validate_product_change)', async () => {
  const P = SEED.products;
  for (const [product_id, msg] of [[P.solo.lifetime, 'Product is not recurring.'], [P.solo.legacy, 'Product visibility is not allowed.'], [P.acme.pro, 'Product does not exist.']]) {
    const r = await s.api('PATCH', url(A.active), { token: alice, body: { product_id } });
    assert.deepEqual([r.status, r.body.detail[0].msg], [422, msg], product_id);
  }
  const preview = await s.api('POST', `${url(A.active)}/change-preview`, { token: alice, body: { product_id: P.solo.businessMonthly } });
  const before = (await s.api('GET', '/v1/customer-portal/orders/?limit=100', { token: alice })).body.pagination.total_count;
  const r = await s.api('PATCH', url(A.active), { token: alice, body: { product_id: P.solo.businessMonthly } });
  assert.equal(r.body.product.id, P.solo.businessMonthly);
  assert.equal(r.body.amount, 9900);
  // solo invoices prorations immediately: one new order, matching the preview's total.
  const orders = (await s.api('GET', '/v1/customer-portal/orders/?limit=100', { token: alice })).body;
  assert.equal(orders.pagination.total_count, before + 1);
  const newest = orders.items[0];
  assert.equal(newest.billing_reason, 'subscription_update');
  assert.ok(Math.abs(newest.total_amount - preview.body.total_amount) <= 2, `${newest.total_amount} vs ${preview.body.total_amount}`);
  assert.equal(preview.body.total_amount, preview.body.net_amount + preview.body.tax_amount);
  const canceling = await s.api('PATCH', url(A.canceling), { token: alice, body: { product_id: P.solo.proYearly } });
  assert.deepEqual([canceling.status, canceling.body.error], [403, 'AlreadyCanceledSubscription']);
});

test('seats: increase now, decrease scheduled as pending_update, never below assigned', async () => {
  const G = SEED.subscriptions.globex;
  const up = await s.api('PATCH', url(G), { token: owner, body: { seats: 30 } });
  assert.deepEqual([up.body.seats, up.body.amount, up.body.pending_update], [30, 30 * 1200, null]);
  const charge = await s.api('GET', `${url(G)}/charge-preview`, { token: owner });
  assert.ok(charge.body.proration_amount > 0);
  const down = await s.api('PATCH', url(G), { token: owner, body: { seats: 24 } });
  assert.equal(down.body.seats, 30);
  assert.equal(down.body.pending_update.seats, 24);
  assert.equal(down.body.pending_update.applies_at, down.body.current_period_end);
  const next = await s.api('GET', `${url(G)}/charge-preview`, { token: owner });
  assert.equal(next.body.base_amount, 24 * 1200);
  const cleared = await s.api('PATCH', url(G), { token: owner, body: { pending_update: null } });
  assert.equal(cleared.body.pending_update, null);
  const tooFew = await s.api('PATCH', url(G), { token: owner, body: { seats: 22 } });
  assert.deepEqual([tooFew.status, tooFew.body.error], [400, 'SeatsAlreadyAssigned']);
  const notSeat = await s.api('PATCH', url(A.active), { token: alice, body: { seats: 2 } });
  assert.deepEqual([notSeat.status, notSeat.body.error], [403, 'UpdateSubscriptionSeatsNotAllowed']);
});

test('pause and resume, revoke only when past due', async () => {
  const p = await s.api('PATCH', url(A.active), { token: alice, body: { pause_at_period_end: true, resumes_at: new Date(Date.now() - 1000).toISOString() } });
  assert.equal(p.status, 422);
  const ok = await s.api('PATCH', url(A.active), { token: alice, body: { pause_at_period_end: true } });
  assert.equal(ok.body.pause_at_period_end, true);
  const resumed = await s.api('PATCH', url(A.paused), { token: alice, body: { resume: true } });
  assert.deepEqual([resumed.body.status, resumed.body.paused_at], ['active', null]);
  const notPastDue = await s.api('POST', `${url(A.active)}/revoke`, { token: alice, body: {} });
  assert.deepEqual([notPastDue.status, notPastDue.body.error], [409, 'RevokeNotAllowed']);
  const cp = await s.api('GET', `${url(A.pastDue)}/cancel-preview`, { token: alice });
  assert.deepEqual(cp.body, { stops_collection: true, outstanding_amount: 9900 + Math.round(9900 * 0.19) });
  const revoked = await s.api('POST', `${url(A.pastDue)}/revoke`, { token: alice, body: {} });
  assert.equal(revoked.body.status, 'canceled');
  assert.ok(revoked.body.ended_at);
});

test('undoing a cancellation needs a payment method: the default or any saved one (customer_portal/service/subscription.py _require_payment_method)', async () => {
  // Alice without a default, her other cards kept: Polar takes one of them (payment_method/service.py get_customer_payment_method).
  const me = (await s.api('GET', '/v1/customer-portal/customers/me', { token: alice })).body;
  assert.equal((await s.api('DELETE', `/v1/customer-portal/customers/me/payment-methods/${me.default_payment_method_id}`, { token: alice })).status, 204);
  assert.equal((await s.api('GET', '/v1/customer-portal/customers/me', { token: alice })).body.default_payment_method_id, null);
  assert.equal((await s.api('PATCH', url(A.canceling), { token: alice, body: { cancel_at_period_end: false } })).body.cancel_at_period_end, false);
  // Carol's one card: once her subscription is canceling it no longer needs it, and it can go.
  const carol = await s.tokens.carol();
  const sub = url(SEED.subscriptions.carol);
  const [card] = (await s.api('GET', '/v1/customer-portal/customers/me/payment-methods', { token: carol })).body.items;
  // Then undoing the cancellation is refused, in Polar's words.
  await s.api('PATCH', sub, { token: carol, body: { cancel_at_period_end: true } });
  assert.equal((await s.api('DELETE', `/v1/customer-portal/customers/me/payment-methods/${card.id}`, { token: carol })).status, 204);
  const refused = await s.api('PATCH', sub, { token: carol, body: { cancel_at_period_end: false } });
  assert.deepEqual([refused.status, refused.body.error, refused.body.detail], [409, 'PaymentMethodRequired', 'Add a payment method before uncancelling this subscription.']);
});

test('subscription list filters', async () => {
  const all = await s.api('GET', '/v1/customer-portal/subscriptions/', { token: alice });
  assert.equal(all.body.pagination.total_count, 5);
  const active = await s.api('GET', '/v1/customer-portal/subscriptions/?active=false', { token: alice });
  assert.deepEqual(active.body.items.map((/** @type {any} */ x) => x.id), [A.ended]);
  const q = await s.api('GET', `/v1/customer-portal/subscriptions/?product_id=${SEED.products.solo.proMonthly}`, { token: alice });
  assert.deepEqual(q.body.items.map((/** @type {any} */ x) => x.id), [A.active]);
});

test('charge-preview: active (even scheduled to pause or cancel) or paused with a resume date; otherwise 404 (customer_portal/endpoints/subscription.py get_charge_preview)', async () => {
  const resume = await s.api('GET', `${url(A.paused)}/charge-preview`, { token: alice });
  assert.equal(resume.status, 200);
  assert.equal(resume.body.base_amount, 900);
  assert.equal(resume.body.total_amount, 900 + Math.round(900 * 0.19));
  await s.api('PATCH', url(A.active), { token: alice, body: { pause_at_period_end: true } });
  assert.equal((await s.api('GET', `${url(A.active)}/charge-preview`, { token: alice })).status, 200, 'still active until the pause starts');
  const pastDue = await s.api('GET', `${url(A.pastDue)}/charge-preview`, { token: alice });
  assert.deepEqual([pastDue.status, pastDue.body], [404, { error: 'ResourceNotFound', detail: 'Not found' }]);
  const later = new Date(Date.now() + 60 * 86_400_000).toISOString();
  await s.api('PATCH', url(A.active), { token: alice, body: { pause_at_period_end: false } });
  await s.api('PATCH', url(A.active), { token: alice, body: { pause_at_period_end: true, resumes_at: later } });
  assert.equal((await s.api('GET', `${url(A.active)}/charge-preview`, { token: alice })).status, 200);
});

test('revoking a past-due subscription voids its pending order (stops collection)', async () => {
  const order = `/v1/customer-portal/orders/${SEED.orders.alicePending}`;
  assert.equal((await s.api('GET', order, { token: alice })).body.status, 'pending');
  await s.api('POST', `${url(A.pastDue)}/revoke`, { token: alice, body: { cancellation_reason: 'too_expensive' } });
  const after = (await s.api('GET', order, { token: alice })).body;
  assert.deepEqual([after.status, after.paid, after.next_payment_attempt_at], ['void', false, null]);
  const again = await s.api('PATCH', url(A.pastDue), { token: alice, body: { cancel_at_period_end: false } });
  assert.deepEqual([again.status, again.body.error], [403, 'AlreadyCanceledSubscription']);
});
