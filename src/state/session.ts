import { atom, type ReadableAtom } from 'nanostores';
import type { PortalApiClient } from '../api/client.js';
import { PortalApiError } from '../api/errors.js';
import type { components } from '../api/schema.js';
import type { StorageKind, TokenSource } from '../config/config.js';
import type { PortalEventDetails, PortalUser } from '../events/portal-event.js';
import { storageAdapter, type SessionStorageAdapter } from './storage.js';

type AuthenticatedUser = components['schemas']['PortalAuthenticatedUser'];

export type SessionKind = PortalUser['type'];
export type SessionUser = PortalUser;
type SessionEvent = 'portal-login' | 'portal-logout' | 'portal-session-expired';
/** Hands a session event to the page; `source` is the element that caused it, if any. */
export type SessionEmitter = <K extends SessionEvent>(type: K, detail: PortalEventDetails[K], source?: EventTarget) => void;

export interface SessionState {
  /** `restoring`: a token is being checked; the UI should wait rather than offer sign-in. */
  status: 'signed-out' | 'restoring' | 'signed-in';
  kind?: SessionKind;
  /** ISO 8601, from `customer-session/introspect`. */
  expiresAt?: string;
  /** Where the merchant sends the customer back to (`return_url` of the session they minted), http(s) only. */
  returnUrl?: string;
  user?: SessionUser;
  /** Why the last session ended, while signed out: the user signed out, or Polar ended it. */
  ended?: 'user' | 'expired' | 'rejected' | 'other-tab';
}

interface Persisted {
  token: string;
  expiresAt: string;
  returnUrl?: string;
  user: SessionUser;
}

const TOKEN_PATTERN = /^polar_(cst|mst)_[A-Za-z0-9]{43}$/;
/** Re-mint through `getToken` this long before the hour is up, so no request meets an expired token. */
const REMINT_AHEAD_MS = 2 * 60_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface PortalSessionOptions {
  /** Distinguishes organizations and API hosts: a token is only valid for its own. */
  key: string;
  storage: StorageKind;
  /** The scope turns these into DOM events; the session itself knows no DOM. */
  emit: SessionEmitter;
  tokenSource: () => TokenSource | undefined;
}

/**
 * The sign-in state shared by every element of one organization on the page.
 * Holds the bearer token privately: the readable `$state` never contains it.
 */
export class PortalSession {
  readonly #writable = atom<SessionState>({ status: 'signed-out' });
  /** Read-only view for elements and the page. */
  readonly $state: ReadableAtom<SessionState> = this.#writable;

  #token: string | undefined;
  #api: PortalApiClient | undefined;
  readonly #storage: SessionStorageAdapter;
  readonly #channel: BroadcastChannel | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every change of token, so a slow check of an old token cannot overwrite a newer one. */
  #generation = 0;
  #validated = false;
  #minting: Promise<void> | undefined;
  #activation: Promise<void> | undefined;

  constructor(private readonly options: PortalSessionOptions) {
    this.#storage = storageAdapter(options.storage, `polar-portal:${options.key}`);
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`polar-portal:${options.key}`) : undefined;
    this.#channel?.addEventListener('message', (event: MessageEvent) => this.#handleBroadcast(event.data));
    this.#restore();
  }

  /** Stops timers and cross-tab messages; the scope is being thrown away. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#channel?.close();
  }

  /** Connects the API client used to check tokens (set once by the scope). */
  attach(api: PortalApiClient): void {
    this.#api = api;
  }

  /** The bearer token for the API client. Never exposed on the public API. */
  currentToken(): string | undefined {
    return this.#token;
  }

  get state(): SessionState {
    return this.#writable.get();
  }

  /**
   * Adopts a token (from the email code, `setToken()` or `getToken`): checks it with
   * introspect and user, then signs in. Rejects with a PortalApiError if Polar refuses it.
   */
  async adopt(token: string, method: 'code' | 'token', source?: EventTarget): Promise<SessionUser> {
    const trimmed = token.trim();
    if (!TOKEN_PATTERN.test(trimmed)) {
      throw new PortalApiError({
        kind: 'config',
        code: 'invalid_token_format',
        message: trimmed.startsWith('polar_oat_')
          ? 'Never put an organization access token in a web page: pass a customer session token.'
          : 'Not a customer or member session token (polar_cst_… or polar_mst_…).',
      });
    }
    const generation = ++this.#generation;
    this.#token = trimmed;
    // A silent re-mint keeps the signed-in view; only a new sign-in shows the check.
    if (this.state.status !== 'signed-in') this.#writable.set({ status: 'restoring' });
    try {
      const { expiresAt, user, returnUrl } = await this.#check();
      if (generation !== this.#generation) throw new PortalApiError({ kind: 'aborted', message: 'Replaced by a newer sign-in.' });
      this.#signIn(trimmed, expiresAt, user, returnUrl);
      this.#channel?.postMessage({ type: 'login' });
      this.options.emit('portal-login', { kind: user.type, user, method }, source);
      return user;
    } catch (error) {
      if (generation === this.#generation) this.#clear();
      throw error;
    }
  }

  /** Reads who is signed in again (their role changed, say): every element follows. */
  async refreshUser(): Promise<void> {
    const token = this.#token;
    if (!token) return;
    const { user } = await this.#check();
    if (token === this.#token) this.#writable.set({ ...this.state, user });
  }

  /** Signs out here and in every other tab. There is no server logout: the token is forgotten. */
  signOut(source?: EventTarget): void {
    if (this.state.status === 'signed-out' && !this.#token) return;
    this.#clear('user');
    this.#channel?.postMessage({ type: 'logout' });
    this.options.emit('portal-logout', { reason: 'user' }, source);
  }

  /**
   * Called when Polar rejects `token` (401 invalid_token) or its hour runs out.
   * Re-mints silently through `getToken` when the merchant configured it.
   */
  async expire(token: string | undefined, reason: 'expired' | 'rejected'): Promise<void> {
    if (!token || token !== this.#token) return;
    if (this.options.tokenSource()) {
      await this.mint();
      if (this.#token && this.#token !== token) return; // re-minted, or signed in anew meanwhile
    }
    this.#clear(reason);
    this.options.emit('portal-session-expired', { reason });
  }

  /** Mints a token through the merchant's `getToken`, when there is one; at most one call at a time. */
  mint(): Promise<void> {
    const source = this.options.tokenSource();
    if (!source) return Promise.resolve();
    this.#minting ??= (async () => {
      try {
        const token = await source();
        if (token) await this.adopt(token, 'token');
      } catch (error) {
        console.warn('[polar-portal] getToken() failed:', error instanceof Error ? error.message : error);
      } finally {
        this.#minting = undefined;
      }
    })();
    return this.#minting;
  }

  /**
   * Called when an element first shows this session: checks a remembered token, or asks the
   * merchant's `getToken` for one. Until then a page with no portal element sends nothing.
   */
  activate(): Promise<void> {
    // Once per page, unless it failed (a network error): then the next element tries again.
    this.#activation ??= this.#runActivation().then(
      (done) => void (done || (this.#activation = undefined)),
    );
    return this.#activation;
  }

  /** True when there is nothing left to do; false when the check should be tried again. */
  async #runActivation(): Promise<boolean> {
    if (!this.#token) {
      await this.mint();
      return true;
    }
    if (this.#validated) return true;
    const token = this.#token;
    try {
      const { user } = await this.#check();
      if (token === this.#token) this.#writable.set({ ...this.state, user });
      return true;
    } catch (error) {
      // A rejected token already ended the session through the client's 401 hook.
      return error instanceof PortalApiError && error.isInvalidToken;
    }
  }

  /** Asks Polar when the token expires and who it belongs to. */
  async #check(): Promise<{ expiresAt: string; user: SessionUser; returnUrl?: string }> {
    // The scope attaches the client right after construction, before any element can ask.
    const api = this.#api!;
    const [introspect, user] = await Promise.all([
      api.get('/v1/customer-portal/customer-session/introspect'),
      api.get('/v1/customer-portal/customer-session/user'),
    ]);
    this.#validated = true;
    const back = introspect.return_url;
    return { expiresAt: introspect.expires_at, user: toSessionUser(user), returnUrl: back && /^https?:\/\//i.test(back) ? back : undefined };
  }

  #signIn(token: string, expiresAt: string, user: SessionUser, returnUrl?: string): void {
    this.#token = token;
    this.#writable.set({ status: 'signed-in', kind: user.type, expiresAt, user, returnUrl });
    this.#storage.write(JSON.stringify({ token, expiresAt, user, returnUrl } satisfies Persisted));
    this.#schedule(expiresAt);
  }

  #restore(): void {
    const saved = parse(this.#storage.read());
    if (!saved || Date.parse(saved.expiresAt) <= Date.now() || !TOKEN_PATTERN.test(saved.token)) {
      this.#storage.clear();
      return;
    }
    this.#generation++;
    this.#validated = false;
    this.#token = saved.token;
    this.#writable.set({ status: 'signed-in', kind: saved.user.type, expiresAt: saved.expiresAt, user: saved.user, returnUrl: saved.returnUrl });
    this.#schedule(saved.expiresAt);
  }

  #clear(ended?: SessionState['ended']): void {
    this.#generation++;
    this.#token = undefined;
    this.#validated = false;
    clearTimeout(this.#timer);
    this.#storage.clear();
    this.#writable.set({ status: 'signed-out', ended });
  }

  #schedule(expiresAt: string): void {
    clearTimeout(this.#timer);
    const token = this.#token;
    const remaining = Date.parse(expiresAt) - Date.now();
    const remintable = !!this.options.tokenSource();
    // Re-mint a little ahead, but never sooner than halfway: a short-lived token must not loop.
    const ahead = remintable ? Math.max(remaining - REMINT_AHEAD_MS, remaining / 2) : remaining;
    const delay = Math.max(0, Math.min(MAX_TIMER_MS, ahead));
    this.#timer = setTimeout(() => {
      if (token !== this.#token) return;
      if (remintable && Date.parse(expiresAt) > Date.now()) void this.mint();
      else void this.expire(token, 'expired');
    }, delay);
  }

  /** Messages carry no token: with `local` storage a signed-in tab finds it in storage. */
  #handleBroadcast(message: { type?: string }): void {
    if (message?.type === 'login' && !this.#token) this.#restore();
    if (message?.type !== 'logout' || this.state.status === 'signed-out') return;
    this.#clear('other-tab');
    this.options.emit('portal-logout', { reason: 'other-tab' });
  }
}

function toSessionUser(user: AuthenticatedUser): SessionUser {
  const base: SessionUser = { type: user.type as SessionKind, name: user.name ?? null, email: user.email };
  if (user.type === 'member' && user.role) base.role = user.role as SessionUser['role'];
  return base;
}

function parse(raw: string | null): Persisted | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Persisted;
    return typeof value?.token === 'string' && typeof value.expiresAt === 'string' && value.user ? value : undefined;
  } catch {
    return undefined;
  }
}
