// @ts-check
// The customer event stream (`GET /v1/customer-portal/customers/stream`) against Polar's source:
// sse_starlette's framing, Polar's `{id, key, payload}` events (eventstream/service.py), the keys
// and payloads each publisher sends, the ten-minute reconnect message (eventstream/endpoints.py),
// and the channel: the session's billing customer (customer_portal/endpoints/customer.py).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, SEED } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let s;
before(async () => { s = await start(); });
beforeEach(() => s.api('POST', '/__sandbox/reset'));
after(() => s.close());

const P = '/v1/customer-portal';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Each publisher's key and payload fields, with the Polar file that sends it. */
const PUBLISHED = {
  'order.invoice_generated': ['order_id'], // order/service.py generate_invoice
  'order.receipt_generated': ['order_id'], // receipt/service.py
  'benefit.granted': ['benefit_id', 'benefit_type'], // benefit/grant/service.py
  'benefit.revoked': ['benefit_id', 'benefit_type'], // benefit/grant/service.py
  'customer_seat.claimed': ['seat_id', 'subscription_id', 'order_id', 'product_id'], // customer_seat/service.py _publish_seat_claimed_event
};

test('an SSE response with Polar’s framing; every event is {id, key, payload} with the publisher’s payload', async () => {
  const alice = await s.tokens.alice();
  const owner = await s.tokens.owner();
  const a = await s.stream(alice);
  const o = await s.stream(owner);
  try {
    assert.equal(a.status, 200);
    assert.match(a.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(a.headers.get('access-control-allow-origin'), '*', 'inside CORS, like every /v1 route');
    await s.api('POST', `${P}/orders/${SEED.orders.alicePending}/invoice`, { token: alice });
    await s.api('GET', `${P}/orders/${SEED.orders.alicePaid}/receipt`, { token: alice });
    await s.api('POST', `/__sandbox/seats/${SEED.seats.globexPending}/claim`);
    await Promise.all([a.next('order.invoice_generated'), a.next('order.receipt_generated'), o.next('customer_seat.claimed'), o.next('benefit.granted')]);
    const members = (await s.api('GET', `${P}/seats?subscription_id=${SEED.subscriptions.globex}`, { token: owner })).body.seats;
    await s.api('DELETE', `${P}/seats/${members.find((/** @type {any} */ x) => x.status === 'claimed' && x.member?.email === 'member@example.com').id}`, { token: owner });
    await o.next('benefit.revoked');
    for (const event of [...a.events, ...o.events]) {
      assert.deepEqual(Object.keys(event), ['id', 'key', 'payload']);
      assert.match(event.id, UUID);
      assert.deepEqual(Object.keys(event.payload), PUBLISHED[/** @type {keyof typeof PUBLISHED} */ (event.key)], event.key);
    }
    assert.match(a.raw, /^data: \{"id":"[^"]+","key":"order\.invoice_generated","payload":\{"order_id":"[^"]+"\}\}\r\n\r\n/, 'compact JSON (pydantic model_dump_json), \\r\\n line ends');
    assert.ok(a.events.every((e) => e.key.startsWith('order.')), 'alice hears only her own customer’s events');
  } finally {
    a.close();
    o.close();
  }
});

test('a member session listens on its billing customer’s channel; no token is a 401', async () => {
  const member = await s.tokens.member();
  const m = await s.stream(member);
  try {
    await s.api('POST', `/__sandbox/seats/${SEED.seats.globexPending}/claim`);
    assert.equal((await m.next('customer_seat.claimed')).payload.seat_id, SEED.seats.globexPending);
  } finally {
    m.close();
  }
  const anonymous = await s.api('GET', `${P}/customers/stream`);
  assert.deepEqual([anonymous.status, anonymous.body], [401, { error: 'Unauthorized', detail: 'Unauthorized' }]);
});

test('after its lifetime the stream says {"type": "reconnect"} and ends (MAX_SSE_CONNECTION_LIFETIME)', async () => {
  await s.api('POST', '/__sandbox/config', { body: { stream_lifetime_seconds: 0.2 } });
  const alice = await s.tokens.alice();
  const a = await s.stream(alice);
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(a.raw, 'data: {"type": "reconnect"}\r\n\r\n');
  a.close();
});
