import type { SubAction } from '../i18n/translation.js';
import type { OrganizationData } from '../state/scope.js';
import type { CancelPreview, CancellationReason, ChargePreview, Subscription } from '../state/subscriptions.js';

/** What the customer chose in the open dialog; kept across failures and a new sign-in. */
export interface Draft {
  kind: 'cancel' | 'plan' | 'seats' | 'pause';
  id: string;
  reason?: CancellationReason | null;
  comment?: string;
  productId?: string;
  seats?: number;
  consent?: boolean;
  resumesAt?: string;
  /** The change-preview for `previewOf`, or the cancel-preview of a past-due subscription. */
  preview?: ChargePreview;
  previewOf?: string;
  cancelPreview?: CancelPreview;
  /** Seats in use: the stepper's floor. */
  floor?: number;
  pending?: boolean;
  error?: string;
  /** The session ended mid-dialog: closed until the user signs in again. */
  suspended?: boolean;
}

/** The choice a change-preview answers: the plan or the seat count. */
export const previewKey = (draft: Draft): string => String(draft.kind === 'plan' ? draft.productId : draft.seats);

/** The change-preview of the current choice, once Polar answered it. */
export const currentPreview = (draft: Draft): ChargePreview | undefined =>
  draft.previewOf === previewKey(draft) ? draft.preview : undefined;

/** Whether confirming charges now: Polar invoices immediately under `invoice`/`reset`, except a seat decrease (scheduled). */
export function chargesNow(draft: Draft, sub: Subscription, org: OrganizationData | undefined): boolean {
  const behavior = org?.organization.proration_behavior;
  return (behavior === 'invoice' || behavior === 'reset') && !(draft.kind === 'seats' && (draft.seats ?? 0) < (sub.seats ?? 0));
}

/** What the confirm button does for this draft. */
export const confirmAction = (draft: Draft): SubAction =>
  draft.kind === 'cancel' && draft.cancelPreview?.stops_collection ? 'revoke' : draft.kind;

/** True when the confirm button may be pressed: a plan or seat change needs its quote, and consent to a charge now. */
export function ready(draft: Draft, sub: Subscription, org: OrganizationData | undefined): boolean {
  if (draft.kind !== 'plan' && draft.kind !== 'seats') return true;
  const preview = currentPreview(draft);
  return (
    !!preview &&
    !(draft.kind === 'seats' && draft.seats === sub.seats) &&
    !(chargesNow(draft, sub, org) && preview.due_amount > 0 && !draft.consent)
  );
}
