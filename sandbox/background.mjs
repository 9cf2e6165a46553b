// @ts-check
// What Polar does after it has answered: its workers (dramatiq jobs, Stripe webhooks) and its
// event stream (Redis pub/sub, read by `GET /v1/customer-portal/customers/stream`). The local
// Polar runs both in process, so a test sees the same order of things as against Polar: the
// answer first, the effect a moment later, then the stream event.
import { randomUUID } from 'node:crypto';

/** How long a job waits in the queue and runs: long enough to be seen, short for tests (ms). */
export const WORK_MS = 700;

/**
 * @typedef {{id: string, key: string, payload: Record<string, unknown>}} StreamEvent
 * @typedef {(event: StreamEvent) => void} Subscriber
 */

export function createBackground() {
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  /** @type {Map<string, Set<Subscriber>>} customer id → open streams */
  const channels = new Map();

  return {
    /** Runs `job` after `delay` ms, as a worker picks a queued job up (`enqueue_job`). */
    enqueue(/** @type {() => void} */ job, delay = WORK_MS) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        try {
          job();
        } catch (e) {
          console.error('[sandbox] job failed', e);
        }
      }, delay);
      // A job must never keep a test process (or the demo, on Ctrl-C) alive.
      timer.unref?.();
      timers.add(timer);
    },

    /**
     * `eventstream.service.publish(key, payload, customer_id=…)`: every stream of that customer
     * receives `{id, key, payload}` (server/polar/eventstream/service.py).
     * @param {string} customerId @param {string} key @param {Record<string, unknown>} payload
     */
    publish(customerId, key, payload) {
      const event = { id: randomUUID(), key, payload };
      for (const subscriber of channels.get(`customer:${customerId}`) ?? []) subscriber(event);
    },

    /** @param {string} customerId @param {Subscriber} subscriber @returns {() => void} */
    subscribe(customerId, subscriber) {
      const name = `customer:${customerId}`;
      const set = channels.get(name) ?? new Set();
      channels.set(name, set.add(subscriber));
      return () => set.delete(subscriber);
    },

    /** Open streams, by customer id (the control API reports them). */
    listeners() {
      return Object.fromEntries([...channels].filter(([, s]) => s.size).map(([name, s]) => [name.slice(9), s.size]));
    },

    /** Drops queued jobs (reset). Open streams end with their sessions. */
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
