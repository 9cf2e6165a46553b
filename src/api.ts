import { configure } from './config/global-config.js';
import type { PortalConfigInput } from './config/config.js';
import { documentContextValue } from './context/document-provider.js';
import { registerTranslation } from './i18n/localize.js';
import { PORTAL_VERSION } from './internal/version.js';
import type { SessionState, SessionUser } from './state/session.js';

/** The page's session (the script tag's organization), without the token. */
const session = {
  /** Signs in with a customer or member session token minted by your backend; no email code. */
  setToken(token: string): Promise<SessionUser> {
    return documentContextValue().scope.session.adopt(token, 'token');
  },
  /** Forgets the token in this tab and every other tab. */
  signOut(): void {
    documentContextValue().scope.session.signOut();
  },
  /** The current state: status, kind, expiry and user. */
  get state(): SessionState {
    return documentContextValue().scope.session.state;
  },
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void {
    return documentContextValue().scope.session.$state.subscribe(listener);
  },
};

/** `window.PolarPortal`: the page's handle on the kit. */
export const PolarPortal = {
  /** Which build is loaded. */
  version: PORTAL_VERSION,
  /** Overrides any configuration at run time: `PolarPortal.configure({ organization: 'acme' })`. */
  configure: (input: PortalConfigInput) => configure(input),
  session,
  registerTranslation,
};

export type PolarPortalApi = typeof PolarPortal;
