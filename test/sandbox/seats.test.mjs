// @ts-check
// Seat and member rules as Polar's customer_seat/service.py, customer_portal/endpoints/member.py
// and member/service.py apply them, with the background jobs and stream events that follow.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED, WORK_MS } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
before(async () => { s = await start(); });
beforeEach(() => s.api('POST', '/__sandbox/reset'));
after(() => s.close());

const P = '/v1/customer-portal';
const G = SEED.subscriptions.globex;
const wait = () => new Promise((r) => setTimeout(r, WORK_MS + 80));
const list = async (/** @type {string} */ token) => (await s.api('GET', `${P}/seats?subscription_id=${G}`, { token })).body;
/** @param {string} token @param {Record<string, unknown>} body */
const assign = (token, body) => s.api('POST', `${P}/seats`, { token, body: { subscription_id: G, ...body } });
const members = async (/** @type {string} */ token) => (await s.api('GET', `${P}/members?limit=100`, { token })).body.items;

test('assigning by email creates the team member at once; a full subscription answers SeatNotAvailable before any holder check (_resolve_member_model_target)', async () => {
  const owner = await s.tokens.owner();
  const before = await list(owner);
  assert.deepEqual([before.total_seats, before.available_seats], [25, 2]);
  const a = await assign(owner, { email: 'one@globex.example' });
  assert.deepEqual([a.status, a.body.status, a.body.email, a.body.customer_id], [200, 'pending', 'one@globex.example', SEED.customers.globex]);
  assert.equal(a.body.member.email, 'one@globex.example', 'the seat holds its new member');
  assert.ok((await members(owner)).some((/** @type {any} */ m) => m.id === a.body.member_id && m.role === 'member' && m.name === null));
  const ttl = Date.parse(a.body.invitation_token_expires_at) - Date.now();
  assert.ok(ttl > 86_000_000 && ttl <= 86_400_000, `invitations last one day (${ttl})`);
  assert.equal(a.body.id, SEED.seats.globexRevoked, 'a revoked seat of the subscription is reused');
  const dup = await assign(owner, { email: 'ONE@globex.example' });
  assert.deepEqual([dup.status, dup.body], [400, { error: 'SeatAlreadyAssigned', detail: 'Seat already assigned to customer one@globex.example' }], 'named by the member’s email');
  await assign(owner, { email: 'two@globex.example' });
  const full = await assign(owner, { email: 'three@globex.example' });
  assert.deepEqual([full.status, full.body], [400, { error: 'SeatNotAvailable', detail: `No available seats for ${G}` }]);
  assert.equal((await assign(owner, { email: 'one@globex.example' })).body.error, 'SeatNotAvailable');
});

test('seat body rules are a 422 RequestValidationError at ["body"] (SeatAssign model validators)', async () => {
  const owner = await s.tokens.owner();
  const none = await assign(owner, {});
  assert.equal(none.status, 422);
  assert.equal(none.body.error, 'RequestValidationError');
  assert.deepEqual([none.body.detail[0].loc, none.body.detail[0].msg], [['body'], 'Value error, At least one of email, external_customer_id, customer_id, external_member_id, or member_id must be provided']);
  const both = await s.api('POST', `${P}/seats`, { token: owner, body: { subscription_id: G, order_id: SEED.orders.globexLatest, email: 'x@globex.example' } });
  assert.equal(both.body.detail[0].msg, 'Value error, Exactly one of subscription_id, order_id, or checkout_id must be provided');
  const bad = await assign(owner, { email: 'not-an-email' });
  assert.deepEqual(bad.body.detail[0].loc.slice(0, 2), ['body', 'email']);
});

test('seats need the organization’s seat-based pricing (check_seat_feature_enabled)', async () => {
  const alice = await s.tokens.alice();
  const r = await s.api('GET', `${P}/seats?subscription_id=${SEED.subscriptions.alice.active}`, { token: alice });
  assert.deepEqual([r.status, r.body], [403, { error: 'FeatureNotEnabled', detail: 'Seat-based pricing is not enabled for this organization' }]);
});

test('a revoked seat holds nobody; customer_email falls back seat → member → customer; benefits go in a background job with benefit.revoked (revoke_seat, models/customer_seat.py)', async () => {
  const owner = await s.tokens.owner();
  const seats = await list(owner);
  const revoked = seats.seats.find((/** @type {any} */ x) => x.status === 'revoked');
  assert.deepEqual([revoked.email, revoked.customer_email, revoked.member, revoked.customer_id], [null, null, null, null]);
  const pending = seats.seats.find((/** @type {any} */ x) => x.id === SEED.seats.globexPending);
  assert.equal(pending.customer_email, pending.email);
  const events = await s.stream(owner);
  try {
    const maxSeat = seats.seats.find((/** @type {any} */ x) => x.member?.email === 'member@example.com');
    const r = await s.api('DELETE', `${P}/seats/${maxSeat.id}`, { token: owner });
    assert.deepEqual([r.status, r.body.status, r.body.email, r.body.member_id, r.body.customer_id], [200, 'revoked', null, null, null]);
    const event = await events.next('benefit.revoked');
    assert.deepEqual(Object.keys(event.payload), ['benefit_id', 'benefit_type']);
    assert.equal((await list(owner)).available_seats, 3);
  } finally {
    events.close();
  }
  const again = await s.api('POST', `${P}/seats/${SEED.seats.globexRevoked}/resend`, { token: owner });
  assert.deepEqual([again.status, again.body], [400, { error: 'SeatNotPending', detail: 'Seat is not in pending status' }]);
});

test('a claim makes the seat the member’s, says customer_seat.claimed on the stream, then grants the benefits (claim_seat)', async () => {
  const owner = await s.tokens.owner();
  const events = await s.stream(owner);
  try {
    const c = await s.api('POST', `/__sandbox/seats/${SEED.seats.globexPending}/claim`);
    assert.deepEqual([c.status, c.body.status], [200, 'claimed']);
    const claimed = await events.next('customer_seat.claimed');
    assert.deepEqual(claimed.payload, { seat_id: SEED.seats.globexPending, subscription_id: G, order_id: null, product_id: SEED.products.acme.team });
    assert.equal((await events.next('benefit.granted')).payload.benefit_type.length > 0, true);
  } finally {
    events.close();
  }
  assert.equal((await s.api('POST', `/__sandbox/seats/${SEED.seats.globexPending}/claim`)).status, 404);
});

test('member rules in Polar’s words and places (member.py, member/service.py)', async () => {
  const owner = await s.tokens.owner();
  const billing = await s.tokens.billing();
  const sameRole = await s.api('PATCH', `${P}/members/${SEED.members.globexBilling}`, { token: billing, body: { role: 'billing_manager' } });
  assert.deepEqual([sameRole.status, sameRole.body.role], [200, 'billing_manager'], 'asking for the role you have is no change');
  const own = await s.api('PATCH', `${P}/members/${SEED.members.globexBilling}`, { token: billing, body: { role: 'member' } });
  assert.deepEqual([own.status, own.body.detail[0].loc, own.body.detail[0].msg], [422, ['path', 'id'], 'You cannot modify your own role.']);
  const self = await s.api('DELETE', `${P}/members/${SEED.members.globexBilling}`, { token: billing });
  assert.deepEqual([self.status, self.body.detail[0].msg], [422, 'You cannot remove yourself from the team.']);
  const transfer = await s.api('PATCH', `${P}/members/${SEED.members.globexMember}`, { token: billing, body: { role: 'owner' } });
  assert.deepEqual([transfer.status, transfer.body.detail[0].loc, transfer.body.detail[0].msg], [422, ['body', 'role'], 'Only the owner can transfer ownership.']);
  const demote = await s.api('PATCH', `${P}/members/${SEED.members.globexOwner}`, { token: billing, body: { role: 'member' } });
  assert.deepEqual([demote.status, demote.body.detail[0].loc, demote.body.detail[0].msg], [422, ['body', 'role'], 'Cannot change role. Customer must have exactly one owner.']);
  const only = await s.api('DELETE', `${P}/members/${SEED.members.globexOwner}`, { token: billing });
  assert.deepEqual([only.status, only.body.detail[0].loc, only.body.detail[0].msg], [422, ['body'], 'Cannot delete the only owner. Transfer ownership first.']);
  const invite = await s.api('POST', `${P}/members`, { token: owner, body: { email: 'boss@globex.example', role: 'owner' } });
  assert.deepEqual([invite.status, invite.body.detail[0].loc], [422, ['body', 'role']]);
  const dup = await s.api('POST', `${P}/members`, { token: owner, body: { email: 'MEMBER@example.com', role: 'billing_manager' } });
  assert.deepEqual([dup.status, dup.body.id, dup.body.role], [201, SEED.members.globexMember, 'member'], 'an existing email returns the member unchanged');
  const handOver = await s.api('PATCH', `${P}/members/${SEED.members.globexMember}`, { token: owner, body: { role: 'owner' } });
  assert.equal(handOver.body.role, 'owner');
  const roles = Object.fromEntries((await members(billing)).map((/** @type {any} */ m) => [m.id, m.role]));
  assert.equal(roles[SEED.members.globexOwner], 'billing_manager', 'the old owner becomes a billing manager');
});

test('removing a member answers at once; their seat is revoked by a background job a moment later (customer_seat.revoke_seats_for_member)', async () => {
  const owner = await s.tokens.owner();
  assert.equal((await s.api('DELETE', `${P}/members/${SEED.members.globexMember}`, { token: owner })).status, 204);
  const seatOf = async () => (await list(owner)).seats.find((/** @type {any} */ x) => x.email === 'member@example.com' || x.member_id === SEED.members.globexMember);
  assert.equal((await seatOf())?.status, 'claimed', 'not yet');
  await wait();
  assert.equal(await seatOf(), undefined, 'revoked: the seat no longer names them');
});

test('the members list has no order: an updated member moves to the end, as Postgres rows do (member.py list_members has no ORDER BY)', async () => {
  const owner = await s.tokens.owner();
  const page = async () => (await s.api('GET', `${P}/members?limit=5&page=1`, { token: owner })).body.items.map((/** @type {any} */ m) => m.email);
  const first = await page();
  assert.equal(first[2], 'member@example.com');
  await s.api('PATCH', `${P}/members/${SEED.members.globexMember}`, { token: owner, body: { role: 'billing_manager' } });
  const after = await page();
  assert.ok(!after.includes('member@example.com'), 'the changed member left the first page');
});
