import { PortalApiClient } from '../api/client.js';
import { PortalApiError } from '../api/errors.js';
import type { components } from '../api/schema.js';
import type { PortalConfig } from '../config/config.js';
import { createResource, ResourceCache, type Resource } from './resource.js';
import { PortalSession } from './session.js';

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
  /** `GET organizations/{slug}`: id, portal settings and public products. */
  readonly organization: Resource<OrganizationData>;
  /** The signed-in user's resources; emptied whenever the user changes. */
  readonly resources: ResourceCache;
  /** The latest configuration of this scope (theme, locale, getToken may change). */
  config: PortalConfig;
}

const scopes = new Map<string, PortalScope>();

/** The scope for `config`, created on first use; `eventTarget` receives session events. */
export function scopeFor(config: PortalConfig, eventTarget: () => EventTarget = () => document): PortalScope {
  const key = `${config.api}|${config.organization ?? ''}|${config.storage}`;
  let scope = scopes.get(key);
  if (!scope) {
    scope = createScope(key, config, eventTarget);
    scopes.set(key, scope);
  } else {
    const hadSource = !!scope.config.getToken;
    scope.config = config;
    // A token source configured after load signs the known user in right away.
    if (!hadSource && config.getToken && scope.session.state.status === 'signed-out') void scope.session.mint();
  }
  return scope;
}

function createScope(key: string, initial: PortalConfig, eventTarget: () => EventTarget): PortalScope {
  // Callbacks read the scope's latest config, which configure() may replace; a session
  // restored from storage asks for it while it is still being constructed.
  const holder = { config: initial };
  const session = new PortalSession({
    key: `${initial.api}|${initial.organization ?? ''}`,
    storage: initial.storage,
    eventTarget,
    tokenSource: () => holder.config.getToken,
  });
  const api = new PortalApiClient({
    baseUrl: initial.api,
    getToken: () => session.currentToken(),
    onInvalidToken: (token) => void session.expire(token, 'rejected'),
  });
  session.attach(api);
  const organization = createResource('organization', (signal) => {
    const slug = holder.config.organization;
    if (!slug) return Promise.reject(missingOrganization());
    return api.get('/v1/customer-portal/organizations/{slug}', { path: { slug }, signal });
  });
  const resources = new ResourceCache();
  let user: string | undefined;
  session.$state.subscribe((state) => {
    if (state.status === 'restoring') return;
    const next = state.status === 'signed-in' ? `${state.user?.type}:${state.user?.email}` : undefined;
    if (next !== user) resources.clear();
    user = next;
  });
  return {
    key,
    api,
    session,
    organization,
    resources,
    get config() {
      return holder.config;
    },
    set config(config: PortalConfig) {
      holder.config = config;
    },
  };
}

function missingOrganization() {
  return new PortalApiError({
    kind: 'http',
    code: 'missing_organization',
    message: 'No organization: set data-organization or configure({ organization }).',
  });
}

/** @internal Forgets every scope (tests start each case from a fresh page state). */
export function disposeScopes(): void {
  for (const scope of scopes.values()) scope.session.dispose();
  scopes.clear();
}
