// @ts-check
// Polar's rate-limit rules (polar-api.md §7): fixed windows from the first request, per
// identity, first matching pattern wins, and a block that applies to every rate-limited path.

/**
 * @typedef {{pattern: RegExp, zone: string, limits: Record<'default'|'pending_auth', {window: number, limit: number}[]>, block?: number}} Rule
 */

/** @type {Rule[]} */
const RULES = [
  {
    pattern: /^\/v1\/customer-portal\/customer-session\/(request|authenticate)/,
    zone: 'customer-session-login',
    limits: { default: [{ window: 60, limit: 6 }, { window: 3600, limit: 12 }], pending_auth: [{ window: 60, limit: 6 }, { window: 3600, limit: 12 }] },
    block: 900,
  },
  {
    pattern: /^\/v1\/customer-portal\/customers\/me\/email-update\/(request|check|verify)/,
    zone: 'customer-email-update',
    limits: { default: [{ window: 60, limit: 6 }, { window: 3600, limit: 12 }], pending_auth: [{ window: 60, limit: 6 }, { window: 3600, limit: 12 }] },
    block: 900,
  },
  {
    pattern: /^\/v1\/customer-portal\/license-keys\/(validate|activate|deactivate)/,
    zone: 'license-keys',
    limits: { default: [{ window: 1, limit: 3 }], pending_auth: [{ window: 1, limit: 3 }] },
    block: 60,
  },
  // The sandbox environment's catch-all.
  { pattern: /^\/v1/, zone: 'api', limits: { default: [{ window: 60, limit: 100 }], pending_auth: [{ window: 60, limit: 60 }] } },
];

export function createRateLimiter() {
  /** @type {Map<string, {start: number, count: number}>} */
  const windows = new Map();
  /** @type {Map<string, number>} identity → blocked until (ms) */
  const blocks = new Map();

  return {
    /**
     * Count one request. Returns the Retry-After seconds when refused, else null.
     * @param {string} path
     * @param {string} identity
     * @param {'default'|'pending_auth'} group
     * @param {number} now
     */
    hit(path, identity, group, now) {
      const rule = RULES.find((r) => r.pattern.test(path));
      if (!rule) return null;
      const blockedUntil = blocks.get(identity);
      if (blockedUntil !== undefined) {
        if (blockedUntil > now) return Math.ceil((blockedUntil - now) / 1000);
        blocks.delete(identity);
      }
      let exceeded = null;
      for (const { window, limit } of rule.limits[group]) {
        const key = `${rule.zone}:${window}:${identity}`;
        let w = windows.get(key);
        if (!w || w.start + window * 1000 <= now) {
          w = { start: now, count: 0 };
          windows.set(key, w);
        }
        w.count += 1;
        if (w.count > limit && exceeded === null) exceeded = window;
      }
      if (exceeded === null) return null;
      if (rule.block) {
        blocks.set(identity, now + rule.block * 1000);
        return rule.block;
      }
      return exceeded; // without a block time Retry-After is the window length
    },
    reset() {
      windows.clear();
      blocks.clear();
    },
  };
}
