import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PortalApiError } from '../../api/errors.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { PortalBeforeCancelEvent, PortalSubscriptionEvent, type SubscriptionEventName } from '../../events/subscription-events.js';
import type { SubAction, SubDateKind, Translation } from '../../i18n/translation.js';
import { definePortalElement } from '../../internal/define.js';
import { errorMessage } from '../../internal/error-message.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { canManageBilling } from '../../state/billing.js';
import type { ResourceState } from '../../state/resource.js';
import type { OrganizationData } from '../../state/scope.js';
import {
  actionsFor, cancelPreview, changeSeats, chargePreviewFetcher, chargePreviewKey, eligiblePlans, hasUpcomingCharge, isEnded,
  listPrice, previewChange, REASONS, revokeSubscription, seatsKey, seatsResource, subscriptionsFetcher, SUBSCRIPTIONS,
  updateSubscription,
  type ChargePreview, type Product, type Subscription, type SubscriptionActions, type SubscriptionList, type SubscriptionUpdate,
} from '../../state/subscriptions.js';
import { hostStyles } from '../../styles/host.styles.js';
import { chargesNow, confirmAction, currentPreview, previewKey, ready, type Draft } from './dialogs.js';
import { subscriptionsStyles } from './portal-subscriptions.styles.js';

const ORDER = ['active', 'trialing', 'past_due', 'paused'];
const rank = (s: Subscription) => (s.cancel_at_period_end ? 0.5 : 0) + (ORDER.indexOf(s.status) + 1 || 9);
/** Fields whose change an event reports. */
const WATCHED = ['status', 'cancel_at_period_end', 'ends_at', 'ended_at', 'pause_at_period_end', 'resumes_at', 'product_id', 'seats', 'amount', 'pending_update', 'customer_cancellation_reason'] as const;
const EVENT: Partial<Record<SubAction, string>> = {
  cancel: 'canceled', revoke: 'canceled', uncancel: 'uncanceled', pause: 'paused', resume: 'resumed', plan: 'plan-changed', seats: 'seats-changed',
};
/** Resources a change of plan or a resume makes stale: a new order, other benefits. */
const BILLED = ['orders', 'benefit-grants'];
/** Buttons that apply at once: the PATCH body and what else it makes stale. */
const DIRECT: [action: 'uncancel' | 'resume' | 'cancelPause', body: SubscriptionUpdate, stale?: string[]][] = [
  ['uncancel', { cancel_at_period_end: false }],
  ['resume', { resume: true }, BILLED],
  ['cancelPause', { pause_at_period_end: false }],
];
/** Buttons that open a dialog, after the `actionsFor` flag that allows each. */
const DIALOGS: [flag: keyof SubscriptionActions, kind: Draft['kind']][] = [
  ['changePlan', 'plan'], ['changeSeats', 'seats'], ['pause', 'pause'], ['cancel', 'cancel'],
];
type Interval = Pick<Product, 'recurring_interval' | 'recurring_interval_count'>;
type ChargeLine = Parameters<Translation['chargeLine']>[0];
const spinner = html`<span class="spinner" aria-hidden="true"></span>`;
const value = (e: Event) => (e.target as HTMLInputElement).value;
let instances = 0;

/**
 * @summary The customer's subscriptions with complete self-service: prices, dates, next
 * charge and benefits; cancel and undo, change plan or seats with exact amounts before
 * confirming, pause and resume.
 * @tag portal-subscriptions
 * @status experimental
 * @since 0.1
 *
 * Actions appear only where the organization's portal settings and the user's role allow
 * them; a team `member` sees everything read-only.
 *
 * @slot empty - Shown when the customer has no subscriptions.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading.
 * @csspart body - The list, once loaded (aria-busy while it refreshes).
 * @csspart list - A list of subscriptions (current, and ended in a collapsed section).
 * @csspart item - One subscription.
 * @csspart status - A subscription's status badge, and its confirmation messages.
 * @csspart pending - A scheduled change.
 * @csspart actions - A subscription's buttons.
 * @csspart detail - The opened subscription: amounts, next charge and benefits.
 * @csspart quote - Amounts of a plan or seat change before confirming.
 * @csspart warning - The past-due cancel warning.
 * @csspart dialog - The native dialog of an action.
 * @csspart spinner - Loading indicator.
 * @csspart error - Error messages.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=#1b1d22] - Body text.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints, dates and struck-through prices.
 * @cssproperty [--portal-color-surface=#ffffff] - Cards, dialogs and inputs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Card, dialog and input borders.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons and links.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors, past-due status, warnings.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 * @cssproperty [--portal-subscriptions-gap=var(--portal-space-m)] - Space between subscriptions.
 *
 * @cssstate loading - The list is loading for the first time.
 * @cssstate error - The list failed to load.
 * @cssstate empty - There are no subscriptions.
 * @cssstate ready - The list is shown.
 *
 * @event {PortalBeforeCancelEvent} portal-before-cancel - Before a cancel is sent; cancelable. After `preventDefault()`, continue with `event.detail.proceed()`.
 * @event {PortalSubscriptionEvent} portal-subscription-updated - Any change succeeded (detail: subscriptionId, changes).
 * @event {PortalSubscriptionEvent} portal-subscription-canceled - Canceled at period end, or ended now when past due.
 * @event {PortalSubscriptionEvent} portal-subscription-uncanceled - A cancellation was undone.
 * @event {PortalSubscriptionEvent} portal-subscription-paused - A pause was scheduled.
 * @event {PortalSubscriptionEvent} portal-subscription-resumed - A paused subscription was resumed.
 * @event {PortalSubscriptionEvent} portal-subscription-plan-changed - The plan changed or a change was scheduled.
 * @event {PortalSubscriptionEvent} portal-subscription-seats-changed - The seat count changed or a change was scheduled.
 */
export class PortalSubscriptions extends PortalElement {
  static override styles = [hostStyles, subscriptionsStyles];

  private readonly list = new ResourceController<SubscriptionList>(this);
  private readonly charge = new ResourceController<ChargePreview>(this);
  private readonly org = new StoreController<ResourceState<OrganizationData>>(this);

  /** Shows only this subscription, opened. */
  @property({ attribute: 'subscription-id' }) subscriptionId?: string;
  /** Shows everything without any action, whatever the user may do. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The opened subscription. */
  @state() private openId?: string;
  @state() private draft?: Draft;
  /** The last outcome, shown at the subscription it concerns. */
  @state() private notice?: { id: string; text: string; error?: boolean };

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly uid = `portal-subs-${++instances}`;
  private busy = false;
  private opener?: HTMLElement;
  private previewTimer?: ReturnType<typeof setTimeout>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const scope = this.portal?.scope;
    const signedIn = this.session.value?.status === 'signed-in' ? scope : undefined;
    this.org.setStore(scope?.organization.$state);
    if (signedIn) void signedIn.organization.load();
    if (changed.has('subscriptionId') && this.subscriptionId) this.openId = this.subscriptionId;
    if (scope) {
      this.list.use(scope.resources, signedIn && SUBSCRIPTIONS, subscriptionsFetcher(scope));
      const open = this.find(this.openId);
      const key = signedIn && open && hasUpcomingCharge(open) ? chargePreviewKey(open.id) : undefined;
      this.charge.use(scope.resources, key, chargePreviewFetcher(scope, open?.id ?? ''));
    }
    // Back after a new sign-in: the dialog reopens with what the customer chose.
    if (this.draft?.suspended && signedIn && this.find(this.draft.id)) this.draft = { ...this.draft, suspended: false, error: undefined };
    const list = this.list.value;
    this.setState('loading', !!signedIn && !list?.data && !list?.error);
    this.setState('error', !list?.data && !!list?.error);
    this.setState('empty', !!list?.data && !this.visible().length);
    this.setState('ready', !!list?.data);
  }

  protected override updated(): void {
    const dialog = this.dialog;
    const show = !!this.draft && !this.draft.suspended && this.session.value?.status === 'signed-in';
    if (!dialog || show === dialog.open) return;
    if (show) dialog.showModal();
    else dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.previewTimer);
  }

  private find(id: string | undefined): Subscription | undefined {
    return id ? this.list.value?.data?.items.find((s) => s.id === id) : undefined;
  }

  private visible(): Subscription[] {
    const items = this.list.value?.data?.items ?? [];
    return this.subscriptionId ? items.filter((s) => s.id === this.subscriptionId) : items;
  }

  /** Customers, owners and billing managers may act; a team `member` only reads. */
  private get billing(): boolean {
    return !this.readonly && canManageBilling(this.session.value);
  }

  private money(amount: number, s: Subscription): string {
    return formatMoney(this.resolvedLocale, amount, s.currency);
  }

  /** A price per the interval of `plan` (the subscription's by default). */
  private perInterval(amount: number, s: Subscription, plan: Interval = s): string {
    return this.t.perInterval(this.money(amount, s), plan.recurring_interval ?? '', plan.recurring_interval_count ?? 1);
  }

  private date = (iso: string | null | undefined) => formatDate(this.resolvedLocale, iso);

  // Actions ------------------------------------------------------------------

  /**
   * Runs one change: one request at a time (a double click sends one), the answer applied
   * where it shows, the outcome said where the action was taken, events fired. On failure
   * nothing changes on screen and the dialog keeps its choices; a 401 parks the dialog until
   * the user signs in again.
   */
  private async mutate(action: SubAction, before: Subscription, call: () => Promise<Subscription>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.edit({ pending: true });
    this.notice = undefined;
    try {
      const after = await call();
      this.draft = undefined;
      this.notice = { id: after.id, text: this.t.subDone(action, this.date(after.ends_at ?? after.current_period_end)) };
      const changes: Record<string, unknown> = {};
      for (const field of WATCHED) {
        if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = after[field];
      }
      for (const name of ['updated', EVENT[action]]) {
        if (name) this.dispatchEvent(new PortalSubscriptionEvent(`portal-subscription-${name}` as SubscriptionEventName, { subscriptionId: after.id, changes }));
      }
    } catch (error) {
      const expired = error instanceof PortalApiError && error.status === 401;
      const text = expired ? this.t.choicesKept : this.describe(error);
      if (!this.draft || expired) this.notice = { id: before.id, text, error: true };
      this.edit({ pending: false, error: text, suspended: expired });
      throw error;
    } finally {
      this.busy = false;
    }
  }

  private describe(error: unknown): string {
    return error instanceof PortalApiError && error.code === 'PaymentMethodRequired' ? this.t.paymentMethodRequired : errorMessage(this.t, error);
  }

  private act(action: SubAction, s: Subscription, body: SubscriptionUpdate, stale?: string[]): void {
    this.mutate(action, s, () => updateSubscription(this.portal!.scope, s.id, body, stale)).catch(() => undefined);
  }

  private confirm(): Promise<void> {
    const draft = this.draft;
    const s = this.find(draft?.id);
    if (!draft || !s || draft.pending || !ready(draft, s, this.org.value?.data)) return Promise.resolve();
    const scope = this.portal!.scope;
    const action = confirmAction(draft);
    const patch = (body: SubscriptionUpdate, stale?: string[]) => this.mutate(action, s, () => updateSubscription(scope, s.id, body, stale));
    if (draft.kind === 'plan') return patch({ product_id: draft.productId! }, BILLED);
    if (draft.kind === 'seats') return this.mutate(action, s, () => changeSeats(scope, s.id, draft.seats!));
    if (draft.kind === 'pause') {
      return patch({ pause_at_period_end: true, resumes_at: draft.resumesAt ? new Date(`${draft.resumesAt}T12:00:00Z`).toISOString() : null });
    }
    const reasons = { cancellation_reason: draft.reason ?? null, cancellation_comment: draft.comment?.trim() || null };
    const immediate = action === 'revoke';
    const run = () =>
      immediate ? this.mutate(action, s, () => revokeSubscription(scope, s.id, reasons)) : patch({ cancel_at_period_end: true, ...reasons });
    const event = new PortalBeforeCancelEvent({ subscriptionId: s.id, reason: reasons.cancellation_reason, comment: reasons.cancellation_comment, immediate, proceed: run });
    if (this.dispatchEvent(event)) return run();
    // The host runs its own flow first; the choices stay for `proceed()`.
    this.closeDialog();
    return Promise.resolve();
  }

  private async openDialog(event: Event, kind: Draft['kind'], s: Subscription): Promise<void> {
    this.opener = event.currentTarget as HTMLElement;
    this.notice = undefined;
    // A draft parked by a failed session or a host's retention flow resumes where it was.
    if (this.draft?.id !== s.id || this.draft.kind !== kind) this.draft = { kind, id: s.id, seats: s.seats ?? undefined };
    else this.draft = { ...this.draft, suspended: false };
    const scope = this.portal!.scope;
    try {
      if (kind === 'cancel' && s.status === 'past_due' && !this.draft.cancelPreview) this.edit({ cancelPreview: await cancelPreview(scope, s.id) });
      if (kind === 'seats') {
        const seats = seatsResource(scope, s.id);
        await seats.load();
        const data = seats.$state.get().data;
        const price = s.prices.find((p) => p.amount_type === 'seat_based');
        const floor = Math.max(data ? data.total_seats - data.available_seats : 1, price?.amount_type === 'seat_based' ? price.seat_tiers.minimum_seats : 1);
        this.edit({ floor });
      }
    } catch (error) {
      this.edit({ error: this.describe(error) });
    }
  }

  private closeDialog(): void {
    if (!this.draft?.pending) this.dialog?.close();
  }

  private handleClose(): void {
    // Parked drafts (session ended) stay; any other close discards the choices.
    if (!this.draft?.suspended) this.draft = undefined;
    const opener = this.opener;
    void this.updateComplete.then(() => {
      if (opener?.isConnected && !opener.closest('[hidden]')) opener.focus();
      else this.renderRoot.querySelector<HTMLElement>('[id$="-notice"]:not([hidden])')?.focus();
    });
  }

  /** Changes the open draft; any earlier error goes unless the patch sets one. */
  private edit(patch: Partial<Draft>): void {
    if (this.draft) this.draft = { ...this.draft, ...patch, error: patch.error };
  }

  /** Sets the plan or seat count and asks Polar what it costs; the latest choice wins. */
  private quote(patch: Partial<Draft>, delay = 0): void {
    this.edit({ ...patch, consent: false });
    clearTimeout(this.previewTimer);
    const draft = this.draft;
    const scope = this.portal?.scope;
    if (!draft || !scope || (draft.kind === 'seats' && draft.seats === this.find(draft.id)?.seats)) return;
    const body = draft.kind === 'plan' ? { product_id: draft.productId! } : { seats: draft.seats! };
    const key = previewKey(draft);
    this.previewTimer = setTimeout(() => {
      previewChange(scope, draft.id, body).then(
        (preview) => this.draft && previewKey(this.draft) === key && this.edit({ preview, previewOf: key }),
        (error) => this.edit({ error: this.describe(error) }),
      );
    }, delay);
  }

  private setSeats(n: number, step = false): void {
    const seats = Math.max(this.draft?.floor ?? 1, (step ? (this.draft?.seats ?? 1) : 0) + (n || 0));
    this.quote({ seats }, 250);
  }

  // Rendering ----------------------------------------------------------------

  protected override render() {
    if (!this.portal) return nothing;
    const t = this.t;
    const status = this.session.value?.status;
    return html`<section part="base" aria-labelledby="${this.uid}-h">
      <h2 part="header" id="${this.uid}-h">${t.subsHeading}</h2>
      ${status === 'signed-in' || status === 'restoring'
        ? // While the session restores there is no list yet: the loading spinner.
          resourceView(t, this.list.value, {
            retry: () => this.list.retry(),
            isEmpty: () => !this.visible().length,
            empty: () => html`<p>${t.subsEmpty}</p>`,
            ready: () => this.renderLists(),
          })
        : html`${alert(this.draft?.suspended && t.choicesKept)}<p class="hint">${t.subsSignedOut}</p>`}
      ${this.renderDialog()}
    </section>`;
  }

  private renderLists() {
    const all = [...this.visible()].sort((a, b) => rank(a) - rank(b));
    const ended = all.filter(isEnded);
    const current = all.filter((s) => !isEnded(s));
    const list = (items: Subscription[]) => html`<ul part="list">${items.map((s) => this.renderItem(s))}</ul>`;
    return html`
      ${current.length ? list(current) : nothing}
      ${ended.length
        ? html`<details ?open=${!!this.subscriptionId}><summary>${this.t.subsEnded(ended.length)}</summary>${list(ended)}</details>`
        : nothing}
    `;
  }

  private renderItem(s: Subscription) {
    const t = this.t;
    const a = actionsFor(s, this.org.value?.data, this.billing);
    const base = listPrice(s, s.seats);
    const id = `${this.uid}-${s.id}`;
    const open = this.openId === s.id;
    const notice = this.notice?.id === s.id ? this.notice : undefined;
    const role = notice?.error ? 'alert' : 'status';
    return html`<li class="item" part="item" aria-labelledby="${id}-name">
      <div class="head">
        <h3 id="${id}-name">${s.product.name}</h3>
        <span class="badge ${s.status}" part="status">${t.subStatus(s.cancel_at_period_end && !isEnded(s) ? 'canceling' : s.status)}</span>
      </div>
      <p>
        ${s.discount_id && base > s.amount ? html`<s>${this.perInterval(base, s)}</s> ` : nothing}${this.perInterval(s.amount, s)}
        ${s.seats ? html` · ${t.seats(s.seats)}` : nothing}
      </p>
      <p class="hint">${this.dates(s).map(([kind, iso], i) => html`${i ? ' · ' : ''}${t.subDate(kind, this.date(iso))}`)}</p>
      ${this.renderPending(s, a)}
      <p id="${id}-notice" tabindex="-1" class=${role} part=${notice?.error ? 'error' : 'status'} role=${role} ?hidden=${!notice}>${notice?.text ?? ''}</p>
      <div class="actions" part="actions">
        <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-detail"
          @click=${() => (this.openId = open ? undefined : s.id)}>${t.subDetails}</button>
        ${DIRECT.map(([action, body, stale]) => a[action] && this.actionButton(action, () => this.act(action, s, body, stale)))}
        ${DIALOGS.map(([flag, kind]) => a[flag] && this.actionButton(kind, (e) => void this.openDialog(e, kind, s)))}
      </div>
      ${open ? this.renderDetail(s, `${id}-detail`) : nothing}
    </li>`;
  }

  /** The dates a subscription line shows, in reading order. */
  private dates(s: Subscription): [SubDateKind, string | null | undefined][] {
    if (isEnded(s)) return [['ended', s.ended_at ?? s.ends_at]];
    const { status } = s;
    const dates: [SubDateKind, string | null | false | undefined][] = [
      ['trial', status === 'trialing' && s.trial_end],
      ['retry', status === 'past_due' && s.past_due_at],
      ['paused', status === 'paused' && s.paused_at],
      s.cancel_at_period_end ? ['ends', s.ends_at] : s.pause_at_period_end ? ['pauses', s.current_period_end] : ['renews', status === 'active' && s.current_period_end],
      ['resumes', s.resumes_at],
    ];
    return dates.filter((date): date is [SubDateKind, string] => !!date[1]);
  }

  private renderPending(s: Subscription, a: SubscriptionActions) {
    const p = s.pending_update;
    if (!p) return nothing;
    const t = this.t;
    const product = p.product_id ? (this.org.value?.data?.products.find((x) => x.id === p.product_id)?.name ?? '') : '';
    const change = [product, p.seats != null && p.seats !== s.seats ? t.seats(p.seats) : ''].filter(Boolean).join(', ');
    return html`<div class="row" part="pending">
      <p>${t.pendingChange(change, this.date(p.applies_at))}</p>
      ${a.clearPending ? this.actionButton('clearPending', () => this.act('clearPending', s, { pending_update: null }, [seatsKey(s.id)])) : nothing}
    </div>`;
  }

  private actionButton(action: SubAction, onClick: (event: Event) => void) {
    return html`<button type="button" class="link" @click=${onClick}>${this.t.subAction(action)}</button>`;
  }

  private renderDetail(s: Subscription, id: string) {
    const t = this.t;
    return html`<div part="detail" id=${id}>
      <dl>
        ${amountRow(t.subAmount, this.perInterval(s.amount, s))}
        ${s.seats ? amountRow(t.seatsLabel, s.seats) : nothing}
        ${amountRow(t.subDate('started', ''), this.date(s.started_at))}
      </dl>
      <h4>${t.nextCharge}</h4>
      ${hasUpcomingCharge(s)
        ? resourceView(t, this.charge.value, { retry: () => this.charge.retry(), ready: (p) => this.renderCharge(p, s) })
        : html`<p class="hint">${t.noCharge}</p>`}
      ${benefitList(t.benefitsHeading, s.product.benefits)}
    </div>`;
  }

  private renderCharge(p: ChargePreview, s: Subscription) {
    const line = (name: ChargeLine, amount: number, strong?: boolean) => amountRow(this.t.chargeLine(name), this.money(amount, s), strong);
    return html`<dl>
      ${line('base', p.base_amount)}
      ${p.prorations.map((x) => amountRow(x.label, this.money(x.amount, s)))}
      ${p.metered_amount ? line('metered', p.metered_amount) : nothing}
      ${line('subtotal', p.subtotal_amount)}
      ${p.discount_amount ? line('discount', -p.discount_amount) : nothing}
      ${line('tax', p.tax_amount)}
      ${line('total', p.total_amount, true)}
      ${p.applied_balance_amount ? html`${line('balance', p.applied_balance_amount)}${line('due', p.due_amount, true)}` : nothing}
    </dl>`;
  }

  // Dialogs: one frame (heading, error, confirm and close); a body per kind ---------------

  private renderDialog() {
    const t = this.t;
    const draft = this.draft;
    const s = this.find(draft?.id);
    return html`<dialog part="dialog" aria-labelledby="${this.uid}-dh" @close=${this.handleClose}
      @cancel=${(e: Event) => draft?.pending && e.preventDefault()}>
      ${draft && s
        ? html`<form novalidate @submit=${(e: Event) => { e.preventDefault(); this.confirm().catch(() => undefined); }}>
            <h2 id="${this.uid}-dh">${t.subAction(draft.kind)}: ${s.product.name}</h2>
            ${draft.kind === 'cancel'
              ? this.renderCancel(draft, s)
              : draft.kind === 'plan'
                ? this.renderPlan(draft, s)
                : draft.kind === 'seats'
                  ? this.renderSeats(draft, s)
                  : this.renderPause(draft, s)}
            ${alert(draft.error)}
            <div class="actions">
              <button class="primary" type="submit" aria-disabled=${draft.pending || !ready(draft, s, this.org.value?.data) ? 'true' : 'false'}>
                ${draft.pending ? html`${spinner} ` : nothing}${t.subAction(confirmAction(draft))}
              </button>
              <button type="button" @click=${this.closeDialog}>${t.close}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  /** A labelled control of a dialog; its id is `<uid>-<name>`. */
  private field(name: string, label: string, control: unknown) {
    return html`<div class="field"><label for="${this.uid}-${name}">${label}</label>${control}</div>`;
  }

  private renderCancel(draft: Draft, s: Subscription) {
    const t = this.t;
    const revoke = draft.cancelPreview?.stops_collection;
    return html`
      ${revoke
        ? html`<p class="warning" part="warning">${t.revokeWarning(this.money(draft.cancelPreview?.outstanding_amount ?? 0, s))}</p>`
        : html`<p>${t.cancelIntro(s.product.name, this.date(s.current_period_end))}</p>`}
      <fieldset>
        <legend>${t.reasonLegend}</legend>
        ${REASONS.map((reason) => choice('radio', 'reason', draft.reason === reason, () => this.edit({ reason }), t.reason(reason)))}
      </fieldset>
      ${this.field('comment', t.commentLabel, html`<textarea id="${this.uid}-comment" rows="3" maxlength="1000" .value=${draft.comment ?? ''}
        @input=${(e: Event) => this.edit({ comment: value(e) })}></textarea>`)}
    `;
  }

  private renderPlan(draft: Draft, s: Subscription) {
    const t = this.t;
    const plans = eligiblePlans(this.org.value?.data, s);
    const chosen = plans.find((p) => p.id === draft.productId);
    const lacks = (product: { benefits: { id: string }[] }) => (b: { id: string }) => !product.benefits.some((x) => x.id === b.id);
    return html`
      <fieldset>
        <legend>${t.planLegend}</legend>
        ${plans.length
          ? plans.map((p) =>
              choice('radio', 'plan', draft.productId === p.id, () => this.quote({ productId: p.id }),
                html`<span>${p.name} <span class="hint">${this.perInterval(listPrice(p, s.seats), s, p)}</span></span>`),
            )
          : html`<p>${t.noPlans}</p>`}
      </fieldset>
      ${chosen
        ? html`${benefitList(t.gains, chosen.benefits.filter(lacks(s.product)))}${benefitList(t.loses, s.product.benefits.filter(lacks(chosen)))}
            ${this.renderQuote(draft, s, listPrice(chosen, s.seats), chosen)}`
        : nothing}
    `;
  }

  private renderSeats(draft: Draft, s: Subscription) {
    const t = this.t;
    const seats = draft.seats ?? s.seats ?? 1;
    const floor = draft.floor ?? 1;
    const id = `${this.uid}-seats`;
    return html`
      ${this.field('seats', t.seatsLabel, html`<div class="row">
          <button type="button" aria-label=${t.fewerSeats} ?disabled=${seats <= floor} @click=${() => this.setSeats(-1, true)}>−</button>
          <input id=${id} type="number" inputmode="numeric" min=${floor} .value=${String(seats)} aria-describedby="${id}-floor"
            @change=${(e: Event) => this.setSeats(Math.floor(Number(value(e))))} />
          <button type="button" aria-label=${t.moreSeats} @click=${() => this.setSeats(1, true)}>+</button>
        </div>
        <p id="${id}-floor" class="hint">${t.seatsFloor(floor)}</p>`)}
      ${seats === s.seats ? nothing : this.renderQuote(draft, s, listPrice(s, seats))}
    `;
  }

  private renderPause(draft: Draft, s: Subscription) {
    const t = this.t;
    // The first day after the current period: the earliest a pause can end.
    const min = new Date(Date.parse(s.current_period_end) + 86_400_000).toISOString().slice(0, 10);
    return html`
      <p>${t.pauseIntro(this.date(s.current_period_end))}</p>
      ${this.field('resume', t.resumeOnLabel, html`<input id="${this.uid}-resume" type="date" min=${min} .value=${draft.resumesAt ?? ''}
        @change=${(e: Event) => this.edit({ resumesAt: value(e) })} />`)}
    `;
  }

  /** Due today, the next charge and the new recurring price, from the change-preview. */
  private renderQuote(draft: Draft, s: Subscription, newAmount: number, plan?: Interval) {
    const t = this.t;
    const p = currentPreview(draft);
    if (!p) return html`<div role="status" part="quote" class="status">${spinner} ${t.calculating}</div>`;
    const now = chargesNow(draft, s, this.org.value?.data);
    const money = (amount: number) => this.money(amount, s);
    return html`
      <div role="status" part="quote"><dl>
        ${amountRow(t.dueToday, money(now ? p.due_amount : 0), true)}
        ${now ? nothing : amountRow(`${t.nextCharge} (${this.date(s.current_period_end)})`, money(p.total_amount))}
        ${amountRow(t.newPrice, this.perInterval(newAmount, s, plan))}
      </dl></div>
      ${now && p.due_amount > 0
        ? choice('checkbox', 'consent', !!draft.consent, (e) => this.edit({ consent: (e.target as HTMLInputElement).checked }), t.consent(money(p.due_amount)))
        : nothing}
    `;
  }
}

/** One row of amounts in a `<dl>`; `strong` for what is paid. */
const amountRow = (label: unknown, amount: unknown, strong?: boolean) =>
  html`<dt class=${strong ? 'strong' : ''}>${label}</dt><dd class=${strong ? 'strong' : ''}>${amount}</dd>`;

/** A message in `role=alert`, hidden while there is none. */
const alert = (text: string | false | undefined) => html`<p class="alert" role="alert" part="error" ?hidden=${!text}>${text || ''}</p>`;

/** A radio button or checkbox inside its label. */
const choice = (type: 'radio' | 'checkbox', name: string, checked: boolean, change: (e: Event) => void, label: unknown) =>
  html`<label class="choice"><input type=${type} name=${name} .checked=${checked} @change=${change} /> ${label}</label>`;

const benefitList = (title: string, benefits: { description: string }[]) =>
  benefits.length ? html`<h4>${title}</h4><ul class="hint">${benefits.map((b) => html`<li>${b.description}</li>`)}</ul>` : nothing;

definePortalElement('portal-subscriptions', PortalSubscriptions);

declare global {
  interface HTMLElementTagNameMap {
    'portal-subscriptions': PortalSubscriptions;
  }
}
