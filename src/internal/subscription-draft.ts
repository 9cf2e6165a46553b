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
  /** The seat field as typed, which may not be a count yet ("", "2" on the way to "24"). */
  seatsText?: string;
  consent?: boolean;
  resumesAt?: string;
  /** The change-preview for `previewOf`, or the cancel-preview of a past-due subscription. */
  preview?: ChargePreview;
  previewOf?: string;
  cancelPreview?: CancelPreview;
  /** The lowest seat count: the seats in use, or the plan's minimum (`byPlan`). */
  floor?: number;
  byPlan?: boolean;
  pending?: boolean;
  /** Confirm was pressed before the quote came: confirm once it does, if nothing else is asked. */
  confirmWhenQuoted?: boolean;
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

/** The first day after the current period: the earliest a pause can end (Polar refuses earlier). */
export const earliestResume = (sub: Subscription): string =>
  new Date(Date.parse(sub.current_period_end) + 86_400_000).toISOString().slice(0, 10);

/** Whether the typed seat count can be asked for: a whole number at least the floor. */
export const seatsValid = (draft: Draft): boolean => Number.isInteger(draft.seats) && draft.seats! >= (draft.floor ?? 1);

/** What the confirm button does for this draft. */
export const confirmAction = (draft: Draft): SubAction =>
  draft.kind === 'cancel' && draft.cancelPreview?.stops_collection ? 'revoke' : draft.kind;

/**
 * What stops the confirm button, besides a quote on its way: nothing chosen yet, an invalid
 * seat count or date, or consent to a charge now not given. False when nothing does.
 */
export function blocked(draft: Draft, sub: Subscription, org: OrganizationData | undefined): boolean {
  if (draft.kind === 'pause') return !!draft.resumesAt && draft.resumesAt < earliestResume(sub);
  if (draft.kind === 'cancel') return false;
  if (draft.kind === 'plan' ? !draft.productId : !seatsValid(draft) || draft.seats === sub.seats) return true;
  const preview = currentPreview(draft);
  return !!preview && chargesNow(draft, sub, org) && preview.due_amount > 0 && !draft.consent;
}

/** True when confirming sends the change now: nothing blocks it and its quote (if any) is here. */
export const ready = (draft: Draft, sub: Subscription, org: OrganizationData | undefined): boolean =>
  !blocked(draft, sub, org) && (draft.kind === 'cancel' || draft.kind === 'pause' || !!currentPreview(draft));
