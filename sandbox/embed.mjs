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
 * `embed_origin` as Polar accepts it: https, or http on localhost/127.0.0.1; else null.
 * @param {string|null} value
 */
export function embedOrigin(value) {
  try {
    const url = new URL(value ?? '');
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.origin : null;
  } catch {
    return null;
  }
}

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
  const ancestor = embedOrigin(url.searchParams.get('embed_origin'));
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': [
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "base-uri 'none'",
      "form-action 'none'", `frame-ancestors ${ancestor ?? "'none'"}`,
    ].join('; '),
  });
  res.end(body);
  return true;
}
