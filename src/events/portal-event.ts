// Every portal-* event: one class, one map from name to detail. Elements emit through
// `PortalElement.emit()`, the session through the callback its scope wires to the page.
// This module imports only generated API types, so no layer above it is imported back.
import type { components } from '../api/schema.js';

type Schemas = components['schemas'];
type MemberRole = Schemas['MemberRole'];
type CancellationReason = Schemas['CustomerCancellationReason'];

/** Who is signed in, as `customer-session/user` describes them. Never the token. */
export interface PortalUser {
  type: 'customer' | 'member';
  name: string | null;
  email: string;
  /** Team members only. */
  role?: MemberRole;
}

export interface PortalLoginDetail {
  kind: 'customer' | 'member';
  user: PortalUser;
  /** `code` after the email code; `token` after `setToken()` or the merchant's `getToken`. */
  method: 'code' | 'token';
}

export interface PortalSubscriptionDetail {
  subscriptionId: string;
  /** The fields that changed, with their new values (status, cancel_at_period_end, ends_at, product_id, seats, ...). */
  changes: Record<string, unknown>;
}

export interface PortalBeforeCancelDetail {
  subscriptionId: string;
  reason: CancellationReason | null;
  comment: string | null;
  /** True when the cancel ends the subscription now (past due, no grace period). */
  immediate: boolean;
  /**
   * Runs the cancellation the element would have run, after `preventDefault()`: call it when
   * the customer declines your retention offer. Resolves once Polar confirmed it; rejects with
   * the PortalApiError otherwise (the element shows the message too).
   */
  proceed: () => Promise<void>;
}

export interface PortalSeatDetail {
  seatId: string;
  email: string;
  /** The purchase the seat belongs to. */
  subscriptionId: string | null;
  orderId: string | null;
  status: 'pending' | 'claimed' | 'revoked';
}

export interface PortalMemberDetail {
  /** The member as Polar returned it (id, email, name, role); for removal, as it was. */
  member: Schemas['CustomerPortalMember'];
}

export interface PortalOrderDetail {
  orderId: string;
  /** What changed: `billing` (invoice details), `invoice` (generated), `paid` (a retried payment went through). */
  change: 'billing' | 'invoice' | 'paid';
  /** The order's invoice number, when it has one. No URLs: download links are short-lived. */
  invoiceNumber?: string;
}

export interface PortalPaymentMethodDetail {
  paymentMethodId: string;
}

export interface PortalGrantDetail {
  grantId: string;
  benefitId: string;
  /** The benefit's type (`github_repository`, `discord`, `slack_shared_channel`, ...). */
  benefitType: string;
}

export interface PortalLicenseKeyDetail {
  licenseKeyId: string;
  /** The freed activation, for a deactivation. Never the key itself. */
  activationId?: string;
}

/** Every portal-* event and its detail. Outcome events mirror Polar's webhook names. */
export interface PortalEventDetails {
  /** A user signed in. */
  'portal-login': PortalLoginDetail;
  /** The user signed out here (`user`) or in another tab (`other-tab`). */
  'portal-logout': { reason: 'user' | 'other-tab' };
  /** The session ended by itself: its hour ran out (`expired`) or Polar refused the token (`rejected`). */
  'portal-session-expired': { reason: 'expired' | 'rejected' };

  'portal-subscription-updated': PortalSubscriptionDetail;
  'portal-subscription-canceled': PortalSubscriptionDetail;
  'portal-subscription-uncanceled': PortalSubscriptionDetail;
  'portal-subscription-paused': PortalSubscriptionDetail;
  'portal-subscription-resumed': PortalSubscriptionDetail;
  'portal-subscription-plan-changed': PortalSubscriptionDetail;
  'portal-subscription-seats-changed': PortalSubscriptionDetail;
  'portal-before-cancel': PortalBeforeCancelDetail;

  'portal-seat-assigned': PortalSeatDetail;
  'portal-seat-revoked': PortalSeatDetail;
  'portal-seat-resent': PortalSeatDetail;
  /** After `preventDefault()`, `proceed()` opens the element's confirmation. */
  'portal-before-revoke-seat': PortalSeatDetail & { proceed: () => void };

  'portal-member-added': PortalMemberDetail;
  'portal-member-updated': PortalMemberDetail;
  'portal-member-removed': PortalMemberDetail;

  'portal-order-updated': PortalOrderDetail;
  'portal-order-paid': PortalOrderDetail;
  'portal-invoice-ready': PortalOrderDetail;

  'portal-customer-updated': { fields: string[] };
  'portal-payment-method-added': PortalPaymentMethodDetail;
  /** The same moment as `-added`, under Polar's webhook wording (created). */
  'portal-payment-method-created': PortalPaymentMethodDetail;
  'portal-payment-method-removed': PortalPaymentMethodDetail;
  /** The same moment as `-removed`, under Polar's webhook wording (deleted). */
  'portal-payment-method-deleted': PortalPaymentMethodDetail;
  'portal-payment-method-default': PortalPaymentMethodDetail;

  /** A grant was acted on: an invite asked for (GitHub, Discord, Slack), or started over. */
  'portal-benefit-grant-updated': PortalGrantDetail;
  'portal-license-key-rotated': PortalLicenseKeyDetail;
  'portal-license-key-deactivated': PortalLicenseKeyDetail;
  /** After `preventDefault()`, `proceed()` opens the element's confirmation. */
  'portal-before-license-key-rotate': PortalLicenseKeyDetail & { proceed: () => void };
  'portal-before-license-key-deactivate': PortalLicenseKeyDetail & { proceed: () => void };

  /** An invitation was claimed and the invitee is signed in (detail: seatId, productId). */
  'portal-seat-claimed': { seatId: string; productId: string };
}

export type PortalEventName = keyof PortalEventDetails;

/**
 * A portal-* event: bubbles and crosses shadow roots, so the page can listen on `document`.
 * `portal-before-*` events are cancelable; the element checks `defaultPrevented` before acting.
 * Details never carry a token, a card number or a download URL.
 */
export class PortalEvent<K extends PortalEventName = PortalEventName> extends Event {
  declare readonly type: K;
  readonly detail: PortalEventDetails[K];
  constructor(type: K, detail: PortalEventDetails[K]) {
    super(type, { bubbles: true, composed: true, cancelable: type.startsWith('portal-before-') });
    this.detail = detail;
  }
}

type PortalEventHandlers = { [K in PortalEventName]: PortalEvent<K> };

declare global {
  interface GlobalEventHandlersEventMap extends PortalEventHandlers {}
}
