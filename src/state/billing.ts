import type { components } from '../api/schema.js';
import { CUSTOMER, PAYMENT_METHODS, WALLETS } from './keys.js';
import type { Resource } from './resource.js';
import type { OrganizationData, PortalScope } from './scope.js';
import type { SessionState } from './session.js';

type Schemas = components['schemas'];
export type Customer = Schemas['CustomerPortalCustomer'];
export type CustomerUpdate = Schemas['CustomerPortalCustomerUpdate'];
export type PaymentMethodList = Schemas['ListResource_CustomerPaymentMethod_'];
export type PaymentMethod = PaymentMethodList['items'][number];
export type AddressInput = Schemas['AddressInput'];

/** Shared by `<portal-billing>` and `<portal-orders>` (paying with a saved card). */
export { CUSTOMER, PAYMENT_METHODS, WALLETS };
const ME = '/v1/customer-portal/customers/me' as const;

export const customerResource = (scope: PortalScope): Resource<Customer> =>
  scope.resources.get(CUSTOMER, (signal) => scope.api.get(ME, { signal }));

export const paymentMethodsResource = (scope: PortalScope): Resource<PaymentMethodList> =>
  scope.resources.get(PAYMENT_METHODS, (signal) => scope.api.get(`${ME}/payment-methods`, { query: { limit: 100 }, signal }));

/** Billing features need a customer session, or a member who is owner or billing manager (polar-api.md §3.1). */
export const canManageBilling = (session: SessionState | undefined): boolean =>
  session?.user?.type === 'customer' || session?.user?.role === 'owner' || session?.user?.role === 'billing_manager';

/** Saves billing details; the customer shows Polar's answer at once. */
export async function updateCustomer(scope: PortalScope, body: CustomerUpdate): Promise<Customer> {
  const customer = await scope.api.patch(ME, { body });
  scope.resources.update<Customer>(CUSTOMER, () => customer);
  return customer;
}

/** Makes a saved method the one Polar charges; the methods list refreshes its order and badges. */
export async function setDefaultPaymentMethod(scope: PortalScope, id: string): Promise<void> {
  await updateCustomer(scope, { default_payment_method_id: id });
  await scope.resources.invalidate(PAYMENT_METHODS);
}

/** Removes a saved method; Polar may pick another default, so the customer refreshes too. */
export async function deletePaymentMethod(scope: PortalScope, id: string): Promise<void> {
  await scope.api.delete(`${ME}/payment-methods/{id}`, { path: { id } });
  await scope.resources.invalidate(PAYMENT_METHODS, CUSTOMER);
}

/** Polar's embed saved a new method: it shows in every list (and may be the new default). */
export const paymentMethodAdded = (scope: PortalScope) => void scope.resources.invalidate(PAYMENT_METHODS, CUSTOMER);

/** Everything Polar holds about the customer, as JSON ("Download my data"). */
export const exportCustomerData = (scope: PortalScope) => scope.api.get(`${ME}/export`);

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

export type WalletList = Schemas['ListResource_CustomerWallet_'];
export type Wallet = WalletList['items'][number];

/** The customer's wallets: balance Polar applies to the next charges (billing roles only). */
export const walletsResource = (scope: PortalScope): Resource<WalletList> =>
  scope.resources.get(WALLETS, (signal) => scope.api.get('/v1/customer-portal/wallets/', { query: { limit: 10 }, signal }));

/** Whether the organization lets customers change their email (individual customers only; Polar refuses teams). */
export const canChangeEmail = (org: OrganizationData | undefined, customer: Customer | undefined): boolean =>
  !!org?.organization.customer_portal_settings.customer?.allow_email_change && customer?.type !== 'team';

/** Polar emails a link to the new address (to its hosted `/{org}/portal/verify-email?token=`). */
export const requestEmailChange = (scope: PortalScope, email: string): Promise<void> =>
  scope.api.post(`${ME}/email-update/request`, { body: { email } }) as Promise<void>;

/** The token of an email-change link: Polar's `polar_cev_` tokens only, so other `token` parameters are left alone. */
export const EMAIL_TOKEN = /^polar_cev_[A-Za-z0-9]{43}$/;

/**
 * Confirms an email change from its link's token (anonymous, like Polar's verify page): checks it,
 * verifies it, signs in with the session Polar returns, and refreshes everything that shows the
 * email. Resolves to the new address.
 */
export async function confirmEmailChange(scope: PortalScope, token: string): Promise<string> {
  await scope.api.get(`${ME}/email-update/check`, { query: { token } });
  const { token: session } = await scope.api.post(`${ME}/email-update/verify`, { body: { token } });
  await scope.session.adopt(session, 'token');
  scope.resources.invalidate(CUSTOMER);
  return scope.session.state.user?.email ?? '';
}
