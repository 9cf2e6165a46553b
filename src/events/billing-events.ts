export type BillingEventName = 'portal-customer-updated' | 'portal-payment-method-added' | 'portal-payment-method-removed' | 'portal-payment-method-default';

export interface PortalBillingDetail {
  /** The payment method added, removed or made the default. */
  paymentMethodId?: string;
  /** For `portal-customer-updated`: the billing fields that were saved. */
  fields?: string[];
}

/**
 * Fired after a billing change succeeded: `portal-customer-updated` (billing details saved,
 * as Polar's `customer.updated`), `portal-payment-method-added` (from Polar's payment-method
 * embed), `portal-payment-method-removed`, `portal-payment-method-default`. Never carries the
 * session token or card data.
 */
export class PortalBillingEvent extends Event {
  readonly detail: PortalBillingDetail;
  constructor(type: BillingEventName, detail: PortalBillingDetail) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap extends Record<BillingEventName, PortalBillingEvent> {}
}
