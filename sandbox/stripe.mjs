// @ts-check
// A stand-in for the part of Stripe the kit touches when a payment asks for 3-D Secure: Stripe.js
// (`Stripe(publishableKey).handleNextAction({clientSecret})`, served at /stripe/v3/ as Stripe
// serves https://js.stripe.com/v3/), the bank's challenge in a frame (Stripe's own test page has
// the same two buttons: complete or fail), and Stripe telling Polar the outcome by webhook. The
// local Polar's PaymentIntents are made by `confirm-payment` (routes/orders.mjs). Strict CSP: no
// inline script or style, and the challenge may be framed by any page, as Stripe's is.
import { readFile } from 'node:fs/promises';
import { readJsonBody, writeResponse } from './http.mjs';
import { paymentWebhook } from './routes/orders.mjs';
import { SEED } from './seed.mjs';

/** The local Polar's "publishable key": the kit is configured with it in the demo and tests. */
export const STRIPE_PUBLISHABLE_KEY = SEED.stripePublishableKey;
/** Stripe's message when the customer fails or abandons the bank's check. */
export const AUTHENTICATION_FAILED = 'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

const FILES = /** @type {Record<string, [string, string]>} */ ({
  '/stripe/v3/': ['stripe.js', 'text/javascript; charset=utf-8'],
  '/stripe/challenge': ['challenge.html', 'text/html; charset=utf-8'],
  '/stripe/challenge.js': ['challenge.js', 'text/javascript; charset=utf-8'],
  '/stripe/challenge.css': ['challenge.css', 'text/css; charset=utf-8'],
});

/**
 * @param {import('./server.mjs').World} world
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url
 * @returns {Promise<boolean>}
 */
export async function serveStripe(world, req, res, url) {
  const file = FILES[url.pathname];
  if (file && req.method === 'GET') {
    req.resume();
    res.writeHead(200, {
      'Content-Type': file[1],
      'Cache-Control': 'no-store',
      // Stripe.js is loaded cross-origin by the merchant's page.
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *",
    });
    res.end(await readFile(new URL(`./stripe/${file[0]}`, import.meta.url)));
    return true;
  }
  const intent = /^\/stripe\/v1\/payment_intents\/(pi_[a-z0-9]+)(\/authenticate)?$/.exec(url.pathname);
  if (!intent) return false;
  const pi = world.state.paymentIntents.get(intent[1]);
  /** @type {any} */
  const body = req.method === 'POST' ? await readJsonBody(req).catch(() => ({})) : (req.resume(), Object.fromEntries(url.searchParams));
  const headers = { 'Cache-Control': 'no-store' };
  // Stripe answers a wrong key or secret as if the intent did not exist.
  if (!pi || body?.key !== STRIPE_PUBLISHABLE_KEY || body?.client_secret !== pi.client_secret) {
    writeResponse(res, 404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${intent[1]}'` } }, headers);
    return true;
  }
  if (intent[2] && req.method === 'POST' && pi.status === 'requires_action') {
    const completed = body.result === 'complete';
    pi.status = completed ? 'succeeded' : 'requires_payment_method';
    pi.last_payment_error = completed ? null : { code: 'payment_intent_authentication_failure', message: AUTHENTICATION_FAILED };
    // Stripe's webhook reaches Polar a moment later.
    world.background.enqueue(() => paymentWebhook(world, pi.order_id, completed ? { status: 'succeeded' } : { status: 'failed', error: AUTHENTICATION_FAILED }));
  }
  writeResponse(res, 200, { id: pi.id, object: 'payment_intent', status: pi.status, amount: pi.amount, currency: pi.currency, last_payment_error: pi.last_payment_error ?? null }, headers);
  return true;
}
