import { PortalApiClient } from '../api/client.js';
import { PortalApiError } from '../api/errors.js';
import type { components } from '../api/schema.js';
import type { PortalConfig } from '../config/config.js';
import { PortalEvent } from '../events/portal-event.js';
import { ORGANIZATION, staleAfterEvent } from './keys.js';
import { createResource, ResourceCache, type Resource } from './resource.js';
import { PortalSession, type SessionUser } from './session.js';
import { CustomerStream } from './stream.js';

export type OrganizationData = components['schemas']['CustomerOrganizationData'];

/**
 * Everything one organization's elements share on a page: its API client, its session
 * and its cached resources. Elements of the same organization (and API host, and
 * storage) get the same scope, so N elements cost one request per resource.
 */
export interface PortalScope {
  readonly key: string;
  readonly api: PortalApiClient;
  readonly session: PortalSession;
  /** `GET organizations/{slug}`: id, portal settings and public products. Anonymous. */
  readonly organization: Resource<OrganizationData>;
  /** The signed-in user's resources; emptied whenever the user changes. */
  readonly resources: ResourceCache;
  /** Polar's customer event stream: what its background work finished (invoices, grants, claims). */
  readonly stream: CustomerStream;
  /** Connection settings: API host, organization, storage, and the latest `getToken`. */
  readonly config: PortalConfig;
  /** Step one of the email-code sign-in: Polar mails a code (`customerId` picks one of several accounts). */
  requestCode(email: string, customerId?: string): Promise<void>;
  /** Step two: trades the code for a session token and signs in; `source` receives `portal-login`. */
  authenticate(code: string, source?: EventTarget): Promise<SessionUser>;
}

/** Each scope with its latest configuration (configure() may replace getToken at run time). */
interface Entry {
  scope: PortalScope;
  holder: { config: PortalConfig };
}
const scopes = new Map<string, Entry>();

/** The scope for `config`, created on first use; `eventTarget` receives session events no element caused. */
export function scopeFor(config: PortalConfig, eventTarget: () => EventTarget = () => document): PortalScope {
  const key = `${config.api}|${config.organization ?? ''}|${config.storage}`;
  let entry = scopes.get(key);
  if (!entry) scopes.set(key, (entry = createScope(key, config, eventTarget)));
  const hadSource = !!entry.holder.config.getToken;
  entry.holder.config = config;
  // A token source configured after load signs the known user in right away.
  if (!hadSource && config.getToken && entry.scope.session.state.status === 'signed-out') void entry.scope.session.mint();
  return entry.scope;
}

function createScope(key: string, initial: PortalConfig, eventTarget: () => EventTarget): Entry {
  // Callbacks read the latest config; a session restored from storage asks for it while it
  // is still being constructed.
  const holder = { config: initial };
  const session = new PortalSession({
    key: `${initial.api}|${initial.organization ?? ''}`,
    storage: initial.storage,
    tokenSource: () => holder.config.getToken,
    emit: (type, detail, source) => {
      // A source that left the page cannot bubble to the document; the scope's target can.
      const target = source instanceof Node && source.isConnected ? source : eventTarget();
      target.dispatchEvent(new PortalEvent(type, detail));
    },
  });
  const api = new PortalApiClient({
    baseUrl: initial.api,
    getToken: () => session.currentToken(),
    getVersion: () => holder.config.apiVersion,
    onInvalidToken: (token) => void session.expire(token, 'rejected'),
  });
  session.attach(api);
  const organization = createResource(ORGANIZATION, (signal) => {
    const slug = holder.config.organization;
    if (!slug) return Promise.reject(missingOrganization());
    return api.get('/v1/customer-portal/organizations/{slug}', { path: { slug }, signal });
  });
  const resources = new ResourceCache();
  const stream = new CustomerStream(api, session);
  // Each event refreshes exactly what it changed, wherever it shows.
  stream.on(({ key, payload }) => {
    const stale = staleAfterEvent(key, payload);
    if (stale.length) void resources.invalidate(...stale);
  });
  let user: string | undefined;
  session.$state.subscribe((state) => {
    if (state.status === 'restoring') return;
    const next = state.status === 'signed-in' ? `${state.user?.type}:${state.user?.email}` : undefined;
    if (next !== user) resources.clear();
    user = next;
  });
  const scope: PortalScope = {
    key,
    api,
    session,
    organization,
    resources,
    stream,
    get config() {
      return holder.config;
    },
    async requestCode(email, customerId) {
      await organization.load();
      const { data, error } = organization.$state.get();
      if (!data) throw error ?? missingOrganization();
      await api.post('/v1/customer-portal/customer-session/request', {
        body: { email, organization_id: data.organization.id, customer_id: customerId ?? null },
      });
    },
    async authenticate(code, source) {
      const { token } = await api.post('/v1/customer-portal/customer-session/authenticate', { body: { code } });
      return session.adopt(token, 'code', source);
    },
  };
  return { scope, holder };
}

function missingOrganization() {
  return new PortalApiError({
    kind: 'config',
    code: 'missing_organization',
    message: 'No organization: set data-organization or configure({ organization }).',
  });
}

/** @internal Forgets every scope (tests start each case from a fresh page state). */
export function disposeScopes(): void {
  for (const { scope } of scopes.values()) {
    scope.session.dispose();
    scope.stream.dispose();
  }
  scopes.clear();
}
