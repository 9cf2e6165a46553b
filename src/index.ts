// Side-effect entry: bootstrap first (script-tag settings, page-wide provider, the global),
// then every element registers itself.
import './bootstrap.js';
import './elements/portal-provider/portal-provider.js';
import './elements/portal-login/portal-login.js';
import './elements/portal-seats/portal-seats.js';
import './elements/portal-team/portal-team.js';
import './elements/portal-subscriptions/portal-subscriptions.js';
import './elements/portal-orders/portal-orders.js';
import './elements/portal-billing/portal-billing.js';
import './elements/portal-benefits/portal-benefits.js';
import './elements/portal-claim/portal-claim.js';
import './elements/portal-usage/portal-usage.js';
import './elements/portal-app/portal-app.js';

export { PolarPortal } from './api.js';
export { PortalApiClient, POLAR_API_VERSION } from './api/client.js';
export { PortalApiError } from './api/errors.js';
export type { PortalConfigInput, Theme, StorageKind } from './config/config.js';
export type { SessionState, SessionUser } from './state/session.js';
export * from './events/portal-event.js';
export { PortalProvider } from './elements/portal-provider/portal-provider.js';
export { PortalLogin } from './elements/portal-login/portal-login.js';
export { PortalSubscriptions } from './elements/portal-subscriptions/portal-subscriptions.js';
export { PortalSeats } from './elements/portal-seats/portal-seats.js';
export { PortalTeam } from './elements/portal-team/portal-team.js';
export { PortalOrders } from './elements/portal-orders/portal-orders.js';
export { PortalBilling } from './elements/portal-billing/portal-billing.js';
export { PortalBenefits } from './elements/portal-benefits/portal-benefits.js';
export { PortalClaim } from './elements/portal-claim/portal-claim.js';
export { PortalUsage } from './elements/portal-usage/portal-usage.js';
export { PortalApp } from './elements/portal-app/portal-app.js';
export type { Translation } from './i18n/translation.js';
