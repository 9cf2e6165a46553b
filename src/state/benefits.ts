import type { components } from '../api/schema.js';
import { BENEFIT_GRANTS, DOWNLOADABLES, LICENSE_KEY } from './keys.js';
import { allPages, PAGE_SIZE } from './pages.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';

type Schemas = components['schemas'];
export type Grant = Schemas['CustomerBenefitGrant'];
export type GrantType = Grant['benefit']['type'];
export type LicenseKey = Schemas['LicenseKeyWithActivations'];
export type LicenseKeyRead = Schemas['LicenseKeyRead'];
export type Downloadable = Schemas['DownloadableRead'];
export type Platform = 'github' | 'discord';

export { BENEFIT_GRANTS };

/**
 * Every grant of the signed-in customer or member (a member sees their seat's), every page:
 * each `<portal-benefits>` on the page, and the ones inside subscription and order details,
 * searches, groups and pages the one list. Polar lists only grants that are not revoked
 * (customer_portal/service/benefit_grant.py).
 */
export const grantsResource = (scope: PortalScope): Resource<Grant[]> =>
  scope.resources.get(BENEFIT_GRANTS, (signal) =>
    allPages((page) => scope.api.get('/v1/customer-portal/benefit-grants/', { query: { page, limit: PAGE_SIZE }, signal })),
  );

/** Every license key the user holds (without activations): one request for all the keys shown. */
export const licenseKeysResource = (scope: PortalScope): Resource<LicenseKeyRead[]> =>
  scope.resources.get(LICENSE_KEY, (signal) =>
    allPages((page) => scope.api.get('/v1/customer-portal/license-keys/', { query: { page, limit: PAGE_SIZE }, signal })),
  );

/** A license key with its activations (listed only when the benefit lets customers manage them). */
export const licenseKeyResource = (scope: PortalScope, id: string): Resource<LicenseKey> =>
  scope.resources.get(`${LICENSE_KEY}:${id}`, (signal) => scope.api.get('/v1/customer-portal/license-keys/{id}', { path: { id }, signal }));

/** Every downloadable file the user holds, with its signed link. */
export const downloadablesResource = (scope: PortalScope): Resource<Downloadable[]> =>
  scope.resources.get(DOWNLOADABLES, (signal) =>
    allPages((page) => scope.api.get('/v1/customer-portal/downloadables/', { query: { page, limit: PAGE_SIZE }, signal })),
  );

/** The platform whose account a grant needs, for GitHub repository and Discord benefits. */
export const platformOf = (g: Grant): Platform | undefined =>
  g.benefit.type === 'github_repository' ? 'github' : g.benefit.type === 'discord' ? 'discord' : undefined;

/** The linked accounts of `platform` a grant may use (Polar keys them `platform:account id`). */
export const accountsOf = (g: Grant, platform: Platform) =>
  Object.entries(g.customer.oauth_accounts).filter(([key]) => key.startsWith(`${platform}:`)).map(([, account]) => account);

/**
 * A file's link, fresh: Polar signs each for an hour (S3_FILES_PRESIGN_TTL) and answers 410 once
 * it expired, so a link that expires within the minute is fetched again first.
 */
export async function downloadUrl(scope: PortalScope, d: Downloadable): Promise<string | undefined> {
  if (Date.parse(d.file.download.expires_at) - Date.now() > 60_000) return d.file.download.url;
  await scope.resources.invalidate(DOWNLOADABLES);
  return scope.resources.peek<Downloadable[]>(DOWNLOADABLES)?.find((x) => x.id === d.id)?.file.download.url;
}

/** Replaces a grant in the shared list with what Polar answered. */
const store = (scope: PortalScope, g: Grant) => scope.resources.update<Grant[]>(BENEFIT_GRANTS, (list) => list.map((x) => (x.id === g.id ? g : x)));

/**
 * Asks Polar to act on a grant: invite this GitHub or Discord account (`null` starts over, for a
 * new invitation), or invite this email to the Slack channel. Polar answers at once and does
 * the work in a background job (`benefit.update`), so the grant is read again until the job has
 * granted it or failed, for at most `timeout` ms.
 */
export async function updateGrant(scope: PortalScope, g: Grant, properties: { account_id: string | null } | { invited_email: string }, timeout = 15_000): Promise<Grant> {
  const body = { benefit_type: g.benefit.type, properties } as Schemas['CustomerBenefitGrantUpdate'];
  const grant = await scope.api.patch('/v1/customer-portal/benefit-grants/{id}', { path: { id: g.id }, body });
  store(scope, grant);
  // The answer comes before the job: done once the job has left its mark (or failed).
  const p = (x: Grant) => x.properties as { granted_account_id?: string; invite_url?: string };
  return waitForGrant(scope, grant, (x) => !!x.error || ('invited_email' in properties ? !!p(x).invite_url : !!properties.account_id && p(x).granted_account_id === properties.account_id), timeout);
}

/** Reads a grant again, every 0.7 s, until `done` holds or `timeout` ms passed; the list gets each answer. */
export async function waitForGrant(scope: PortalScope, grant: Grant, done: (g: Grant) => boolean, timeout: number): Promise<Grant> {
  const end = Date.now() + timeout;
  while (!done(grant) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    grant = await scope.api.get('/v1/customer-portal/benefit-grants/{id}', { path: { id: grant.id } });
    store(scope, grant);
  }
  return grant;
}

/**
 * After the customer linked an account on Polar's site: the grants again (with the account),
 * and `waiting` until Polar's job has granted it with the account (at most 8 s).
 */
export async function accountLinked(scope: PortalScope, waiting: Grant | undefined): Promise<void> {
  await scope.resources.invalidate(BENEFIT_GRANTS);
  if (waiting) await waitForGrant(scope, waiting, (x) => !x.error, 8000);
}

/** A new key string for the same license: the old one stops validating at once. */
export async function rotateLicenseKey(scope: PortalScope, id: string): Promise<void> {
  const fresh = await scope.api.post('/v1/customer-portal/license-keys/{id}/rotate', { path: { id } });
  scope.resources.update<LicenseKey | LicenseKeyRead[]>(LICENSE_KEY, (data) =>
    Array.isArray(data) ? data.map((lk) => (lk.id === id ? fresh : lk)) : data.id === id ? { ...data, ...fresh } : data,
  );
}

/** Frees an activation (a machine), through Polar's public deactivate, which takes the key itself. */
export async function deactivate(scope: PortalScope, lk: LicenseKeyRead, activationId: string): Promise<void> {
  await scope.api.post('/v1/customer-portal/license-keys/deactivate', { body: { key: lk.key, organization_id: lk.organization_id, activation_id: activationId } });
  scope.resources.update<LicenseKey>(`${LICENSE_KEY}:${lk.id}`, (x) => ({ ...x, activations: x.activations.filter((a) => a.id !== activationId) }));
}

/**
 * Where Polar's OAuth flow for `platform` starts. Polar returns only to its own hosts
 * (kit/http.py `get_safe_return_url`), so the flow ends on Polar's site: the element opens it
 * in a new tab and reads the grants again when the customer comes back.
 */
export const authorizeUrl = async (scope: PortalScope, platform: Platform): Promise<string> =>
  (await scope.api.get('/v1/customer-portal/oauth-accounts/authorize', { query: { platform, return_to: `/${scope.config.organization}/portal` } })).url;
