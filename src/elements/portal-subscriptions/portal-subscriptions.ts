import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { AddPaymentMethod } from '../../controllers/add-payment-method.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { PayOrder } from '../../controllers/pay-order.js';
import { SubscriptionChange } from '../../controllers/subscription-change.js';
import type { SubAction, SubDateKind } from '../../i18n/translation.js';
import { PortalApiError } from '../../api/errors.js';
import { definePortalElement } from '../../internal/define.js';
import '../portal-benefits/portal-benefits.js';
import '../portal-orders/portal-orders.js';
import { formatDate, formatList, formatMoney, perInterval } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import type { Draft } from '../../internal/subscription-draft.js';
import { alert, amountRow, benefitList, chargeList, pill, type Tone } from '../../internal/templates.js';
import { canManageBilling } from '../../state/billing.js';
import { payableOrdersResource, type Order } from '../../state/orders.js';
import {
  actionsFor, chargePreviewResource, hasUpcomingCharge, isEnded, listPrice, subscriptionsResource,
  type Subscription, type SubscriptionActions, type SubscriptionUpdate,
} from '../../state/subscriptions.js';
import { hostStyles } from '../../styles/host.styles.js';
import { subscriptionChangeStyles } from '../../styles/subscription-change.styles.js';
import { subscriptionsStyles } from './portal-subscriptions.styles.js';

/** Current subscriptions first: active, trialing, past due, paused; canceling ones after their kind. */
const STATUS_ORDER = ['active', 'trialing', 'past_due', 'paused'];
const rank = (s: Subscription) => (s.cancel_at_period_end ? 0.5 : 0) + (STATUS_ORDER.indexOf(s.status) + 1 || 9);
/** Buttons that apply at once, with their PATCH body (the state layer knows what each makes stale). */
const DIRECT: [action: 'uncancel' | 'resume' | 'cancelPause', body: SubscriptionUpdate][] = [
  ['uncancel', { cancel_at_period_end: false }],
  ['resume', { resume: true }],
  ['cancelPause', { pause_at_period_end: false }],
];
/** Buttons that open a dialog, after the `actionsFor` flag that allows each. */
const DIALOGS: [flag: keyof SubscriptionActions, kind: Draft['kind']][] = [
  ['changePlan', 'plan'], ['changeSeats', 'seats'], ['pause', 'pause'], ['cancel', 'cancel'],
];
/** Destructive actions look it. */
const DANGER: SubAction[] = ['cancel'];
/** How each status reads at a glance; a subscription that ends soon asks attention. */
const TONE: Record<string, Tone> = { active: 'good', trialing: 'good', canceling: 'warn', paused: 'warn', past_due: 'bad', unpaid: 'bad', incomplete: 'warn' };
let instances = 0;

/**
 * @summary The customer's subscriptions with complete self-service: prices, dates, next
 * charge, benefits and orders (receipts, invoices); cancel and undo, change plan or seats with exact amounts before
 * confirming, pause and resume; pay an overdue renewal.
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
 * @csspart detail - The opened subscription: amounts, next charge, benefits and its orders.
 * @csspart quote - Amounts of a plan or seat change before confirming.
 * @csspart warning - The past-due cancel warning.
 * @csspart dialog - The native dialog of an action, or of paying an overdue renewal.
 * @csspart submit - The Pay button of that dialog.
 * @csspart embed - Polar's card form, when a new card pays or Polar asks for a payment method.
 * @csspart link - Polar's page for the order, when the bank's check cannot run here.
 * @csspart spinner - Loading indicator.
 * @csspart error - Error messages.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
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
 * @cssproperty [--portal-color-surface-muted=#f3f4f7] - Read-only fields.
 * @cssproperty [--portal-color-on-danger=#ffffff] - Text on destructive buttons.
 * @cssproperty [--portal-color-success=#17703a] - Confirmations and good statuses.
 * @cssproperty [--portal-color-warning=#8a5300] - Statuses that ask attention (ends soon, paused).
 * @cssproperty [--portal-space-xs=0.25rem] - Smallest spacing.
 * @cssproperty [--portal-font-size-heading=1.375rem] - The element's heading.
 * @cssproperty [--portal-font-size-section=1.0625rem] - Section and dialog headings.
 * @cssproperty [--portal-font-size-small=0.875rem] - Hints, statuses and table headers.
 * @cssproperty [--portal-target-size=2.75rem] - Smallest height of buttons and fields (touch targets).
 * @cssproperty [--portal-subscriptions-gap=var(--portal-space-m)] - Space between subscriptions.
 *
 * @cssstate loading - The list is loading for the first time.
 * @cssstate error - The list failed to load.
 * @cssstate empty - There are no subscriptions.
 * @cssstate ready - The list is shown.
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 *
 * @event {PortalEvent<'portal-before-cancel'>} portal-before-cancel - Before a cancel is sent; cancelable. After `preventDefault()`, continue with `event.detail.proceed()`.
 * @event {PortalEvent<'portal-subscription-updated'>} portal-subscription-updated - Any change succeeded (detail: subscriptionId, changes).
 * @event {PortalEvent<'portal-subscription-canceled'>} portal-subscription-canceled - Canceled at period end, or ended now when past due.
 * @event {PortalEvent<'portal-subscription-uncanceled'>} portal-subscription-uncanceled - A cancellation was undone.
 * @event {PortalEvent<'portal-subscription-paused'>} portal-subscription-paused - A pause was scheduled.
 * @event {PortalEvent<'portal-subscription-resumed'>} portal-subscription-resumed - A paused subscription was resumed.
 * @event {PortalEvent<'portal-subscription-plan-changed'>} portal-subscription-plan-changed - The plan changed or a change was scheduled.
 * @event {PortalEvent<'portal-subscription-seats-changed'>} portal-subscription-seats-changed - The seat count changed or a change was scheduled.
 * @event {PortalEvent<'portal-order-updated'>} portal-order-updated - A past-due subscription's order was paid (detail: orderId, change).
 * @event {PortalEvent<'portal-order-paid'>} portal-order-paid - The payment of a past-due subscription went through (detail: orderId).
 * @event {PortalEvent<'portal-payment-method-added'>} portal-payment-method-added - A payment method was added: to pay an overdue order, or because Polar asked for one before undoing a cancellation or resuming.
 * @event {PortalEvent<'portal-payment-method-created'>} portal-payment-method-created - The same, under Polar's webhook wording.
 */
export class PortalSubscriptions extends PortalElement {
  static override styles = [hostStyles, subscriptionChangeStyles, subscriptionsStyles];

  readonly #list = this.watch(subscriptionsResource);
  /** The opened subscription's next charge. */
  readonly #charge = this.watch((scope) => {
    const open = this.#find(this.openId);
    return open && chargePreviewResource(scope, open);
  });
  readonly #org = this.watch((scope) => scope.organization);
  /** For each past-due subscription, the order its customer can pay now (Pay now shows only then). */
  readonly #payable = this.watch((scope) => {
    const due = this.#billing ? this.#visible().filter((s) => s.status === 'past_due') : [];
    return due.length > 0 && payableOrdersResource(scope, due.map((s) => s.id));
  });
  readonly #uid = `portal-subs-${++instances}`;
  /** Paying: one request at a time, a decline at the Pay button. */
  readonly #actions = new ActionController(this, () => this.t);
  /** The one dialog at a time: a change of the subscription, or paying its overdue order. */
  readonly #modal: ModalController = new ModalController(this, {
    // The button that opened the dialog may be gone (a canceled subscription has no Cancel): the outcome is next.
    fallback: () => this.renderRoot.querySelector<HTMLElement>('[id$="-notice"]:not([hidden])'),
    busy: () => this.#change.pending || !!this.#actions.busy,
  });
  readonly #pay = new PayOrder(this, this.#actions, this.#modal, (select) => this.watch(select), () => ({
    ...this.context(),
    theme: this.scheme,
    paid: () => (this.#paid = true),
  }));
  /** The payment went through: closing the dialog says so at the subscription. */
  #paid = false;
  /** Polar asked for a payment method first: once one is added, the action runs again. */
  readonly #add = new AddPaymentMethod(this, this.#actions, this.#modal, () => ({
    ...this.context(),
    theme: this.scheme,
    added: () => {
      const need = this.needsMethod;
      const s = need && this.#find(need.id);
      if (s) this.#act(need.action, s, need.body);
    },
  }));
  readonly #change: SubscriptionChange = new SubscriptionChange(
    this,
    this.#uid,
    () => ({
      ...this.context(),
      org: this.#org.value?.data,
      find: (id) => this.#find(id),
      notify: (id, text, error) => {
        this.notice = { id, text, error };
        // The button pressed may be gone (Undo cancellation, Resume now): focus the outcome.
        void this.keepFocus(() => this.renderRoot.querySelector<HTMLElement>('[id$="-notice"]:not([hidden])'));
      },
    }),
    this.#modal,
  );

  /** Shows only this subscription, opened. */
  @property({ attribute: 'subscription-id' }) subscriptionId?: string;
  /** Shows everything without any action, whatever the user may do. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The opened subscription. */
  @state() private openId?: string;
  /** The last outcome, shown at the subscription it concerns. */
  @state() private notice?: { id: string; text: string; error?: boolean };
  /** The overdue order being paid, as it was when the dialog opened (paying changes the list). */
  @state() private paying?: Order;
  /** The action Polar refused for want of a payment method: "Add payment method" shows at its subscription. */
  @state() private needsMethod?: { id: string; action: SubAction; body: SubscriptionUpdate };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('subscriptionId') && this.subscriptionId) this.openId = this.subscriptionId;
    const list = this.#list.value;
    this.setState('loading', this.signedIn && !list?.data && !list?.error);
    this.setState('error', !list?.data && !!list?.error);
    this.setState('empty', !!list?.data && !this.#visible().length);
    this.setState('ready', !!list?.data);
  }

  #find(id: string | undefined): Subscription | undefined {
    return id ? this.#list.value?.data?.items.find((s) => s.id === id) : undefined;
  }

  #visible(): Subscription[] {
    const items = this.#list.value?.data?.items ?? [];
    return this.subscriptionId ? items.filter((s) => s.id === this.subscriptionId) : items;
  }

  /** Customers, owners and billing managers may act; a team `member` only reads. */
  get #billing(): boolean {
    return !this.readonly && canManageBilling(this.session);
  }

  #money(amount: number, s: Subscription): string {
    return formatMoney(this.resolvedLocale, amount, s.currency);
  }

  #perInterval(amount: number, s: Subscription): string {
    return perInterval(this.t, this.resolvedLocale, amount, s.currency, s);
  }

  #date = (iso: string | null | undefined) => formatDate(this.resolvedLocale, iso);

  /** A new action: the last outcome goes. */
  #clearOutcome(): void {
    this.notice = this.needsMethod = undefined;
  }

  #openDialog(kind: Draft['kind'], s: Subscription): void {
    this.#clearOutcome();
    void this.#change.open(kind, s);
  }

  #openPay(o: Order): void {
    this.#clearOutcome();
    this.#actions.clear();
    this.#pay.reset(true);
    this.#paid = false;
    this.paying = o;
  }

  #closePay(event: Event): void {
    // Closed only to be shown again without the modal (see ModalController.setModal), or busy.
    if ((event.target as HTMLDialogElement).open || this.#actions.busy) return;
    const id = this.paying?.subscription_id;
    this.#pay.reset(false);
    this.#actions.clear();
    this.paying = undefined;
    if (this.#paid && id) {
      this.notice = { id, text: this.t.payDone('paid') };
      this.focusNext(`#${this.#uid}-${id}-notice`);
    }
  }

  #act(action: SubAction, s: Subscription, body: SubscriptionUpdate): void {
    this.#clearOutcome();
    this.#change.apply(action, s, body).catch((error) => {
      // Undoing a cancellation or resuming a paid plan (customer_portal/service/subscription.py
      // `_require_payment_method`): offer to add one here, as Polar's hosted portal does.
      if (error instanceof PortalApiError && error.code === 'PaymentMethodRequired') this.needsMethod = { id: s.id, action, body };
    });
  }

  // Rendering ----------------------------------------------------------------

  protected override render() {
    if (!this.portal) return nothing;
    const t = this.t;
    const status = this.session?.status;
    return html`<section part="base" aria-labelledby="${this.#uid}-h">
      ${this.heading(t.subsHeading, `${this.#uid}-h`)}
      ${status === 'signed-in' || status === 'restoring'
        ? // While the session restores there is no list yet: the loading spinner.
          resourceView(t, this.#list.value, {
            retry: () => this.#list.retry(),
            isEmpty: () => !this.#visible().length,
            empty: () => html`<p>${t.subsEmpty}</p>`,
            ready: () => this.#renderLists(),
          })
        : html`${alert(this.#change.parked && t.choicesKept)}<p class="hint" part="status">${t.subsSignedOut}</p>`}
      ${this.#change.render()} ${this.#renderPay()} ${this.#add.render()}
    </section>`;
  }

  #renderLists() {
    const all = [...this.#visible()].sort((a, b) => rank(a) - rank(b));
    const ended = all.filter(isEnded);
    const current = all.filter((s) => !isEnded(s));
    const list = (items: Subscription[]) => html`<ul part="list">${items.map((s) => this.#renderItem(s))}</ul>`;
    return html`
      ${current.length ? list(current) : nothing}
      ${ended.length
        ? html`<details ?open=${!!this.subscriptionId}><summary>${this.t.subsEnded(ended.length)}</summary>${list(ended)}</details>`
        : nothing}
    `;
  }

  #renderItem(s: Subscription) {
    const t = this.t;
    const a = actionsFor(s, this.#org.value?.data, this.#billing);
    const base = listPrice(s, s.seats);
    const id = `${this.#uid}-${s.id}`;
    const open = this.openId === s.id;
    const notice = this.notice?.id === s.id ? this.notice : undefined;
    const role = notice?.error ? 'alert' : 'status';
    const status = s.cancel_at_period_end && !isEnded(s) ? 'canceling' : s.status;
    // Only billing users' past-due subscriptions are asked about (#payable).
    const payable = this.#payable.value?.data?.get(s.id);
    return html`<li class="item" part="item" aria-labelledby="${id}-name">
      <div class="head">
        <h3 aria-level=${this.level(1)} id="${id}-name">${s.product.name}</h3>
        ${pill(t.subStatus(status), TONE[status] ?? '')}
      </div>
      <p>
        ${s.discount_id && base > s.amount ? html`<s>${this.#perInterval(base, s)}</s> ` : nothing}${this.#perInterval(s.amount, s)}
        ${s.seats ? html` · ${t.seats(s.seats)}` : nothing}
      </p>
      <p class="hint">${this.#dates(s).map(([kind, iso], i) => html`${i ? ' · ' : ''}${t.subDate(kind, this.#date(iso))}`)}</p>
      ${this.#renderPending(s, a)}
      <p id="${id}-notice" tabindex="-1" class=${notice?.error ? 'alert' : 'done'} part=${notice?.error ? 'error' : 'status'} role=${role} ?hidden=${!notice}>${notice?.text ?? ''}</p>
      ${this.needsMethod?.id === s.id
        ? html`<div class="row"><button type="button" class="primary" @click=${() => this.#add.open(true)}>${t.addMethod}</button></div>`
        : nothing}
      <div class="actions" part="actions">
        ${payable ? html`<button type="button" class="primary" @click=${() => this.#openPay(payable)}>${t.payNow}</button>` : nothing}
        <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-detail"
          @click=${() => (this.openId = open ? undefined : s.id)}>${t.subDetails}</button>
        ${DIRECT.map(([action, body]) => (a[action] ? this.#actionButton(action, () => this.#act(action, s, body)) : nothing))}
        ${DIALOGS.map(([flag, kind]) => (a[flag] ? this.#actionButton(kind, () => void this.#openDialog(kind, s)) : nothing))}
      </div>
      ${open ? this.#renderDetail(s, `${id}-detail`) : nothing}
    </li>`;
  }

  /** The dates a subscription line shows, in reading order. */
  #dates(s: Subscription): [SubDateKind, string | null | undefined][] {
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

  #renderPending(s: Subscription, a: SubscriptionActions) {
    const p = s.pending_update;
    if (!p) return nothing;
    const t = this.t;
    const product = p.product_id ? (this.#org.value?.data?.products.find((x) => x.id === p.product_id)?.name ?? '') : '';
    const change = formatList(this.resolvedLocale, [product, p.seats != null && p.seats !== s.seats ? t.seats(p.seats) : ''].filter(Boolean));
    return html`<div class="row" part="pending">
      <p>${t.pendingChange(change, this.#date(p.applies_at))}</p>
      ${a.clearPending ? this.#actionButton('clearPending', () => this.#act('clearPending', s, { pending_update: null })) : nothing}
    </div>`;
  }

  #actionButton(action: SubAction, onClick: () => void) {
    return html`<button type="button" class="quiet ${DANGER.includes(action) ? 'danger' : ''}" @click=${onClick}>${this.t.subAction(action)}</button>`;
  }

  /**
   * Pay now: the overdue order, paid with a saved method or a new card, as in `<portal-orders>`.
   * It opens on its title, read before the amount due and the choices that load after it.
   */
  #renderPay() {
    const o = this.paying;
    if (!o) return nothing;
    return html`<dialog part="dialog" aria-labelledby="${this.#uid}-pay-h" @close=${this.#closePay}>
      <h2 id="${this.#uid}-pay-h" tabindex="-1" autofocus>${this.t.payNow}: ${this.#find(o.subscription_id!)?.product.name ?? o.description}</h2>
      ${this.#pay.render(o)}
    </dialog>`;
  }

  #renderDetail(s: Subscription, id: string) {
    const t = this.t;
    return html`<div part="detail" id=${id}>
      <dl>
        ${amountRow(t.subAmount, this.#perInterval(s.amount, s))}
        ${s.seats ? amountRow(t.seatsLabel, s.seats) : nothing}
        ${amountRow(t.subDate('started', ''), this.#date(s.started_at))}
      </dl>
      ${hasUpcomingCharge(s)
        ? html`<h4 aria-level=${this.level(2)}>${t.nextChargeOn(this.#date(s.current_period_end))}</h4>
            ${resourceView(t, this.#charge.value, {
              retry: () => this.#charge.retry(),
              ready: (p) => chargeList(t, (n) => this.#money(n, s), p, t.chargeLine('total')),
            })}`
        : html`<h4 aria-level=${this.level(2)}>${t.nextCharge}</h4><p class="hint">${t.noCharge}</p>`}
      ${isEnded(s)
        ? benefitList(t.benefitsHeading, s.product.benefits, this.level(2))
        : // What the subscription gives, as grants: keys, files, invitations (one shared request).
          html`<portal-benefits subscription-id=${s.id} heading-level=${Math.min(6, this.headingLevel + 2)}></portal-benefits>`}
      ${this.#billing
        ? // Its orders, with their receipts and invoices, as in the hosted portal's subscription page.
          html`<portal-orders subscription-id=${s.id} page-size="5" heading-level=${Math.min(6, this.headingLevel + 2)}></portal-orders>`
        : nothing}
    </div>`;
  }

}

definePortalElement('portal-subscriptions', PortalSubscriptions);

declare global {
  interface HTMLElementTagNameMap {
    'portal-subscriptions': PortalSubscriptions;
  }
}
