// @ts-check
// Injected faults for tests: a status/body, latency, or a dropped connection on requests
// whose method and path prefix match, counting down `times` (0 = until cleared).

/**
 * @typedef {{path: string, method: string|null, status: number|null, body: unknown, latency_ms: number, drop: boolean, times: number, remaining: number}} Fault
 */

export function createFaults() {
  /** @type {Fault[]} */
  let faults = [];
  return {
    /** @param {Omit<Fault, 'remaining'>} fault */
    add(fault) {
      const f = { ...fault, remaining: fault.times };
      faults.push(f);
      return f;
    },
    clear() {
      faults = [];
    },
    list() {
      return faults;
    },
    /**
     * Take the first matching fault (and count it down). Preflights only match a fault
     * that names OPTIONS explicitly, so a fault never breaks CORS by accident.
     * @param {string} method
     * @param {string} path
     */
    take(method, path) {
      const f = faults.find((x) => path.startsWith(x.path) && (x.method ? x.method === method : method !== 'OPTIONS'));
      if (!f) return null;
      if (f.times > 0) {
        f.remaining -= 1;
        if (f.remaining <= 0) faults = faults.filter((x) => x !== f);
      }
      return f;
    },
  };
}
