import type { SessionUser } from '../state/session.js';

/** Public view of who signed in: never the token. */
export interface PortalLoginDetail {
  kind: 'customer' | 'member';
  user: SessionUser;
  /** `code` after the email code; `token` after `setToken()` or the merchant's `getToken`. */
  method: 'code' | 'token';
}

/**
 * Fired when a user signs in.
 * @event portal-login
 */
export class PortalLoginEvent extends Event {
  readonly detail: PortalLoginDetail;
  constructor(detail: PortalLoginDetail) {
    super('portal-login', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

export interface PortalLogoutDetail {
  /** `user`: signed out here; `other-tab`: signed out in another tab. */
  reason: 'user' | 'other-tab';
}

/**
 * Fired when the user signs out, here or in another tab.
 * @event portal-logout
 */
export class PortalLogoutEvent extends Event {
  readonly detail: PortalLogoutDetail;
  constructor(detail: PortalLogoutDetail) {
    super('portal-logout', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

export interface PortalSessionExpiredDetail {
  /** `expired`: its hour ran out; `rejected`: Polar refused the token (401 invalid_token). */
  reason: 'expired' | 'rejected';
}

/**
 * Fired when the session ends without the user signing out.
 * @event portal-session-expired
 */
export class PortalSessionExpiredEvent extends Event {
  readonly detail: PortalSessionExpiredDetail;
  constructor(detail: PortalSessionExpiredDetail) {
    super('portal-session-expired', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-login': PortalLoginEvent;
    'portal-logout': PortalLogoutEvent;
    'portal-session-expired': PortalSessionExpiredEvent;
  }
}
