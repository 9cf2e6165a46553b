import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalApiError } from '../../api/errors.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { SubscriptionChange } from '../../controllers/subscription-change.js';
import { definePortalElement } from '../../internal/define.js';
import { formatDate } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { confirmDialog, pager, pill, searchField, sortHeader, type Tone } from '../../internal/templates.js';
import { canManageBilling } from '../../state/billing.js';
import { isRevoking } from '../../state/members.js';
import {
  refreshSeats, resendSeat, revokeSeat, seatAccessResource, seatOrdersResource, seatsResource, subscriptionTargets,
  type Seat, type SeatsList, type SeatTarget,
} from '../../state/seats.js';
import { actionsFor, subscriptionsResource, type Subscription } from '../../state/subscriptions.js';
import { hostStyles } from '../../styles/host.styles.js';
import { subscriptionChangeStyles } from '../../styles/subscription-change.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { toolbarStyles } from '../../styles/toolbar.styles.js';
import { AssignSeats } from './assign-seats.js';
import { seatsStyles } from './portal-seats.styles.js';
import { SeatRows, seatDetail, STATUSES, type Row, type SortKey } from './seat-rows.js';
import type { TableSort } from '../../internal/table-view.js';

/** Rows rendered at once; search, filter and sort run over all seats in memory. */
const PAGE = 25;
/** Claimed seats are fine; a seat being taken away asks attention; invitations and revoked seats are neutral. */
const TONE: Record<string, Tone> = { claimed: 'good', revoking: 'bad' };

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
 * @csspart dialog - The assign, revoke and seat-count dialogs.
 * @csspart pager - Previous / next page.
 * @csspart quote - Amounts of a seat change before confirming.
 * @csspart spinner - Loading indicator.
 * @csspart error - Load errors.
 * @csspart empty - No seat-based purchase.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints, dates and secondary text.
 * @cssproperty [--portal-color-surface=#ffffff] - Inputs and dialogs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders and table rules.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons and claimed seats.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors and the revoke button.
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
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
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
  /** One action at a time (`row:<seat id>`, `revoke`), each outcome at its place. */
  readonly #actions = new ActionController(this, () => this.t);
  readonly #modal: ModalController = new ModalController(this, {
    // A revoked seat has no Revoke button any more: the search box is the place to go on from.
    fallback: () => this.renderRoot.querySelector<HTMLElement>('#q'),
    busy: (): boolean => this.#actions.busy === 'revoke' || this.#change.pending,
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
      notify: (_, text, error) => (error ? this.#actions.fail('summary', text) : this.#actions.succeed('summary', text)),
    }),
    this.#modal,
  );
  readonly #table = new SeatRows();

  /** Shows the seats of this subscription. */
  @property({ attribute: 'subscription-id' }) subscriptionId = '';
  /** Shows the seats of this one-time order (when no `subscription-id` is set). */
  @property({ attribute: 'order-id' }) orderId = '';

  @state() private picked = '';
  @state() private query = '';
  @state() private filter = '';
  @state() private sort: TableSort<SortKey> = { key: 'status', dir: 1 };
  @state() private page = 0;
  /** The sign-in link that could not be copied, shown in its row to copy by hand. */
  @state() private copyLink: { id: string; url: string } | undefined;
  @state() private dialog: 'assign' | 'revoke' | undefined;
  @state() private revoking: Row | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#table.update(this.#seats.value?.data?.seats, this.sort, this.resolvedLocale, this.query, this.filter);
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

  #setSort(key: SortKey): void {
    this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : 1 };
    this.page = 0;
  }

  #handleResend(row: Row): void {
    const scope = this.scope;
    const at = `row:${row.seat.id}`;
    if (!scope) return;
    void this.#actions.run(at, async () => {
      try {
        const seat = await resendSeat(scope, row.seat.id);
        this.#actions.succeed(at, this.t.seatsDone('resent', row.email));
        this.emit('portal-seat-resent', seatDetail(seat, row.email));
      } catch (error) {
        // Accepted or revoked meanwhile: say so, and show the list as it is now.
        if (!(error instanceof PortalApiError && error.code === 'SeatNotPending')) throw error;
        this.#actions.fail(at, this.t.seatsDone('stale', ''));
        const target = this.#target;
        if (target) refreshSeats(scope, target);
      }
    });
  }

  /** A link to this page that `<portal-login>` opens with the email filled in. */
  async #handleCopy(row: Row): Promise<void> {
    const url = new URL(location.href);
    url.searchParams.set('portal-email', row.email);
    const at = `row:${row.seat.id}`;
    try {
      await navigator.clipboard.writeText(url.href);
      this.copyLink = undefined;
      this.#actions.succeed(at, this.t.seatsDone('copied', ''));
    } catch {
      // No clipboard here (permissions, engine): the link in a field, selected, to copy by hand.
      this.copyLink = { id: row.seat.id, url: url.href };
      this.#actions.succeed(at, this.t.seatsCopyByHand);
      this.focusNext(`input[data-link="${row.seat.id}"]`);
    }
  }

  #handleAskRevoke(row: Row): void {
    const proceed = () => {
      this.revoking = row;
      this.#openDialog('revoke');
    };
    if (this.emit('portal-before-revoke-seat', { ...seatDetail(row.seat, row.email), proceed })) proceed();
  }

  #handleRevoke(): void {
    const scope = this.scope;
    const row = this.revoking;
    if (!scope || !row) return;
    void (async () => {
      let seat: Seat | undefined;
      if (!(await this.#actions.run('revoke', async () => (seat = await revokeSeat(scope, row.seat.id))))) return;
      // Closed once the request is over (a running one holds the dialog open).
      this.#modal.close();
      this.#actions.succeed('list', this.t.seatsDone('revoked', row.email));
      this.emit('portal-seat-revoked', seatDetail(seat!, row.email));
    })();
  }

  #openDialog(dialog: 'assign' | 'revoke'): void {
    this.#actions.clear('revoke');
    if (dialog === 'assign') this.#assign.open();
    this.dialog = dialog;
  }

  #handleDialogClose(): void {
    if (this.dialog === 'assign') this.#assign.cancel();
    this.dialog = undefined;
  }

  #moreSeats(sub: Subscription, seats: number): void {
    this.#actions.clear('summary');
    void this.#change.open('seats', sub, seats);
  }

  protected override render() {
    const t = this.t;
    const gate = this.gate(this.#assign.kept ? `${t.seatsSignedOut} ${t.seatsKept}` : t.seatsSignedOut);
    if (gate) return gate;
    const explicit = this.subscriptionId || this.orderId;
    return html`<section part="base" aria-labelledby="seats-h">
      ${this.heading(t.seatsHeading, 'seats-h')}
      ${explicit ? nothing : this.#renderPicker()}
      ${this.#target ? resourceView(t, this.#seats.value, { ready: (d) => this.#renderSeats(d), retry: () => this.#seats.retry() }) : nothing}
      ${this.#renderAccess()} ${this.#change.render()}
    </section>`;
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
                <option value="" ?selected=${!key}>${t.choose}</option>
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
    const counts = this.#table.counts();
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = view.slice(page * PAGE, page * PAGE + PAGE);
    return html`
      <div class="summary" part="header">
        <dl>
          ${[used, list.total_seats, list.available_seats].map((n, i) => html`<div><dt>${t.seatsSummary[i]}</dt><dd>${n}</dd></div>`)}
        </dl>
        <div class="actions">
          ${manage && list.available_seats > 0 ? html`<button class="primary" @click=${() => this.#openDialog('assign')}>${t.seatsAssign}</button>` : nothing}
          ${more
            ? html`<button class=${list.available_seats > 0 ? 'quiet' : 'primary'} @click=${() => this.#moreSeats(sub, list.total_seats + 1)}>
                ${list.available_seats > 0 ? t.seatsNeedMore : t.seatsAdd}
              </button>`
            : nothing}
        </div>
      </div>
      ${manage && !list.available_seats && !more ? html`<p class="hint">${t.seatsFull}</p>` : nothing}
      ${this.#actions.outcomeAt('summary')}
      <div class="row">
        ${searchField('q', t.seatsSearch, this.query, 'shown', (query) => {
          this.query = query;
          this.page = 0;
        })}
        <div class="field">
          <label for="f">${t.seatsStatus}</label>
          <select id="f" @change=${(e: Event) => {
            this.filter = (e.target as HTMLSelectElement).value;
            this.page = 0;
          }}>
            <option value="" ?selected=${!this.filter}>${t.seatsAll(this.#table.rows.length)}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${t.countOf(t.seatStatus(s), counts[s])}</option>`)}
          </select>
        </div>
      </div>
      <p class="hint" id="shown" role="status">${t.shownOf(page * PAGE + 1, page * PAGE + shown.length, view.length)}</p>
      ${this.#actions.outcomeAt('list')}
      <div class="wrap">
        <table part="list" aria-describedby="shown">
          <thead>
            <tr>
              ${sortHeader(t.seatsColumns[0], 'name', this.sort, (k) => this.#setSort(k))}
              ${sortHeader(t.seatsColumns[1], 'status', this.sort, (k) => this.#setSort(k))}
              ${sortHeader(t.seatsColumns[2], 'date', this.sort, (k) => this.#setSort(k))}
              ${manage ? html`<th scope="col"><span class="visually-hidden">${t.seatsColumns[3]}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${shown.map((row) => this.#renderRow(row, manage))}
          </tbody>
        </table>
      </div>
      ${pager(t, t.seatsLabel, page + 1, pages, (p) => {
        this.page = p - 1;
        this.focusNext('tbody tr:first-child [data-first]');
      })}
      ${manage ? this.#renderDialog(list) : nothing}
    `;
  }

  #renderRow(row: Row, manage: boolean) {
    const t = this.t;
    const { seat, name, email, date } = row;
    // A removed member's seats stay theirs until Polar's background job revokes them.
    const leaving = seat.status !== 'revoked' && !!this.scope && isRevoking(this.scope, seat.member_id);
    const status = leaving ? 'revoking' : seat.status;
    const link = this.copyLink?.id === seat.id ? this.copyLink.url : undefined;
    return html`<tr part="item">
      <td data-label=${t.seatsColumns[0]}>
        <div data-first tabindex="-1">${email ? name || email : html`<span class="hint">${t.seatRevokedLabel}</span>`}</div>
        ${name && email ? html`<div class="hint">${email}</div>` : nothing}
        ${this.#actions.outcomeAt(`row:${seat.id}`)}
        ${link ? html`<input readonly data-link=${seat.id} aria-label=${t.forWho(t.seatsCopy, email)} .value=${link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />` : nothing}
      </td>
      <td data-label=${t.seatsColumns[1]}>${pill(t.seatStatus(status), TONE[status] ?? '')}</td>
      <td data-label=${t.seatsColumns[2]}>${date ? t.seatsDate(seat.status, formatDate(this.resolvedLocale, date), Date.parse(date) < Date.now()) : ''}</td>
      ${manage
        ? html`<td class="actions"><div>
            ${seat.status === 'pending' && !leaving
              ? html`<button class="quiet" aria-label=${t.forWho(t.seatsResend, email)} aria-disabled=${this.#actions.busy === `row:${seat.id}` ? 'true' : 'false'} @click=${() => this.#handleResend(row)}>
                  ${t.seatsResend}
                </button>`
              : nothing}
            ${seat.status !== 'revoked' && !leaving
              ? html`<button class="quiet" aria-label=${t.forWho(t.seatsCopy, email)} @click=${() => this.#handleCopy(row)}>${t.seatsCopy}</button>
                  <button class="quiet danger" aria-label=${t.forWho(t.seatsRevoke, email)} @click=${() => this.#handleAskRevoke(row)}>${t.seatsRevoke}</button>`
              : nothing}
          </div></td>`
        : nothing}
    </tr>`;
  }

  /** The assign or revoke dialog, while one is open. */
  #renderDialog(list: SeatsList) {
    const t = this.t;
    if (!this.dialog) return nothing;
    if (this.dialog === 'assign') {
      return html`<dialog id="assign" part="dialog" aria-labelledby="assign-h" @close=${this.#handleDialogClose}>${this.#assign.render(list, () => this.#modal.close())}</dialog>`;
    }
    const email = this.revoking?.email ?? '';
    // Revoking your own seat takes your own access: said as a warning.
    const own = email.toLowerCase() === this.session?.user?.email.toLowerCase();
    const busy = this.#actions.busy === 'revoke';
    return confirmDialog({
      id: 'revoke', title: t.seatsRevokeHeading, body: own ? undefined : t.seatsRevokeBody(email), warning: own ? t.seatsRevokeOwn : undefined,
      confirm: busy ? t.saving : t.seatsRevoke, cancel: t.cancel, danger: true, busy, outcome: this.#actions.outcomeAt('revoke'),
      onConfirm: () => this.#handleRevoke(), onCancel: () => this.#modal.close(), onClose: () => this.#handleDialogClose(),
    });
  }

  #renderAccess() {
    const items = this.#access.value?.data?.items;
    if (!items?.length) return nothing;
    return html`<section aria-labelledby="access-h">
      <h3 aria-level=${this.level(1)} id="access-h">${this.t.seatsAccess}</h3>
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
