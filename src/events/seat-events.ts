/** What a seat event tells the page: never a token. */
export interface PortalSeatDetail {
  seatId: string;
  email: string;
  /** The purchase the seat belongs to. */
  subscriptionId: string | null;
  orderId: string | null;
  status: 'pending' | 'claimed' | 'revoked';
}

abstract class SeatEvent extends Event {
  readonly detail: PortalSeatDetail;
  constructor(type: string, detail: PortalSeatDetail) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * A seat was assigned (an invitation was sent); mirrors the `customer_seat.assigned` webhook.
 * @event portal-seat-assigned
 */
export class PortalSeatAssignedEvent extends SeatEvent {
  constructor(detail: PortalSeatDetail) {
    super('portal-seat-assigned', detail);
  }
}

/**
 * A seat was revoked; mirrors `customer_seat.revoked`.
 * @event portal-seat-revoked
 */
export class PortalSeatRevokedEvent extends SeatEvent {
  constructor(detail: PortalSeatDetail) {
    super('portal-seat-revoked', detail);
  }
}

/**
 * An invitation was sent again.
 * @event portal-seat-resent
 */
export class PortalSeatResentEvent extends SeatEvent {
  constructor(detail: PortalSeatDetail) {
    super('portal-seat-resent', detail);
  }
}

export interface PortalBeforeRevokeSeatDetail extends PortalSeatDetail {
  /** After `preventDefault()`, continues to the element's confirmation dialog. */
  proceed: () => void;
}

/**
 * Fired before the revoke confirmation opens. `preventDefault()` stops it so the page can run
 * its own flow; `event.detail.proceed()` then opens the element's confirmation.
 * @event portal-before-revoke-seat
 */
export class PortalBeforeRevokeSeatEvent extends Event {
  readonly detail: PortalBeforeRevokeSeatDetail;
  constructor(detail: PortalBeforeRevokeSeatDetail) {
    super('portal-before-revoke-seat', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-seat-assigned': PortalSeatAssignedEvent;
    'portal-seat-revoked': PortalSeatRevokedEvent;
    'portal-seat-resent': PortalSeatResentEvent;
    'portal-before-revoke-seat': PortalBeforeRevokeSeatEvent;
  }
}
