// @ts-check
// The local Polar's stand-in for GitHub's and Discord's OAuth consent pages
// (`/__oauth/{platform}/authorize`). It shows which account would be linked and sends the
// browser back to Polar's callback with a code, or with `error=access_denied`, as the real
// providers do. Plain HTML under a strict CSP: no script, forms only to the callback.
import { writeResponse } from './http.mjs';
import { providerAccount } from './routes/oauth.mjs';

const PAGE = /^\/__oauth\/(github|discord)\/authorize$/;
const NAMES = /** @type {Record<string, string>} */ ({ github: 'GitHub', discord: 'Discord' });

/** @param {string} text */
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {import('./server.mjs').World} world
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url
 */
export function serveOAuthProvider(world, req, res, url) {
  const match = PAGE.exec(url.pathname);
  if (!match || req.method !== 'GET') return false;
  req.resume();
  const platform = match[1];
  const state = url.searchParams.get('state') ?? '';
  const redirect = url.searchParams.get('redirect_uri') ?? '';
  /** @type {any} */
  let data = null;
  try {
    data = JSON.parse(Buffer.from(state, 'base64url').toString('utf8'));
  } catch {
    // shown as a bad request below
  }
  const who = data && (data.member_id ? world.state.members.get(data.member_id) : world.state.customers.get(data.customer_id));
  if (!who || !redirect.startsWith(`http://${req.headers.host}/`)) {
    writeResponse(res, 400, 'Bad OAuth request.\n', { 'Content-Security-Policy': "default-src 'none'" });
    return true;
  }
  const account = providerAccount(platform, who);
  const name = NAMES[platform];
  const hidden = (/** @type {Record<string, string>} */ fields) => Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v)}">`).join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authorize Polar – ${name} (local stand-in)</title></head>
<body>
<main>
<h1>${name} (local stand-in)</h1>
<p>Polar wants to know your ${name} account, to give you access to what you bought.</p>
<p>You are signed in to ${name} as <strong>${escape(account.account_username)}</strong>.</p>
<form method="get" action="${escape(redirect)}">${hidden({ state, code: `sandbox-${platform}-${account.account_id}` })}<button type="submit">Authorize Polar</button></form>
<form method="get" action="${escape(redirect)}">${hidden({ state, error: 'access_denied' })}<button type="submit">Cancel</button></form>
</main>
</body></html>`;
  writeResponse(res, 200, html, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  });
  return true;
}
