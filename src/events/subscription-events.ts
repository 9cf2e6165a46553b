import type { CancellationReason } from '../state/subscriptions.js';

export type SubscriptionEventName =
  | 'portal-subscription-updated'
  | 'portal-subscription-canceled'
  | 'portal-subscription-uncanceled'
  | 'portal-subscription-paused'
  | 'portal-subscription-resumed'
  | 'portal-subscription-plan-changed'
  | 'portal-subscription-seats-changed';

export interface PortalSubscriptionDetail {
  subscriptionId: string;
  /** The fields that changed, with their new values (status, cancel_at_period_end, ends_at, product_id, seats, ...). */
  changes: Record<string, unknown>;
}

/**
 * Fired after a change to a subscription succeeded: `portal-subscription-updated` for every
 * change, then the specific one (`-canceled`, `-uncanceled`, `-paused`, `-resumed`,
 * `-plan-changed`, `-seats-changed`), as Polar's webhooks do.
 */
export class PortalSubscriptionEvent extends Event {
  readonly detail: PortalSubscriptionDetail;
  constructor(type: SubscriptionEventName, detail: PortalSubscriptionDetail) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
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

/**
 * Fired before a cancellation is sent. Call `preventDefault()` to stop it and run your own
 * flow (a retention offer, say); continue it later with `event.detail.proceed()`.
 * @event portal-before-cancel
 */
export class PortalBeforeCancelEvent extends Event {
  readonly detail: PortalBeforeCancelDetail;
  constructor(detail: PortalBeforeCancelDetail) {
    super('portal-before-cancel', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap extends Record<SubscriptionEventName, PortalSubscriptionEvent> {
    'portal-before-cancel': PortalBeforeCancelEvent;
  }
}
