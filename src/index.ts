// Side-effect entry: bootstrap first (script-tag settings, page-wide provider, the global),
// then every element registers itself.
import './bootstrap.js';
import './elements/portal-provider/portal-provider.js';
import './elements/portal-login/portal-login.js';

export { PolarPortal } from './api.js';
export { PortalApiClient, POLAR_API_VERSION } from './api/client.js';
export { PortalApiError } from './api/errors.js';
export type { PortalConfigInput, Theme, StorageKind } from './config/config.js';
export type { SessionState, SessionUser } from './state/session.js';
export * from './events/session-events.js';
export { PortalProvider } from './elements/portal-provider/portal-provider.js';
export { PortalLogin } from './elements/portal-login/portal-login.js';
export type { Translation } from './i18n/translation.js';
