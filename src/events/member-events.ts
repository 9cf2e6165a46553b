import type { Member } from '../state/members.js';

export interface PortalMemberDetail {
  /** The member as Polar returned it (id, email, name, role); for removal, as it was. */
  member: Member;
}

abstract class MemberEvent extends Event {
  readonly detail: PortalMemberDetail;
  constructor(type: string, detail: PortalMemberDetail) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * Someone joined the team; mirrors the `member.created` webhook.
 * @event portal-member-added
 */
export class PortalMemberAddedEvent extends MemberEvent {
  constructor(detail: PortalMemberDetail) {
    super('portal-member-added', detail);
  }
}

/**
 * A member's role changed; mirrors `member.updated`.
 * @event portal-member-updated
 */
export class PortalMemberUpdatedEvent extends MemberEvent {
  constructor(detail: PortalMemberDetail) {
    super('portal-member-updated', detail);
  }
}

/**
 * A member was removed from the team; mirrors `member.deleted`.
 * @event portal-member-removed
 */
export class PortalMemberRemovedEvent extends MemberEvent {
  constructor(detail: PortalMemberDetail) {
    super('portal-member-removed', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-member-added': PortalMemberAddedEvent;
    'portal-member-updated': PortalMemberUpdatedEvent;
    'portal-member-removed': PortalMemberRemovedEvent;
  }
}
