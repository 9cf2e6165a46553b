import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalApiError } from '../../api/errors.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { SubscriptionChange } from '../../controllers/subscription-change.js';
import { definePortalElement } from '../../internal/define.js';
import { errorMessage } from '../../internal/error-message.js';
import { formatDate } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { pager } from '../../internal/templates.js';
import { canManageBilling } from '../../state/billing.js';
import {
  refreshSeats, resendSeat, revokeSeat, seatAccessResource, seatOrdersResource, seatsResource, subscriptionTargets,
  type SeatsList, type SeatTarget,
} from '../../state/seats.js';
import { actionsFor, subscriptionsResource } from '../../state/subscriptions.js';
import { hostStyles } from '../../styles/host.styles.js';
import { subscriptionChangeStyles } from '../../styles/subscription-change.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { toolbarStyles } from '../../styles/toolbar.styles.js';
import { AssignSeats } from './assign-seats.js';
import { seatsStyles } from './portal-seats.styles.js';
import { SeatRows, seatDetail, STATUSES, type Row, type SortKey } from './seat-rows.js';

/** Rows rendered at once; search, filter and sort run over all seats in memory. */
const PAGE = 50;

/**
 * @summary Seats of a seat-based subscription or one-time order: who holds them, invitations,
 * assigning many addresses at once, resending, revoking, and the user's own team seat access.
 * @tag portal-seats
 * @status stable
 * @since 0.1
 *
 * Without `subscription-id` or `order-id` it lists the customer's seat-based purchases and
 * lets the user pick one (one is picked by itself). Team `member`s see the seats read-only.
 * Lists of thousands of seats stay fast: 50 rows render at a time; search, status filter and
 * sort run over all of them.
 *
 * @slot empty - Shown when the customer has no seat-based purchase.
 *
 * @csspart base - The wrapper.
 * @csspart header - Seat counts and the main actions.
 * @csspart body - The seats, once loaded.
 * @csspart list - The seats table and the team-access list.
 * @csspart item - One seat row.
 * @csspart form - The assign and seat-count forms.
 * @csspart submit - Their primary buttons.
 * @csspart status - Confirmations.
 * @csspart pager - Previous / next page.
 * @csspart dialog - The seat-count dialog.
 * @csspart quote - Amounts of a seat change before confirming.
 * @csspart spinner - Loading indicator.
 * @csspart error - Load errors.
 * @csspart empty - No seat-based purchase.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=#1b1d22] - Body text.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints, dates and secondary text.
 * @cssproperty [--portal-color-surface=#ffffff] - Inputs and dialogs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders and table rules.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons and claimed seats.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 *
 * @cssstate theme-light - The configured theme is light.
 * @cssstate theme-dark - The configured theme is dark.
 *
 * @event {PortalEvent<'portal-seat-assigned'>} portal-seat-assigned - A seat was assigned and an invitation sent.
 * @event {PortalEvent<'portal-seat-revoked'>} portal-seat-revoked - A seat was revoked.
 * @event {PortalEvent<'portal-seat-resent'>} portal-seat-resent - An invitation was sent again.
 * @event {PortalEvent<'portal-before-revoke-seat'>} portal-before-revoke-seat - Cancelable, before the revoke
 * confirmation; `event.detail.proceed()` opens it after `preventDefault()`.
 * @event {PortalEvent<'portal-subscription-seats-changed'>} portal-subscription-seats-changed - The seat count
 * changed ("Need more seats?"), after `portal-subscription-updated`, as in `<portal-subscriptions>`.
 * @event {PortalEvent<'portal-subscription-updated'>} portal-subscription-updated - The subscription changed.
 */
export class PortalSeats extends PortalElement {
  static override styles = [hostStyles, toolbarStyles, tableStyles, subscriptionChangeStyles, seatsStyles];

  readonly #subs = this.watch((scope) => !this.orderId && subscriptionsResource(scope));
  readonly #orders = this.watch((scope) => this.#billing && !this.subscriptionId && !this.orderId && seatOrdersResource(scope));
  readonly #seats = this.watch((scope) => {
    const target = this.#target;
    return target && seatsResource(scope, target);
  });
  readonly #access = this.watch(seatAccessResource);
  readonly #org = this.watch((scope) => scope.organization);
  readonly #modal: ModalController = new ModalController(this, {
    // A revoked seat has no Revoke button any more: the search box is the place to go on from.
    fallback: () => this.renderRoot.querySelector<HTMLElement>('#q'),
    busy: (): boolean => this.busy === 'revoke' || this.#change.pending,
  });
  readonly #assign = new AssignSeats(this, () => ({
    ...this.context(),
    target: this.#target,
    list: this.#seats.value?.data,
    held: () => this.#table.held(),
  }));
  readonly #change: SubscriptionChange = new SubscriptionChange(
    this,
    'seats-change',
    () => ({
      ...this.context(),
      org: this.#org.value?.data,
      find: (id) => this.#subs.value?.data?.items.find((s) => s.id === id),
      notify: (_, text) => (this.notice = text),
    }),
    this.#modal,
  );

  /** Shows the seats of this subscription. */
  @property({ attribute: 'subscription-id' }) subscriptionId = '';
  /** Shows the seats of this one-time order (when no `subscription-id` is set). */
  @property({ attribute: 'order-id' }) orderId = '';

  @state() private picked = '';
  @state() private query = '';
  @state() private filter = '';
  @state() private sortKey: SortKey = 'status';
  @state() private sortDir = 1;
  @state() private page = 0;
  @state() private notice = '';
  @state() private rowNote: { id: string; text: string; error?: boolean; link?: string } | undefined;
  /** What is in flight: a seat id (resend) or `revoke`. */
  @state() private busy = '';
  @state() private dialog: 'assign' | 'revoke' | undefined;
  @state() private revoking: Row | undefined;
  @state() private dialogError = '';

  readonly #table = new SeatRows();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#table.update(this.#seats.value?.data?.seats, this.sortKey, this.sortDir, this.resolvedLocale, this.query, this.filter);
  }

  /** Customer sessions and owner/billing_manager members may change seats; a `member` only looks. */
  get #billing(): boolean {
    return canManageBilling(this.session);
  }

  get #targets(): SeatTarget[] {
    return [...subscriptionTargets(this.#subs.value?.data?.items ?? []), ...(this.#orders.value?.data ?? [])];
  }

  /** The purchase shown: the attribute's, the one picked, or the only one there is. */
  get #target(): SeatTarget | undefined {
    if (this.orderId) return { kind: 'order', id: this.orderId, name: '' };
    const targets = this.#targets;
    if (this.subscriptionId) return targets.find((x) => x.id === this.subscriptionId) ?? { kind: 'subscription', id: this.subscriptionId, name: '' };
    return targets.find((x) => `${x.kind}:${x.id}` === this.picked) ?? (targets.length === 1 ? targets[0] : undefined);
  }

  #note(id: string, text: string, error = false, link?: string): void {
    this.rowNote = { id, text, error, link };
    this.notice = text;
  }

  #handleSort(key: SortKey): void {
    this.sortDir = this.sortKey === key ? -this.sortDir : 1;
    this.sortKey = key;
    this.page = 0;
  }

  async #handleResend(row: Row): Promise<void> {
    const scope = this.scope;
    if (!scope || this.busy) return;
    this.busy = row.seat.id;
    try {
      const seat = await resendSeat(scope, row.seat.id);
      this.#note(seat.id, this.t.seatsDone('resent', row.email));
      this.emit('portal-seat-resent', seatDetail(seat, row.email));
    } catch (error) {
      const stale = error instanceof PortalApiError && error.code === 'SeatNotPending';
      this.#note(row.seat.id, stale ? this.t.seatsDone('stale', '') : errorMessage(this.t, error), true);
      const target = this.#target;
      if (stale && target) refreshSeats(scope, target);
    } finally {
      this.busy = '';
    }
  }

  /** A link to this page that `<portal-login>` opens with the email filled in. */
  async #handleCopy(row: Row): Promise<void> {
    const url = new URL(location.href);
    url.searchParams.set('portal-email', row.email);
    try {
      await navigator.clipboard.writeText(url.href);
      this.#note(row.seat.id, this.t.seatsDone('copied', ''));
    } catch {
      this.#note(row.seat.id, this.t.seatsCopy, false, url.href);
    }
  }

  #handleAskRevoke(row: Row): void {
    const proceed = () => {
      this.revoking = row;
      this.#openDialog('revoke');
    };
    if (this.emit('portal-before-revoke-seat', { ...seatDetail(row.seat, row.email), proceed })) proceed();
  }

  async #handleRevoke(): Promise<void> {
    const scope = this.scope;
    const row = this.revoking;
    if (!scope || !row || this.busy) return;
    this.busy = 'revoke';
    try {
      const seat = await revokeSeat(scope, row.seat.id);
      this.busy = '';
      this.#modal.close();
      this.#note(seat.id, this.t.seatsDone('revoked', row.email));
      this.emit('portal-seat-revoked', seatDetail(seat, row.email));
    } catch (error) {
      this.dialogError = errorMessage(this.t, error);
    } finally {
      this.busy = '';
    }
  }

  #openDialog(dialog: 'assign' | 'revoke'): void {
    this.dialogError = '';
    this.dialog = dialog;
  }

  #handleDialogClose(): void {
    if (this.dialog === 'assign') this.#assign.cancel();
    this.dialog = undefined;
  }

  protected override render() {
    const t = this.t;
    const gate = this.gate(this.#assign.kept ? `${t.seatsSignedOut} ${t.seatsKept}` : t.seatsSignedOut);
    if (gate) return gate;
    const notice = html`<p role="status" class="status" part="status">${this.notice}</p>`;
    const explicit = this.subscriptionId || this.orderId;
    return html`<div part="base">
      ${explicit ? nothing : this.#renderPicker()}
      ${this.#target ? resourceView(t, this.#seats.value, { ready: (d) => this.#renderSeats(d), retry: () => this.#seats.retry() }) : nothing}
      ${this.#renderAccess()} ${notice} ${this.#change.render()}
    </div>`;
  }

  #renderPicker() {
    const t = this.t;
    const targets = this.#targets;
    const target = this.#target;
    const key = target ? `${target.kind}:${target.id}` : '';
    return resourceView(t, this.#subs.value, {
      retry: () => this.#subs.retry(),
      isEmpty: () => !targets.length && !this.#orders.value?.loading,
      empty: () => html`<p class="hint">${t.seatsNone}</p>`,
      ready: () =>
        targets.length > 1
          ? html`<div class="field">
              <label for="pick">${t.seatsPurchase}</label>
              <select id="pick" @change=${(e: Event) => (this.picked = (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!key}></option>
                ${targets.map((x) => html`<option value="${x.kind}:${x.id}" ?selected=${key === `${x.kind}:${x.id}`}>${x.name}</option>`)}
              </select>
            </div>`
          : nothing,
    });
  }

  #renderSeats(list: SeatsList) {
    const t = this.t;
    const manage = this.#billing;
    const sub = this.#target?.subscription;
    const more = manage && sub && actionsFor(sub, this.#org.value?.data, true).changeSeats;
    const used = list.total_seats - list.available_seats;
    const view = this.#table.view;
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = view.slice(page * PAGE, page * PAGE + PAGE);
    return html`
      <div class="summary" part="header">
        <dl>
          ${[used, list.total_seats, list.available_seats].map((n, i) => html`<div><dt>${t.seatsSummary[i]}</dt><dd>${n}</dd></div>`)}
        </dl>
        ${more
          ? html`<button class="link" @click=${() => {
              this.notice = '';
              void this.#change.open('seats', sub, list.total_seats + 1);
            }}>${t.seatsNeedMore}</button>`
          : nothing}
        ${manage ? html`<button class="primary" @click=${() => this.#openDialog('assign')}>${t.seatsAssign}</button>` : nothing}
      </div>
      <div class="row">
        <div class="field grow">
          <label for="q">${t.seatsSearch}</label>
          <input id="q" type="search" .value=${this.query} @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
            this.page = 0;
          }} />
        </div>
        <div class="field">
          <label for="f">${t.seatsStatus}</label>
          <select id="f" @change=${(e: Event) => {
            this.filter = (e.target as HTMLSelectElement).value;
            this.page = 0;
          }}>
            <option value="" ?selected=${!this.filter}>${t.seatsAll(this.#table.rows.length)}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${t.seatStatus(s)} (${this.#table.counts[s]})</option>`)}
          </select>
        </div>
      </div>
      <p class="hint" id="shown">${t.seatsShowing(page * PAGE + 1, page * PAGE + shown.length, view.length)}</p>
      <div class="wrap">
        <table part="list" aria-describedby="shown">
          <thead>
            <tr>
              ${this.#renderTh(0, 'name')} ${this.#renderTh(1, 'status')} ${this.#renderTh(2, 'date')}
              ${manage ? html`<th scope="col">${t.seatsColumns[3]}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${shown.map((row) => this.#renderRow(row, manage))}
          </tbody>
        </table>
      </div>
      ${pager(t, t.seatsLabel, page + 1, pages, (p) => (this.page = p - 1))}
      ${manage ? this.#renderDialog(list) : nothing}
    `;
  }

  #renderTh(index: number, key: SortKey) {
    const sort = this.sortKey === key ? (this.sortDir > 0 ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${sort}>
      <button @click=${() => this.#handleSort(key)}>${this.t.seatsColumns[index]}</button>
    </th>`;
  }

  #renderRow(row: Row, manage: boolean) {
    const t = this.t;
    const { seat, name, email, date } = row;
    const s = seat.status;
    const note = this.rowNote?.id === seat.id ? this.rowNote : undefined;
    return html`<tr part="item">
      <td>
        ${name ? html`<div>${name}</div>` : nothing}
        <div class=${name ? 'hint' : ''}>${email}</div>
        ${note
          ? html`<p class=${note.error ? 'error' : 'status'}>
              ${note.text}
              ${note.link ? html`<input readonly aria-label=${t.forWho(t.seatsCopy, email)} .value=${note.link} />` : nothing}
            </p>`
          : nothing}
      </td>
      <td><span class="pill ${s}">${t.seatStatus(s)}</span></td>
      <td>${date ? t.seatsDate(s, formatDate(this.resolvedLocale, date), Date.parse(date) < Date.now()) : ''}</td>
      ${manage
        ? html`<td class="actions">
            ${s === 'pending'
              ? html`<button aria-label=${t.forWho(t.seatsResend, email)} aria-disabled=${this.busy === seat.id ? 'true' : 'false'} @click=${() => this.#handleResend(row)}>
                  ${t.seatsResend}
                </button>`
              : nothing}
            ${s !== 'revoked'
              ? html`<button aria-label=${t.forWho(t.seatsCopy, email)} @click=${() => this.#handleCopy(row)}>${t.seatsCopy}</button>
                  <button aria-label=${t.forWho(t.seatsRevoke, email)} @click=${() => this.#handleAskRevoke(row)}>${t.seatsRevoke}</button>`
              : nothing}
          </td>`
        : nothing}
    </tr>`;
  }

  /** The assign or revoke dialog, while one is open. */
  #renderDialog(list: SeatsList) {
    const t = this.t;
    if (!this.dialog) return nothing;
    const cancel = html`<button type="button" @click=${() => this.#modal.close()}>${t.cancel}</button>`;
    if (this.dialog === 'assign') {
      return html`<dialog id="assign" aria-labelledby="assign-h" @close=${this.#handleDialogClose}>${this.#assign.render(list, cancel)}</dialog>`;
    }
    return html`<dialog id="revoke" aria-labelledby="revoke-h" aria-describedby="revoke-p" @close=${this.#handleDialogClose}>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), this.#handleRevoke())}>
        <h2 id="revoke-h">${t.seatsRevokeHeading}</h2>
        <p id="revoke-p">${t.seatsRevokeBody(this.revoking?.email ?? '')}</p>
        <p role="alert" class="error">${this.dialogError}</p>
        <div class="actions">
          <button class="primary" part="submit" aria-disabled=${this.busy === 'revoke' ? 'true' : 'false'}>${t.seatsRevoke}</button>
          <button type="button" autofocus @click=${() => this.#modal.close()}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  #renderAccess() {
    const items = this.#access.value?.data?.items;
    if (!items?.length) return nothing;
    return html`<section aria-labelledby="access-h">
      <h2 id="access-h">${this.t.seatsAccess}</h2>
      <ul part="list">
        ${items.map((s) => html`<li>${this.t.seatsAccessItem(s.product.name, s.product.organization.name)}</li>`)}
      </ul>
    </section>`;
  }
}

definePortalElement('portal-seats', PortalSeats);

declare global {
  interface HTMLElementTagNameMap {
    'portal-seats': PortalSeats;
  }
}
