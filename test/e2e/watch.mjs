// What an end-to-end test watches, the same way in every engine: the requests each server
// received (the network as the servers saw it, so a browser cannot hide a repeat), and, in the
// page, what only the page knows (policy violations, elements defined, Trusted Types policies
// created, portal-* events, console errors and warnings, uncaught errors).

const QUIET_MS = 300;

/**
 * Logs every request a browser sends `servers` (the test's own calls, from Node, aside). `settle()` waits until none is in flight (the long-lived
 * event streams aside) and none has started for 300 ms.
 * @param {Record<string, import('node:http').Server>} servers by name ("api", "site")
 */
export function watchRequests(servers) {
  /** @type {{server: string, method: string, path: string, version?: string}[]} */
  const log = [];
  let inFlight = 0;
  let last = Date.now();
  for (const [name, server] of Object.entries(servers)) {
    server.prependListener('request', (req, res) => {
      if (!req.headers['user-agent']?.startsWith('Mozilla/')) return;
      const version = req.headers['polar-version'];
      log.push({ server: name, method: req.method ?? 'GET', path: req.url ?? '/', version: typeof version === 'string' ? version : undefined });
      last = Date.now();
      if (/\/stream(\?|$)/.test(req.url ?? '')) return;
      inFlight++;
      res.once('close', () => {
        inFlight--;
        last = Date.now();
      });
    });
  }
  return {
    log,
    clear: () => void log.splice(0),
    /** `METHOD /path` -> how many times `server` was asked (preflights aside). */
    counts: (server = 'api') =>
      log
        .filter((r) => r.server === server && r.method !== 'OPTIONS')
        .reduce((counts, r) => {
          const key = `${r.method} ${new URL(r.path, 'http://x').pathname}`;
          counts[key] = (counts[key] ?? 0) + 1;
          return counts;
        }, /** @type {Record<string, number>} */ ({})),
    async settle(timeout = 10_000) {
      const end = Date.now() + timeout;
      while (inFlight > 0 || Date.now() - last < QUIET_MS) {
        if (Date.now() > end) throw new Error(`the network did not settle in ${timeout} ms (${inFlight} in flight)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/**
 * Runs in the page before its own scripts (the merchant page serves it as its first script; the
 * demo test has the driver run it) and keeps what it sees in `window.__recorded`.
 */
export function recordPage() {
  const w = /** @type {any} */ (window);
  if (w.__recorded) return;
  /** @type {Record<'violations' | 'defines' | 'policies' | 'events' | 'errors' | 'warnings', string[]>} */
  const r = (w.__recorded = { violations: [], defines: [], policies: [], events: [], errors: [], warnings: [] });
  document.addEventListener('securitypolicyviolation', (e) => r.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample} (${e.sourceFile}:${e.lineNumber})`));
  addEventListener('error', (e) => r.errors.push(`uncaught: ${e.message}`));
  addEventListener('unhandledrejection', (e) => r.errors.push(`unhandled rejection: ${e.reason}`));
  // WebKit's WebDriver reports no console: the page's own calls, in every engine.
  for (const [level, list] of /** @type {const} */ ([['error', r.errors], ['warn', r.warnings]])) {
    const original = console[level];
    console[level] = (...args) => {
      list.push(`console: ${args.map(String).join(' ')}`);
      original.apply(console, args);
    };
  }
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    r.defines.push(name);
    return define.call(this, name, ...rest);
  };
  const tt = w.trustedTypes;
  if (tt) {
    const createPolicy = tt.createPolicy;
    tt.createPolicy = function (/** @type {string} */ name, /** @type {unknown[]} */ ...rest) {
      r.policies.push(name);
      return createPolicy.call(this, name, ...rest);
    };
  }
  for (const type of ['portal-login', 'portal-logout', 'portal-session-expired']) {
    document.addEventListener(type, (e) => r.events.push(JSON.stringify({ type, detail: /** @type {CustomEvent} */ (e).detail })));
  }
}

/** What `recordPage` saw in the page so far. */
export const recorded = (/** @type {import('./browser.mjs').Page} */ page) =>
  page.evaluate(() => /** @type {Record<'violations' | 'defines' | 'policies' | 'events' | 'errors' | 'warnings', string[]>} */ (/** @type {any} */ (window).__recorded));
