// @ts-check
// Seat and member rules as Polar's customer_seat/service.py and member/service.py apply them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
before(async () => { s = await start(); });
after(() => s.close());

const P = '/v1/customer-portal';
const G = SEED.subscriptions.globex;
const list = async (/** @type {string} */ token) => (await s.api('GET', `${P}/seats?subscription_id=${G}`, { token })).body;

test('assigning fills seats, then SeatNotAvailable; counts stay consistent with the subscription', async () => {
  await s.api('POST', '/__sandbox/reset');
  const owner = await s.tokens.owner();
  const before = await list(owner);
  assert.deepEqual([before.total_seats, before.available_seats], [25, 2]);
  const a = await s.api('POST', `${P}/seats`, { token: owner, body: { subscription_id: G, email: 'one@globex.example' } });
  assert.equal(a.status, 200);
  assert.equal(a.body.status, 'pending');
  // Invitations last one day.
  const ttl = Date.parse(a.body.invitation_token_expires_at) - Date.now();
  assert.ok(ttl > 86_000_000 && ttl <= 86_400_000, `ttl ${ttl}`);
  // A revoked seat of the subscription is reused rather than a new row added.
  assert.equal(a.body.id, SEED.seats.globexRevoked);
  const afterOne = await list(owner);
  assert.equal(afterOne.seats.length, before.seats.length, 'no row is added while a revoked one can be reused');
  assert.equal(afterOne.available_seats, 1);
  const dup = await s.api('POST', `${P}/seats`, { token: owner, body: { subscription_id: G, email: 'ONE@globex.example' } });
  assert.deepEqual([dup.status, dup.body.error], [400, 'SeatAlreadyAssigned']);
  assert.equal(dup.body.detail, 'Seat already assigned to customer ONE@globex.example');
  await s.api('POST', `${P}/seats`, { token: owner, body: { subscription_id: G, email: 'two@globex.example' } });
  const full = await s.api('POST', `${P}/seats`, { token: owner, body: { subscription_id: G, email: 'three@globex.example' } });
  assert.deepEqual([full.status, full.body], [400, { error: 'SeatNotAvailable', detail: `No available seats for ${G}` }]);
  // Polar checks capacity before the assignee: a full subscription answers SeatNotAvailable even for a holder.
  const fullDup = await s.api('POST', `${P}/seats`, { token: owner, body: { subscription_id: G, email: 'one@globex.example' } });
  assert.equal(fullDup.body.error, 'SeatNotAvailable');
  const end = await list(owner);
  assert.equal(end.available_seats, 0);
  assert.equal(end.seats.filter((/** @type {any} */ x) => x.status !== 'revoked').length, end.total_seats);
});

test('revoking frees a seat; resend only for pending; malformed email is a 422', async () => {
  await s.api('POST', '/__sandbox/reset');
  const owner = await s.tokens.owner();
  const r = await s.api('DELETE', `${P}/seats/${SEED.seats.globexPending}`, { token: owner });
  assert.deepEqual([r.status, r.body.status, r.body.customer_id], [200, 'revoked', null]);
  assert.equal((await list(owner)).available_seats, 3);
  const again = await s.api('POST', `${P}/seats/${SEED.seats.globexPending}/resend`, { token: owner });
  assert.deepEqual([again.status, again.body], [400, { error: 'SeatNotPending', detail: 'Seat is not in pending status' }]);
  const bad = await s.api('POST', `${P}/seats`, { token: owner, body: { subscription_id: G, email: 'not-an-email' } });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.detail[0].loc.slice(0, 2), ['body', 'email']);
});

test('sandbox claim turns a pending seat into a claimed one held by a team member', async () => {
  await s.api('POST', '/__sandbox/reset');
  const owner = await s.tokens.owner();
  const c = await s.api('POST', `/__sandbox/seats/${SEED.seats.globexPending}/claim`);
  assert.equal(c.status, 200);
  assert.equal(c.body.status, 'claimed');
  assert.ok(c.body.member_id && c.body.claimed_at);
  assert.equal((await s.api('POST', `/__sandbox/seats/${SEED.seats.globexPending}/claim`)).status, 404);
  const members = await s.api('GET', `${P}/members?limit=100`, { token: owner });
  assert.ok(members.body.items.some((/** @type {any} */ m) => m.email === c.body.email && m.role === 'member'));
});

test('member rules: no own role, no self removal, one owner, no owner invites', async () => {
  await s.api('POST', '/__sandbox/reset');
  const owner = await s.tokens.owner();
  const billing = await s.tokens.billing();
  const own = await s.api('PATCH', `${P}/members/${SEED.members.globexBilling}`, { token: billing, body: { role: 'billing_manager' } });
  assert.deepEqual([own.status, own.body.detail[0].loc, own.body.detail[0].msg], [422, ['path', 'id'], 'You cannot modify your own role.']);
  const self = await s.api('DELETE', `${P}/members/${SEED.members.globexBilling}`, { token: billing });
  assert.deepEqual([self.status, self.body.detail[0].msg], [422, 'You cannot remove yourself from the team.']);
  const demote = await s.api('PATCH', `${P}/members/${SEED.members.globexOwner}`, { token: billing, body: { role: 'member' } });
  assert.deepEqual([demote.status, demote.body.detail[0].msg], [422, 'Cannot demote the only owner. The team must have at least one owner.']);
  const invite = await s.api('POST', `${P}/members`, { token: owner, body: { email: 'boss@globex.example', role: 'owner' } });
  assert.deepEqual([invite.status, invite.body.detail[0].loc], [422, ['body', 'role']]);
  const dup = await s.api('POST', `${P}/members`, { token: owner, body: { email: 'MEMBER@example.com', role: 'billing_manager' } });
  assert.deepEqual([dup.status, dup.body.id, dup.body.role], [201, SEED.members.globexMember, 'member'], 'an existing email returns the member unchanged');
  const up = await s.api('PATCH', `${P}/members/${SEED.members.globexMember}`, { token: billing, body: { role: 'billing_manager' } });
  assert.deepEqual([up.status, up.body.role], [200, 'billing_manager']);
  const gone = await s.api('DELETE', `${P}/members/${SEED.members.globexMember}`, { token: owner });
  assert.equal(gone.status, 204);
  const seat = (await list(owner)).seats.find((/** @type {any} */ x) => x.email === 'member@example.com');
  assert.equal(seat.status, 'revoked', "a removed member's seat is revoked");
});
