// The app's own backend: serves the app and mints the customer's Polar session.
// The organization access token stays here; the browser only ever sees a customer session
// token for the user your app has already signed in.
//   node server.mjs          the built app (npm run build first)
//   node server.mjs --dev    Vite's dev server behind the same routes
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const POLAR_API = process.env.POLAR_API ?? 'http://127.0.0.1:8787';
// Polar: Settings → Developers → New token, with the customer_sessions:write scope.
// The default is the local Polar's token for its `solo` organization (npm start in the kit).
const POLAR_ACCESS_TOKEN = process.env.POLAR_ACCESS_TOKEN ?? 'polar_oat_sandbox_solo_261ddfdc3e0c99a3e3e93477';
const PORT = Number(process.env.PORT ?? 3000);
const DIST = new URL('./dist/', import.meta.url).pathname;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * Who is signed in to your app: your session cookie or JWT decides. This example has one user,
 * the local Polar's customer with external ID `alice` (your own user ID, set on the Polar customer).
 */
function signedInUser(_request) {
  return { externalId: process.env.APP_USER ?? 'alice' };
}

/** POST /api/portal-token -> { token }: a customer session for the signed-in user (valid one hour). */
async function portalToken(request, response) {
  const user = signedInUser(request);
  if (!user) return send(response, 401, { error: 'Sign in first.' });
  const polar = await fetch(`${POLAR_API}/v1/customer-sessions/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${POLAR_ACCESS_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ external_customer_id: user.externalId }),
  });
  if (!polar.ok) return send(response, 502, { error: `Polar answered ${polar.status}.` });
  const { token, expires_at } = await polar.json();
  send(response, 200, { token, expires_at });
}

function send(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function serveBuilt(request, response) {
  const path = normalize(new URL(request.url, 'http://app').pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(DIST, path.endsWith('/') ? 'index.html' : path);
  try {
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(await readFile(file));
  } catch {
    // A client-side route: the app's page.
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(await readFile(join(DIST, 'index.html')));
  }
}

const vite = process.argv.includes('--dev')
  ? await (await import('vite')).createServer({ server: { middlewareMode: true }, appType: 'spa' })
  : undefined;

const server = createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/api/portal-token') return void portalToken(request, response).catch(() => send(response, 502, { error: 'Polar is unreachable.' }));
  if (vite) return vite.middlewares(request, response);
  void serveBuilt(request, response);
});
server.listen(PORT, '127.0.0.1', () => console.log(`React example: http://127.0.0.1:${server.address().port}/`));
