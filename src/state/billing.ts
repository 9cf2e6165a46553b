import type { components } from '../api/schema.js';
import type { Resource } from './resource.js';
import type { PortalScope } from './scope.js';
import type { SessionState } from './session.js';

type Schemas = components['schemas'];
export type Customer = Schemas['CustomerPortalCustomer'];
export type CustomerUpdate = Schemas['CustomerPortalCustomerUpdate'];
export type PaymentMethodList = Schemas['ListResource_CustomerPaymentMethod_'];
export type PaymentMethod = PaymentMethodList['items'][number];
export type AddressInput = Schemas['AddressInput'];

/** Resource keys shared by `<portal-billing>` and `<portal-orders>` (paying with a saved card). */
export const CUSTOMER = 'customer';
export const PAYMENT_METHODS = 'payment-methods';

export const customerFetcher = (scope: PortalScope) => (signal: AbortSignal) =>
  scope.api.get('/v1/customer-portal/customers/me', { signal });
export const paymentMethodsFetcher = (scope: PortalScope) => (signal: AbortSignal) =>
  scope.api.get('/v1/customer-portal/customers/me/payment-methods', { query: { limit: 100 }, signal });

export const customerResource = (scope: PortalScope): Resource<Customer> => scope.resources.get(CUSTOMER, customerFetcher(scope));
export const paymentMethodsResource = (scope: PortalScope): Resource<PaymentMethodList> =>
  scope.resources.get(PAYMENT_METHODS, paymentMethodsFetcher(scope));

/** Billing features need a customer session, or a member who is owner or billing manager (polar-api.md §3.1). */
export const canManageBilling = (session: SessionState | undefined): boolean =>
  session?.user?.type === 'customer' || session?.user?.role === 'owner' || session?.user?.role === 'billing_manager';

/**
 * The site that serves Polar's payment-method embed for an API base: api.polar.sh is
 * polar.sh, sandbox-api.polar.sh is sandbox.polar.sh, anything else (the local Polar) serves
 * it from its own origin.
 */
export function embedOrigin(api: string): string {
  const url = new URL(api);
  if (/^(api|api-alt)\.polar\.sh$/.test(url.hostname)) return 'https://polar.sh';
  if (url.hostname === 'sandbox-api.polar.sh') return 'https://sandbox.polar.sh';
  return url.origin;
}
