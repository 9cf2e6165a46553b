// @ts-check
// The stand-in for Polar's payment-method embed page (`{polar site}/embed/payment-method`,
// polar-api.md §10). Real Polar renders Stripe Elements there; this page takes a Stripe test
// card number instead and speaks the same postMessage protocol (`type: "POLAR_PAYMENT_METHOD"`),
// so the kit's embed flow runs end to end. Strict CSP: no inline script or style.
import { readFile } from 'node:fs/promises';

const FILES = /** @type {Record<string, string>} */ ({
  '/embed/payment-method': 'text/html; charset=utf-8',
  '/embed/payment-method.js': 'text/javascript; charset=utf-8',
  '/embed/payment-method.css': 'text/css; charset=utf-8',
});

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @returns {Promise<boolean>} false when the path is not one of the embed's files
 */
export async function serveEmbed(req, res, url) {
  const type = FILES[url.pathname];
  if (!type || req.method !== 'GET') return false;
  req.resume();
  const name = url.pathname.endsWith('payment-method') ? 'payment-method.html' : url.pathname.slice('/embed/'.length);
  const body = await readFile(new URL(`./embed/${name}`, import.meta.url));
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': [
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "base-uri 'none'",
      // Polar lets any page frame its embeds (clients/apps/web/next.config.mjs, `frame-ancestors *`).
      "form-action 'none'", 'frame-ancestors *',
    ].join('; '),
  });
  res.end(body);
  return true;
}
