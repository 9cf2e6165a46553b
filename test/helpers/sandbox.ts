// Drives the local Polar that web-test-runner.config.mjs starts on its own origin.

declare global {
  interface Window {
    __SANDBOX_URL__: string;
  }
}

export const SANDBOX = window.__SANDBOX_URL__;

// Tests count requests through Resource Timing; the default buffer (250 entries) fills fast.
performance.setResourceTimingBufferSize(100_000);

export interface OutboxEntry {
  email: string;
  code: string;
  organization_id: string;
  sent_at: string;
  expires_at: string;
  used_at: string | null;
  /** whether the code still signs in: Polar deletes a code once it is used */
  status: 'unused' | 'used' | 'expired';
}

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${SANDBOX}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

export const resetSandbox = () => control('POST', 'reset');

export const configureSandbox = (config: { rate_limits?: boolean; token_ttl_seconds?: number; code_ttl_seconds?: number; stream_lifetime_seconds?: number; stream_ping_seconds?: number; download_ttl_seconds?: number }) =>
  control('POST', 'config', config);

export interface Fault {
  path: string;
  method?: string;
  status?: number;
  body?: unknown;
  latency_ms?: number;
  drop?: boolean;
  times?: number;
}
export const addFault = (fault: Fault) => control('POST', 'faults', fault);
export const clearFaults = () => control('DELETE', 'faults');
export const expireSessions = () => control('POST', 'expire-sessions');

export async function outbox(): Promise<OutboxEntry[]> {
  return (await control('GET', 'outbox')).json();
}

/** The newest code sent to `email`. */
export async function latestCode(email: string): Promise<string> {
  const entry = (await outbox()).find((item) => item.email === email);
  if (!entry) throw new Error(`no code was sent to ${email}`);
  return entry.code;
}

const ACCESS_TOKENS = {
  acme: 'polar_oat_sandbox_acme_fe3b918a2352aa4e9e3cdd65',
  solo: 'polar_oat_sandbox_solo_261ddfdc3e0c99a3e3e93477',
};

/**
 * What a merchant's backend does: mints a customer (solo) or member (acme) session token
 * with its organization access token. Only tests and servers hold that token.
 */
export async function mintSessionToken(
  organization: keyof typeof ACCESS_TOKENS,
  body: { external_customer_id: string; external_member_id?: string; return_url?: string },
): Promise<string> {
  const response = await fetch(`${SANDBOX}/v1/customer-sessions/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ACCESS_TOKENS[organization]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`minting failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export interface Invitation {
  email: string;
  token: string;
  organization: string;
  product: string;
  claim_url: string;
}

/** The seat invitations the local Polar would have emailed, newest first. */
export async function invitations(): Promise<Invitation[]> {
  return (await control('GET', 'invitations')).json();
}

export interface EmailChangeMail {
  email: string;
  token: string;
  organization: string;
  link: string;
}

/** The "verify your new email" messages the local Polar would have emailed, newest first. */
export async function emailChanges(): Promise<EmailChangeMail[]> {
  return (await control('GET', 'email-changes')).json();
}

/** Changes part of an organization's portal settings (what Polar's dashboard toggles). */
export const setPortalSettings = (slug: 'acme' | 'solo', settings: Record<string, Record<string, boolean>>) =>
  control('POST', `organizations/${slug}/portal-settings`, settings);

/**
 * What the local Polar's payment-method frame posts to this page from now on: `loaded` once its
 * form is there to type in (its size arrives earlier, while it still says "Loading…"), and the
 * code of each `error`. `stop()` stops listening.
 */
export function embedMessages(): { events: string[]; errors: string[]; stop: () => void } {
  const events: string[] = [];
  const errors: string[] = [];
  const listen = (e: MessageEvent) => {
    if (e.origin !== new URL(SANDBOX).origin || e.data?.type !== 'POLAR_PAYMENT_METHOD') return;
    events.push(e.data.event);
    if (e.data.event === 'error') errors.push(e.data.code);
  };
  addEventListener('message', listen);
  return { events, errors, stop: () => removeEventListener('message', listen) };
}
