// @ts-check
// GET /v1/customer-portal/customers/stream: the customer's server-sent events, as Polar serves
// them (server/polar/customer_portal/endpoints/customer.py `stream`, through
// server/polar/eventstream/endpoints.py `subscribe` and sse_starlette's EventSourceResponse).
// Not in the OpenAPI schema (`include_in_schema=False`). Any session may open it; members get
// their billing customer's channel (`get_customer_id`).
import { subject } from './scope.mjs';

const PATH = '/v1/customer-portal/customers/stream';
/** sse_starlette's default ping interval (s). */
const PING_SECONDS = 15;

/** sse_starlette's framing: `data: …` lines, `\r\n` line ends, a blank line after each message. */
const message = (/** @type {string} */ data) => `data: ${data}\r\n\r\n`;

/**
 * An SSE reply on `customerId`'s channel (eventstream/endpoints.py `subscribe`): pings every
 * 15 s, `{"type": "reconnect"}` at the end of its lifetime.
 * @param {import('../server.mjs').World} world @param {string} customerId
 * @returns {import('../server.mjs').Reply}
 */
export function eventStream(world, customerId) {
  return {
    status: 200,
    stream(res, headers) {
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.flushHeaders();
      // Polar closes a stream after MAX_SSE_CONNECTION_LIFETIME (10 minutes) with a
      // `{"type": "reconnect"}` message; the control API can shorten it for tests.
      const lifetime = (world.config.stream_lifetime_seconds ?? 600) * 1000;
      const unsubscribe = world.background.subscribe(customerId, (event) => res.write(message(JSON.stringify(event))));
      // sse_starlette pings every 15 s; nothing comes before the first. (Firefox's fetch resolves
      // only with the first bytes: tests shorten the wait with `stream_ping_seconds`.)
      const every = (world.config.stream_ping_seconds ?? PING_SECONDS) * 1000;
      const ping = setInterval(() => res.write(`: ping - ${new Date().toISOString().replace('T', ' ').replace('Z', '+00:00')}\r\n\r\n`), every);
      const end = setTimeout(() => {
        res.write(message('{"type": "reconnect"}'));
        res.end();
      }, lifetime);
      res.on('close', () => {
        unsubscribe();
        clearInterval(ping);
        clearTimeout(end);
      });
    },
  };
}

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: PATH, gate: 'read',
    handler(ctx) {
      return eventStream(ctx.world, subject(ctx).customer.id);
    },
  },
];
