// @ts-check
// `npm start`: the local Polar and the demo pages, each on its own origin like production.
//
//   PORT (8787)       the local Polar            SANDBOX_RATE_LIMITS=off  turns its rate limits off
//   DEMO_PORT (8788)  the demo pages (demo/ at /, dist/ at /dist/)
//   DEMO_API          `sandbox`, `production` or a base URL: the pages talk to that Polar instead,
//                     and the local Polar is not started (its outbox and reset panels are hidden)
//   DEMO_ORG          the organization slug the pages start with (default `solo`)
//
// Every page is served with a strict Content-Security-Policy and Trusted Types, so anything
// inline (script, style attribute, innerHTML) in the kit or the demo shows up as a violation.
// Dependency-free: node:http and node:fs only. Also importable: `startDemo(options)`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listen } from '../sandbox/listen.mjs';
import { SEED } from '../sandbox/seed.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MOUNTS = [
  { prefix: '/dist/', dir: join(ROOT, 'dist') },
  { prefix: '/', dir: join(ROOT, 'demo') },
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};
const NAMED_APIS = { production: 'https://api.polar.sh', sandbox: 'https://sandbox-api.polar.sh' };

/**
 * The strict policy of a merchant page that embeds the kit and talks to `apiOrigin`. With a
 * Stripe key, Stripe.js may load for 3-D Secure (README, "Payments that need the bank"): from
 * js.stripe.com for Polar, from the local Polar's stand-in here.
 */
export function contentSecurityPolicy(apiOrigin, stripe = false) {
  const local = !/(^|\.)polar\.sh$/.test(new URL(apiOrigin).hostname);
  const stripeScript = stripe ? ` ${local ? apiOrigin : 'https://js.stripe.com'}` : '';
  const stripeFrames = stripe && !local ? ' https://js.stripe.com https://hooks.stripe.com' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${stripeScript}`,
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    `img-src 'self' data: ${apiOrigin}`,
    `frame-src ${apiOrigin}${stripeFrames}`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/** `sandbox` | `production` | URL -> origin, as the kit resolves `data-api`. */
export function apiOrigin(value) {
  return new URL(NAMED_APIS[/** @type {keyof typeof NAMED_APIS} */ (value)] ?? value).origin;
}

/** Escapes a value for a double-quoted HTML attribute. */
const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Fills in what only the server knows: the kit's `data-api`, `data-organization` and
 * `data-stripe-key`, and `<meta name="local-polar">` (the local Polar's URL, empty against a real Polar).
 * @param {string} html
 * @param {{api: string, organization: string, localPolar: string, stripeKey?: string}} values
 */
export function fillPage(html, { api, organization, localPolar, stripeKey = '' }) {
  return html
    .replace(/(<script\b[^>]*\bdata-api=")[^"]*(")/g, `$1${attr(api)}$2`)
    .replace(/(<script\b[^>]*\bdata-organization=")[^"]*(")/g, `$1${attr(organization)}$2`)
    .replace(/(<script\b[^>]*\bdata-stripe-key=")[^"]*(")/g, `$1${attr(stripeKey)}$2`)
    .replace(/(<meta name="local-polar" content=")[^"]*(")/g, `$1${attr(localPolar)}$2`);
}

/** Maps a URL path to a file under one of the mounts; null when it would leave them. */
function resolvePath(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  for (const { prefix, dir } of MOUNTS) {
    if (!decoded.startsWith(prefix)) continue;
    let rest = decoded.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = normalize(join(dir, rest));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/**
 * Serves demo/ and dist/ with the page policy; `pages` (path -> HTML) are served from memory.
 * @param {{api: string, organization: string, localPolar: string, stripeKey?: string, port?: number, host?: string, pages?: Record<string, string>}} options
 */
export function serveDemo({ api, organization, localPolar, stripeKey, port = 8788, host = '127.0.0.1', pages = {} }) {
  const csp = contentSecurityPolicy(apiOrigin(api), !!stripeKey);
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    const send = (status, type, body) => {
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method Not Allowed');
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (Object.hasOwn(pages, pathname)) return send(200, TYPES['.html'], pages[pathname]);
    const file = resolvePath(pathname);
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not a file');
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      const body = await readFile(file);
      send(200, type, type === TYPES['.html'] ? fillPage(body.toString('utf8'), { api, organization, localPolar, stripeKey }) : body);
    } catch {
      send(404, 'text/plain; charset=utf-8', 'Not Found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://${host}:${address.port}` });
    });
  });
}

/**
 * Starts the local Polar (unless `api` names another Polar) and the demo server.
 * @param {{port?: number, demoPort?: number, api?: string, organization?: string, rateLimits?: boolean, stripeKey?: string}} [options]
 */
export async function startDemo({ port = 8787, demoPort = 8788, api, organization = 'solo', rateLimits = true, stripeKey } = {}) {
  const sandbox = api ? undefined : await listen({ port, rateLimits });
  const demo = await serveDemo({
    api: api ?? /** @type {NonNullable<typeof sandbox>} */ (sandbox).url,
    organization,
    localPolar: sandbox?.url ?? '',
    // The local Polar's stand-in key; against Polar, the one the merchant gives (DEMO_STRIPE_KEY).
    stripeKey: api ? stripeKey : SEED.stripePublishableKey,
    port: demoPort,
  });
  const close = async () => {
    for (const server of [demo.server, sandbox?.server]) {
      if (!server) continue;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };
  return { url: demo.url, sandboxUrl: sandbox?.url, api: api ?? sandbox?.url, close };
}

async function main() {
  const api = process.env.DEMO_API?.trim() || undefined;
  if (api) {
    try {
      apiOrigin(api);
    } catch {
      console.error(`DEMO_API must be "sandbox", "production" or an http(s) URL, got "${api}"`);
      process.exit(1);
    }
  }
  const options = {
    port: Number(process.env.PORT) || 8787,
    demoPort: Number(process.env.DEMO_PORT) || 8788,
    api,
    organization: process.env.DEMO_ORG?.trim() || 'solo',
    rateLimits: process.env.SANDBOX_RATE_LIMITS !== 'off',
    stripeKey: process.env.DEMO_STRIPE_KEY?.trim() || undefined,
  };
  let running;
  try {
    running = await startDemo(options);
  } catch (error) {
    const busy = /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE';
    console.error(busy ? `Port in use (${/** @type {any} */ (error).port}): set PORT / DEMO_PORT to free ones.` : error);
    process.exit(1);
  }
  console.log('');
  if (running.sandboxUrl) {
    console.log(`  Demo: ${running.url}/  (local Polar: ${running.sandboxUrl})`);
    console.log(`  As a CMS would: ${running.url}/embed.html`);
    console.log(`  The whole portal in one tag: ${running.url}/app.html`);
    console.log(`  A seat invitation's landing: ${running.url}/claim.html (links in the demo's "Seat invitations")`);
    console.log(`  Organization ${options.organization}; rate limits ${options.rateLimits ? 'on' : 'off'}; login codes in the page's outbox`);
  } else {
    console.log(`  Demo: ${running.url}/  (Polar API: ${running.api}${running.api === apiOrigin(running.api) ? '' : ` = ${apiOrigin(running.api)}`}, organization "${options.organization}")`);
    console.log(`  As a CMS would: ${running.url}/embed.html`);
    console.log('  Login codes arrive by email: sign in with an address that is a customer of that organization.');
  }
  console.log('  Ctrl-C stops everything.\n');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
