// @ts-check
// Where Polar's own hosted customer portal lives (`{polar site}/{organization}/portal/…`,
// clients/apps/web/src/app/(main)/[organization]/portal/). The kit sends a customer there only
// when a payment needs a bank check it cannot show (no Stripe key configured). The local Polar
// does not imitate the hosted portal: it says so, on a page under the same address.
import { writeResponse } from './http.mjs';

const PAGE = /^\/([^/]+)\/portal(?:\/orders\/([^/]+)|\/(claim|verify-email))?\/?$/;

/**
 * @param {import('./server.mjs').World} world
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url
 */
export function serveHostedPortal(world, req, res, url) {
  const match = PAGE.exec(url.pathname);
  if (!match || req.method !== 'GET') return false;
  req.resume();
  const org = [...world.state.organizations.values()].find((o) => o.slug === match[1]);
  const what = match[2] ? `order ${match[2]}` : match[3] === 'claim' ? 'a seat invitation to claim' : match[3] ? 'the confirmation of a new email address' : 'the customer portal';
  const text = [
    `Polar's hosted customer portal${org ? ` for ${org.name}` : ''}.`,
    '',
    `On Polar, this address (${url.pathname}) shows ${what}: the customer signs in with their email and`,
    'can pay an order there, with their bank’s 3-D Secure check. The local Polar does not include',
    'Polar’s hosted portal; the kit’s own elements are the portal here.',
  ].join('\n');
  writeResponse(res, org ? 200 : 404, `${text}\n`, { 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" });
  return true;
}
