export type OrderEventName = 'portal-order-updated' | 'portal-order-paid' | 'portal-invoice-ready';

export interface PortalOrderDetail {
  orderId: string;
  /** What changed: `billing` (invoice details), `invoice` (generated), `paid` (a retried payment went through). */
  change: 'billing' | 'invoice' | 'paid';
  /** The order's invoice number, when it has one. */
  invoiceNumber?: string;
}

/**
 * Fired after an order changed: `portal-order-updated` for every change (as Polar's
 * `order.updated` webhook), `portal-order-paid` when a payment retry succeeded (`order.paid`),
 * `portal-invoice-ready` when a generated invoice can be downloaded. No URLs in the detail:
 * download links are short-lived and stay inside the element.
 */
export class PortalOrderEvent extends Event {
  readonly detail: PortalOrderDetail;
  constructor(type: OrderEventName, detail: PortalOrderDetail) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap extends Record<OrderEventName, PortalOrderEvent> {}
}
