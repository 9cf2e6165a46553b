// Signs a persona in the fast way (a merchant-minted token), and talks to the local Polar as
// that persona directly, for setting up or checking state behind an element's back.
import { PolarPortal } from '../../src/index.js';
import { mintSessionToken, SANDBOX } from './sandbox.js';

const API = `${SANDBOX}/v1/customer-portal`;
let token = '';

export async function signIn(org: 'solo' | 'acme', external_customer_id: string, external_member_id?: string) {
  token = await mintSessionToken(org, { external_customer_id, external_member_id });
  await PolarPortal.session.setToken(token);
}

/** A customer-portal request with the signed-in persona's token; the parsed body, or null for none (204, 202). */
export async function api(method: string, path: string, body?: unknown) {
  const r = await fetch(`${API}/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}

/** Every fetch the page makes from now on, as "METHOD path", until `restore()`. */
export function recordRequests() {
  const calls: string[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}
