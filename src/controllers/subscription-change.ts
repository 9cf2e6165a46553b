import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { PortalApiError } from '../api/errors.js';
import type { PortalEventName } from '../events/portal-event.js';
import type { SubAction } from '../i18n/translation.js';
import { errorMessage } from '../internal/error-message.js';
import { formatDate, formatMoney, perInterval, type Interval } from '../internal/format.js';
import type { ElementContext } from '../internal/portal-element.js';
import { blocked, chargesNow, confirmAction, currentPreview, earliestResume, previewKey, ready, seatsValid, type Draft } from '../internal/subscription-draft.js';
import { alert, amountRow, benefitList, chargeList, choice } from '../internal/templates.js';
import type { OrganizationData } from '../state/scope.js';
import {
  cancelPreview, eligiblePlans, listPrice, previewChange, REASONS, revokeSubscription, seatFloor, updateSubscription,
  type Subscription, type SubscriptionUpdate,
} from '../state/subscriptions.js';
import { ModalController } from './modal-controller.js';

/** Fields whose change an event reports. */
const WATCHED = ['status', 'cancel_at_period_end', 'ends_at', 'ended_at', 'pause_at_period_end', 'resumes_at', 'product_id', 'seats', 'amount', 'pending_update', 'customer_cancellation_reason'] as const;
/** The specific event of each action, after `portal-subscription-updated`. */
const EVENT: Partial<Record<SubAction, PortalEventName>> = {
  cancel: 'portal-subscription-canceled', revoke: 'portal-subscription-canceled', uncancel: 'portal-subscription-uncanceled',
  pause: 'portal-subscription-paused', resume: 'portal-subscription-resumed', plan: 'portal-subscription-plan-changed',
  seats: 'portal-subscription-seats-changed',
};
/** A spinner inside a button or a line of text (its words say what is loading). */
const inlineSpinner = html`<span class="spinner" aria-hidden="true"></span>`;
const value = (e: Event) => (e.target as HTMLInputElement).value;

/** What the controller needs from the element it works in, read fresh each time. */
export interface SubscriptionChangeHost extends ElementContext {
  org: OrganizationData | undefined;
  /** The subscription as the shared list has it now. */
  find(id: string): Subscription | undefined;
  /** Where an outcome is told: next to the subscription it concerns. */
  notify(id: string, text: string, error?: boolean): void;
}

/**
 * Every change of a subscription, and its one dialog: cancel (with reasons and the host's
 * `portal-before-cancel`), change plan, change seats (floor: seats in use and the tier's
 * minimum), pause; plan and seat changes show the exact amounts from Polar's change-preview and
 * ask consent before an immediate charge. `<portal-subscriptions>` and `<portal-seats>` both use
 * it, so the seat count is changed the same way everywhere.
 *
 * One request at a time (a double click sends one); on failure the dialog keeps its choices; a
 * 401 parks them until the user signs in again, then the dialog reopens as it was.
 */
export class SubscriptionChange implements ReactiveController {
  #draft: Draft | undefined;
  #busy = false;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  /** The change-preview on its way: a newer choice aborts it. */
  #previewRequest: AbortController | undefined;

  readonly #host: ReactiveElement;
  readonly #uid: string;
  readonly #context: () => SubscriptionChangeHost;
  readonly #modal: ModalController;

  constructor(
    host: ReactiveElement,
    uid: string,
    context: () => SubscriptionChangeHost,
    /** The element's one modal controller (its `busy` should include `pending`). */
    modal: ModalController,
  ) {
    this.#host = host;
    this.#uid = uid;
    this.#context = context;
    this.#modal = modal;
    host.addController(this);
  }

  /** True while choices wait for a new sign-in. */
  get parked(): boolean {
    return !!this.#draft?.suspended;
  }

  /** True while the change is being sent. */
  get pending(): boolean {
    return !!this.#draft?.pending;
  }

  hostUpdate(): void {
    // Back after a new sign-in: the dialog reopens with what the customer chose.
    const c = this.#context();
    if (this.#draft?.suspended && c.signedIn && c.find(this.#draft.id)) this.#set({ ...this.#draft, suspended: false, error: undefined });
  }

  hostDisconnected(): void {
    clearTimeout(this.#previewTimer);
    this.#previewRequest?.abort();
  }

  /**
   * Applies an action without a dialog (undo a cancellation, resume, clear a scheduled change).
   * Its outcome is told at the subscription; the promise rejects with the error, for an element
   * that can offer a way forward (Polar's `PaymentMethodRequired`).
   */
  apply(action: SubAction, s: Subscription, body: SubscriptionUpdate): Promise<void> {
    const scope = this.#context().scope;
    return scope ? this.#mutate(action, s, () => updateSubscription(scope, s.id, body)) : Promise.resolve();
  }

  /**
   * Opens the dialog for `kind`; a draft parked for this subscription resumes where it was.
   * `seats` starts a seat change at that count, with its quote.
   */
  async open(kind: Draft['kind'], s: Subscription, seats?: number): Promise<void> {
    const { scope } = this.#context();
    if (!scope) return;
    if (this.#draft?.id !== s.id || this.#draft.kind !== kind) this.#set({ kind, id: s.id, seats: s.seats ?? undefined });
    else this.#set({ ...this.#draft, suspended: false });
    try {
      if (kind === 'cancel' && s.status === 'past_due' && !this.#draft?.cancelPreview) this.#edit({ cancelPreview: await cancelPreview(scope, s.id) });
      if (kind === 'seats') this.#edit(await seatFloor(scope, s));
      if (kind === 'seats' && seats) this.#setSeats(String(Math.max(seats, this.#draft?.floor ?? 1)));
    } catch (error) {
      this.#edit({ error: this.#describe(error) });
    }
  }

  #set(draft: Draft | undefined): void {
    if (!draft) {
      clearTimeout(this.#previewTimer);
      this.#previewRequest?.abort();
    }
    this.#draft = draft;
    this.#host.requestUpdate();
  }

  /** Changes the open draft; any earlier error goes unless the patch sets one. */
  #edit(patch: Partial<Draft>): void {
    if (this.#draft) this.#set({ ...this.#draft, ...patch, error: patch.error });
  }

  #describe(error: unknown): string {
    const { t } = this.#context();
    return error instanceof PortalApiError && error.code === 'PaymentMethodRequired' ? t.paymentMethodRequired : errorMessage(t, error);
  }

  async #mutate(action: SubAction, before: Subscription, call: () => Promise<Subscription>): Promise<void> {
    if (this.#busy) return;
    const c = this.#context();
    this.#busy = true;
    this.#edit({ pending: true });
    try {
      const after = await call();
      this.#set(undefined);
      c.notify(after.id, c.t.subDone(action, formatDate(c.locale, after.ends_at ?? after.current_period_end)));
      const changes: Record<string, unknown> = {};
      for (const field of WATCHED) {
        if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = after[field];
      }
      for (const name of ['portal-subscription-updated', EVENT[action]] as const) {
        if (name) c.emit(name, { subscriptionId: after.id, changes });
      }
    } catch (error) {
      const expired = error instanceof PortalApiError && error.status === 401;
      const text = expired ? c.t.choicesKept : this.#describe(error);
      if (!this.#draft || expired) c.notify(before.id, text, true);
      this.#edit({ pending: false, error: text, suspended: expired });
      throw error;
    } finally {
      this.#busy = false;
    }
  }

  #confirm(): Promise<void> {
    const c = this.#context();
    const draft = this.#draft;
    const s = draft && c.find(draft.id);
    if (!draft || !s || !c.scope || draft.pending || blocked(draft, s, c.org)) return Promise.resolve();
    if (!ready(draft, s, c.org)) {
      // Pressed while the quote for what was just typed is on its way: confirm once it is here,
      // unless it asks for consent first. One press, one change.
      this.#edit({ confirmWhenQuoted: true });
      this.#quote({}, 0);
      return Promise.resolve();
    }
    const scope = c.scope;
    const action = confirmAction(draft);
    const patch = (body: SubscriptionUpdate) => this.#mutate(action, s, () => updateSubscription(scope, s.id, body));
    if (draft.kind === 'plan') return patch({ product_id: draft.productId! });
    if (draft.kind === 'seats') return patch({ seats: draft.seats! });
    if (draft.kind === 'pause') {
      return patch({ pause_at_period_end: true, resumes_at: draft.resumesAt ? new Date(`${draft.resumesAt}T12:00:00Z`).toISOString() : null });
    }
    const reasons = { cancellation_reason: draft.reason ?? null, cancellation_comment: draft.comment?.trim() || null };
    const immediate = action === 'revoke';
    const run = () =>
      immediate ? this.#mutate(action, s, () => revokeSubscription(scope, s.id, reasons)) : patch({ cancel_at_period_end: true, ...reasons });
    const detail = { subscriptionId: s.id, reason: reasons.cancellation_reason, comment: reasons.cancellation_comment, immediate, proceed: run };
    if (c.emit('portal-before-cancel', detail)) return run();
    // The host runs its own flow first; `proceed()` holds the choices.
    this.#set(undefined);
    return Promise.resolve();
  }

  /**
   * Sets the plan or seat count and asks Polar what it costs, `delay` ms after the last change
   * (typing waits for a pause); a newer choice aborts the request for an older one. A quote
   * already here for this choice is kept.
   */
  #quote(patch: Partial<Draft>, delay = 0): void {
    const consent = patch.productId === undefined && patch.seats === undefined && !!this.#draft?.consent;
    this.#edit({ ...patch, consent });
    clearTimeout(this.#previewTimer);
    const { scope, find } = this.#context();
    const draft = this.#draft;
    if (!draft || !scope || currentPreview(draft)) return this.#confirmIfAsked();
    if (draft.kind === 'plan' ? !draft.productId : !seatsValid(draft) || draft.seats === find(draft.id)?.seats) return;
    const body = draft.kind === 'plan' ? { product_id: draft.productId! } : { seats: draft.seats! };
    const key = previewKey(draft);
    this.#previewTimer = setTimeout(() => {
      this.#previewRequest?.abort();
      const request = (this.#previewRequest = new AbortController());
      previewChange(scope, draft.id, body, request.signal).then(
        (preview) => {
          if (this.#draft && previewKey(this.#draft) === key) this.#edit({ preview, previewOf: key });
          this.#confirmIfAsked();
        },
        (error) => request.signal.aborted || this.#edit({ error: this.#describe(error), confirmWhenQuoted: false }),
      );
    }, delay);
  }

  /** Confirms a press that came before its quote, once the quote is here and asks nothing more. */
  #confirmIfAsked(): void {
    const draft = this.#draft;
    if (!draft?.confirmWhenQuoted || !currentPreview(draft)) return;
    this.#edit({ confirmWhenQuoted: false });
    this.#confirm().catch(() => undefined);
  }

  /** The seat field changed: typed text (quoted after a pause), or a step of the − and + buttons. */
  #setSeats(text: string, step = 0): void {
    const draft = this.#draft;
    const floor = draft?.floor ?? 1;
    const seats = step ? Math.max(floor, (draft && seatsValid(draft) ? draft.seats! : floor) + step) : text.trim() ? Number(text) : NaN;
    this.#quote({ seats, seatsText: step ? String(seats) : text, confirmWhenQuoted: false }, step ? 150 : 400);
  }

  // Rendering ----------------------------------------------------------------

  /** The dialog while one is open; nothing otherwise. */
  render() {
    const c = this.#context();
    const { t } = c;
    const draft = this.#draft;
    const s = draft && c.find(draft.id);
    if (!draft || draft.suspended || !s || !c.signedIn) return nothing;
    return html`<dialog part="dialog" aria-labelledby="${this.#uid}-dh" @close=${() => !this.#draft?.suspended && this.#set(undefined)}>
      <form novalidate @submit=${(e: Event) => { e.preventDefault(); this.#confirm().catch(() => undefined); }}>
        <h2 id="${this.#uid}-dh">${t.subAction(draft.kind)}: ${s.product.name}</h2>
        ${draft.kind === 'cancel'
          ? this.#renderCancel(c, draft, s)
          : draft.kind === 'plan'
            ? this.#renderPlan(c, draft, s)
            : draft.kind === 'seats'
              ? this.#renderSeats(c, draft, s)
              : this.#renderPause(c, draft, s)}
        ${alert(draft.error)}
        <div class="actions">
          <button class=${draft.kind === 'cancel' ? 'danger' : 'primary'} type="submit"
            aria-disabled=${draft.pending || blocked(draft, s, c.org) ? 'true' : 'false'}>
            ${draft.pending || draft.confirmWhenQuoted ? html`${inlineSpinner} ` : nothing}${t.subAction(confirmAction(draft))}
          </button>
          <button type="button" @click=${() => this.#modal.close()}>${draft.kind === 'cancel' ? t.keepSubscription : t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** A labelled control of the dialog; its id is `<uid>-<name>`, its hint or error `<uid>-<name>-hint`. */
  #field(name: string, label: string, control: unknown, hint: string, error?: string) {
    return html`<div class="field"><label for="${this.#uid}-${name}">${label}</label>${control}
      <p id="${this.#uid}-${name}-hint" class=${error ? 'error' : 'hint'}>${error || hint}</p></div>`;
  }

  #renderCancel({ t, locale }: SubscriptionChangeHost, draft: Draft, s: Subscription) {
    const revoke = draft.cancelPreview?.stops_collection;
    return html`
      ${revoke
        ? html`<p class="warning" part="warning">${t.revokeWarning(formatMoney(locale, draft.cancelPreview?.outstanding_amount ?? 0, s.currency))}</p>`
        : s.status === 'paused'
          ? // A paused subscription has no period running: cancelling means it will not resume (subscription/service.py `_perform_cancellation`).
            html`<p>${t.cancelPausedIntro(s.product.name, s.resumes_at ? formatDate(locale, s.resumes_at) : '')}</p>`
          : html`<p>${t.cancelIntro(s.product.name, formatDate(locale, s.current_period_end))}</p>`}
      <fieldset>
        <legend>${t.reasonLegend}</legend>
        ${REASONS.map((reason) => choice('radio', 'reason', draft.reason === reason, () => this.#edit({ reason }), t.reason(reason)))}
      </fieldset>
      <div class="field"><label for="${this.#uid}-comment">${t.commentLabel}</label>
        <textarea id="${this.#uid}-comment" rows="3" maxlength="1000" .value=${draft.comment ?? ''} @input=${(e: Event) => this.#edit({ comment: value(e) })}></textarea></div>
    `;
  }

  #renderPlan(c: SubscriptionChangeHost, draft: Draft, s: Subscription) {
    const { t } = c;
    const plans = eligiblePlans(c.org, s);
    const chosen = plans.find((p) => p.id === draft.productId);
    const lacks = (product: { benefits: { id: string }[] }) => (b: { id: string }) => !product.benefits.some((x) => x.id === b.id);
    return html`
      <fieldset>
        <legend>${t.planLegend}</legend>
        ${plans.length
          ? plans.map((p) =>
              choice('radio', 'plan', draft.productId === p.id, () => this.#quote({ productId: p.id }),
                html`<span>${p.name} <span class="hint">${perInterval(t, c.locale, listPrice(p, s.seats), s.currency, p)}</span></span>`),
            )
          : html`<p>${t.noPlans}</p>`}
      </fieldset>
      ${chosen
        ? // Under the dialog's h2: the lists' headings are the next level.
          html`${benefitList(t.gains, chosen.benefits.filter(lacks(s.product)), 3)}${benefitList(t.loses, s.product.benefits.filter(lacks(chosen)), 3)}
            ${this.#renderQuote(c, draft, s, listPrice(chosen, s.seats), chosen)}`
        : nothing}
    `;
  }

  #renderSeats(c: SubscriptionChangeHost, draft: Draft, s: Subscription) {
    const { t } = c;
    const floor = draft.floor ?? 1;
    const valid = seatsValid(draft);
    const seats = valid ? draft.seats! : (s.seats ?? floor);
    const id = `${this.#uid}-seats`;
    // A whole number typed below the floor, or not a number: said at the field as soon as typed.
    const error = draft.seatsText !== undefined && !valid ? t.seatsAtLeast(floor) : undefined;
    return html`
      ${this.#field('seats', t.seatsLabel, html`<div class="row">
          <button type="button" aria-label=${t.fewerSeats} ?disabled=${valid && seats <= floor} @click=${() => this.#setSeats('', -1)}>−</button>
          <input id=${id} inputmode="numeric" autocomplete="off" .value=${draft.seatsText ?? String(seats)}
            aria-describedby="${id}-hint" aria-invalid=${error ? 'true' : 'false'} @input=${(e: Event) => this.#setSeats(value(e))} />
          <button type="button" aria-label=${t.moreSeats} @click=${() => this.#setSeats('', 1)}>+</button>
        </div>`, t.seatsFloor(floor, !!draft.byPlan), error)}
      ${!valid || seats === s.seats ? nothing : this.#renderQuote(c, draft, s, listPrice(s, seats))}
    `;
  }

  #renderPause({ t, locale }: SubscriptionChangeHost, draft: Draft, s: Subscription) {
    const min = earliestResume(s);
    // A date before the earliest is said at once, not after a press on Pause.
    const error = draft.resumesAt && draft.resumesAt < min ? t.resumeAfter(formatDate(locale, s.current_period_end)) : undefined;
    return html`
      <p>${t.pauseIntro(formatDate(locale, s.current_period_end))}</p>
      ${this.#field('resume', t.resumeOnLabel, html`<input id="${this.#uid}-resume" type="date" min=${min} .value=${draft.resumesAt ?? ''}
        aria-describedby="${this.#uid}-resume-hint" aria-invalid=${error ? 'true' : 'false'}
        @input=${(e: Event) => this.#edit({ resumesAt: value(e) })} />`, t.resumeHint, error)}
    `;
  }

  /**
   * The new recurring price, then what the change costs line by line from the change-preview
   * (credit for unused time, the new plan's charge, tax) ending in what is due today or at the
   * next charge; consent to a charge now.
   */
  #renderQuote({ t, locale, org }: SubscriptionChangeHost, draft: Draft, s: Subscription, newAmount: number, plan?: Interval) {
    const p = currentPreview(draft);
    if (!p) return html`<div role="status" part="quote" class="status">${inlineSpinner} ${t.calculating}</div>`;
    const now = chargesNow(draft, s, org);
    const money = (amount: number) => formatMoney(locale, amount, s.currency);
    return html`
      <div role="status" part="quote">
        <dl>${amountRow(t.newPrice, perInterval(t, locale, newAmount, s.currency, plan ?? s), true)}</dl>
        ${chargeList(t, money, p, now ? t.dueToday : t.nextChargeOn(formatDate(locale, s.current_period_end)))}
        ${now ? nothing : html`<dl>${amountRow(t.dueToday, money(0))}</dl>`}
      </div>
      ${now && p.due_amount > 0
        ? choice('checkbox', 'consent', !!draft.consent, (e) => this.#edit({ consent: (e.target as HTMLInputElement).checked }), t.consent(money(p.due_amount)))
        : nothing}
    `;
  }
}
