import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalApiError } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import {
  PortalBeforeRevokeSeatEvent,
  PortalSeatAssignedEvent,
  PortalSeatResentEvent,
  PortalSeatRevokedEvent,
} from '../../events/seat-events.js';
import { definePortalElement } from '../../internal/define.js';
import { errorMessage } from '../../internal/error-message.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import type { Resource, ResourceState } from '../../state/resource.js';
import type { OrganizationData } from '../../state/scope.js';
import {
  applySeat,
  assignSeat,
  parseEmails,
  resendSeat,
  revokeSeat,
  seatAccess,
  seatEmail,
  seatName,
  seatOrders,
  seatsResource,
  subscriptionTargets,
  type Seat,
  type SeatsList,
  type SeatTarget,
} from '../../state/seats.js';
import {
  actionsFor,
  changeSeats,
  previewChange,
  subscriptionsResource,
  type ChargePreview,
  type SubscriptionList,
} from '../../state/subscriptions.js';
import { hostStyles } from '../../styles/host.styles.js';
import { closeDialog, pager, refocus, showDialog } from './shared.js';
import { tableStyles } from './table.styles.js';

type AccessList = components['schemas']['ListResource_CustomerSubscription_'];
type SortKey = 'name' | 'status' | 'date';
type Outcome = 'assigned' | 'already' | 'invalid' | 'noSeat' | 'failed';
interface Result {
  email: string;
  outcome: Outcome;
  message?: string;
}
interface Row {
  seat: Seat;
  name: string;
  email: string;
  /** Lower-cased name and email, searched on each keystroke. */
  hay: string;
  /** Claimed, invitation expiry or revoked date, by status. */
  date: string;
}

/** Rows rendered at once; search, filter and sort run over all seats in memory. */
const PAGE = 50;
const STATUSES = ['claimed', 'pending', 'revoked'] as const;
const noFetch = () => Promise.reject(new Error('created by its helper'));

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
 * @event {PortalSeatAssignedEvent} portal-seat-assigned - A seat was assigned and an invitation sent.
 * @event {PortalSeatRevokedEvent} portal-seat-revoked - A seat was revoked.
 * @event {PortalSeatResentEvent} portal-seat-resent - An invitation was sent again.
 * @event {PortalBeforeRevokeSeatEvent} portal-before-revoke-seat - Cancelable, before the revoke
 * confirmation; `event.detail.proceed()` opens it after `preventDefault()`.
 */
export class PortalSeats extends PortalElement {
  static override styles = [
    hostStyles,
    tableStyles,
    css`
      .summary {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
      }
      dl {
        display: flex;
        gap: var(--_space);
        margin: 0 auto 0 0;
      }
      dt {
        color: var(--_muted);
        font-size: 0.875em;
      }
      dd {
        margin: 0;
        font-size: 1.25em;
        font-weight: 600;
      }
      table {
        table-layout: fixed;
      }
      th:first-child {
        width: 34%;
      }
      td {
        overflow-wrap: anywhere;
      }
      th button {
        border: none;
        background: none;
        padding: 0;
        font-weight: 600;
      }
      th[aria-sort='ascending'] button::after {
        content: ' ▲' / '';
      }
      th[aria-sort='descending'] button::after {
        content: ' ▼' / '';
      }
      .pill {
        border: 1px solid var(--_border);
        border-radius: 1em;
        padding: 0 0.5em;
        font-size: 0.875em;
        white-space: nowrap;
      }
      .claimed {
        color: var(--_primary);
        border-color: currentColor;
      }
      .revoked,
      td + td {
        color: var(--_muted);
      }
      .results {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 12rem;
        overflow: auto;
      }
      .results .invalid,
      .results .noSeat,
      .results .failed {
        color: var(--_danger);
      }
      textarea {
        resize: vertical;
      }
    `,
  ];

  private readonly subs = new ResourceController<SubscriptionList>(this);
  private readonly orders = new ResourceController<SeatTarget[]>(this);
  private readonly seats = new ResourceController<SeatsList>(this);
  private readonly access = new ResourceController<AccessList>(this);
  private readonly org = new StoreController<ResourceState<OrganizationData>>(this);

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
  /** The assign box: what has not been sent yet. Kept across failures, closing and sign-out. */
  @state() private draft = '';
  @state() private results: Result[] = [];
  @state() private progress: [done: number, total: number] | undefined;
  @state() private notice = '';
  @state() private rowNote: { id: string; text: string; error?: boolean; link?: string } | undefined;
  /** What is in flight: a seat id (resend), `revoke` or `count`. */
  @state() private busy = '';
  @state() private revoking: Row | undefined;
  @state() private dialogError = '';
  @state() private count = 0;
  @state() private preview: ChargePreview | undefined;

  private target: SeatTarget | undefined;
  private rows: Row[] = [];
  private view: Row[] = [];
  private counts: Record<string, number> = {};
  private memo: unknown[] = [];
  private stop = false;
  private opener: HTMLElement | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const scope = this.portal?.scope;
    this.org.setStore(scope?.organization.$state);
    void scope?.organization.load();
    const on = this.session.value?.status === 'signed-in' && scope;
    const bind = <T>(c: ResourceController<T>, make: false | undefined | (() => Resource<T>)) =>
      c.use(scope?.resources, on && make ? make().key : undefined, noFetch);
    bind(this.subs, !this.orderId && (() => subscriptionsResource(scope!)));
    bind(this.orders, this.billing && !this.subscriptionId && !this.orderId && (() => seatOrders(scope!)));
    bind(this.access, () => seatAccess(scope!));
    const targets = this.targets;
    this.target = this.orderId
      ? { kind: 'order', id: this.orderId, name: '' }
      : this.subscriptionId
        ? (targets.find((x) => x.id === this.subscriptionId) ?? { kind: 'subscription', id: this.subscriptionId, name: '' })
        : (targets.find((x) => `${x.kind}:${x.id}` === this.picked) ?? (targets.length === 1 ? targets[0] : undefined));
    const target = this.target;
    bind(this.seats, target && (() => seatsResource(scope!, target)));
    this.derive();
  }

  /** Customer sessions and owner/billing_manager members may change seats; a `member` only looks. */
  private get billing(): boolean {
    const user = this.session.value?.user;
    return user?.type === 'customer' || user?.role === 'owner' || user?.role === 'billing_manager';
  }

  private get targets(): SeatTarget[] {
    return [...subscriptionTargets(this.subs.value?.data?.items ?? []), ...(this.orders.value?.data ?? [])];
  }

  /** Sorts when the seats or the order change, filters when the search or filter change. */
  private derive(): void {
    const seats = this.seats.value?.data?.seats;
    const [s, key, dir, q, f] = this.memo;
    if (seats !== s || this.sortKey !== key || this.sortDir !== dir) {
      const collator = new Intl.Collator(this.resolvedLocale);
      this.counts = { claimed: 0, pending: 0, revoked: 0 };
      this.rows = (seats ?? []).map((seat) => {
        this.counts[seat.status]++;
        const name = seatName(seat);
        const email = seatEmail(seat);
        const date = (seat.status === 'claimed' ? seat.claimed_at : seat.status === 'pending' ? seat.invitation_token_expires_at : seat.revoked_at) ?? '';
        return { seat, name, email, hay: `${name} ${email}`.toLowerCase(), date };
      });
      const byName = (a: Row, b: Row) => collator.compare(a.name || a.email, b.name || b.email);
      const by =
        this.sortKey === 'date'
          ? (a: Row, b: Row) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
          : this.sortKey === 'name'
            ? byName
            : (a: Row, b: Row) => STATUSES.indexOf(a.seat.status) - STATUSES.indexOf(b.seat.status) || byName(a, b);
      this.rows.sort((a, b) => this.sortDir * by(a, b));
    } else if (q === this.query && f === this.filter) return;
    const needle = this.query.trim().toLowerCase();
    this.view = this.rows.filter((r) => (!this.filter || r.seat.status === this.filter) && (!needle || r.hay.includes(needle)));
    this.memo = [seats, this.sortKey, this.sortDir, this.query, this.filter];
  }

  private detail(seat: Seat, email = seatEmail(seat)) {
    return { seatId: seat.id, email, subscriptionId: seat.subscription_id, orderId: seat.order_id, status: seat.status };
  }

  private apply(seat: Seat): void {
    const resource = this.seats.current;
    if (resource) applySeat(resource, seat);
  }

  private note(id: string, text: string, error = false, link?: string): void {
    this.rowNote = { id, text, error, link };
    this.notice = text;
  }

  private async open(id: string): Promise<void> {
    this.dialogError = '';
    this.opener = await showDialog(this, id);
  }

  private handleClose(): void {
    this.stop = true;
    refocus(this, this.opener);
  }

  private handleSort(key: SortKey): void {
    this.sortDir = this.sortKey === key ? -this.sortDir : 1;
    this.sortKey = key;
    this.page = 0;
  }

  private async handleResend(row: Row): Promise<void> {
    const scope = this.portal?.scope;
    if (!scope || this.busy) return;
    this.busy = row.seat.id;
    try {
      const seat = await resendSeat(scope, row.seat.id);
      this.apply(seat);
      this.note(seat.id, this.t.seatsDone('resent', row.email));
      this.dispatchEvent(new PortalSeatResentEvent(this.detail(seat, row.email)));
    } catch (error) {
      const stale = error instanceof PortalApiError && error.code === 'SeatNotPending';
      this.note(row.seat.id, stale ? this.t.seatsDone('stale', '') : errorMessage(this.t, error), true);
      if (stale) void this.seats.current?.refresh();
    } finally {
      this.busy = '';
    }
  }

  /** A link to this page that `<portal-login>` opens with the email filled in. */
  private async handleCopy(row: Row): Promise<void> {
    const url = new URL(location.href);
    url.searchParams.set('portal-email', row.email);
    try {
      await navigator.clipboard.writeText(url.href);
      this.note(row.seat.id, this.t.seatsDone('copied', ''));
    } catch {
      this.note(row.seat.id, this.t.seatsCopy, false, url.href);
    }
  }

  private handleAskRevoke(row: Row): void {
    const proceed = () => {
      this.revoking = row;
      void this.open('revoke');
    };
    if (this.dispatchEvent(new PortalBeforeRevokeSeatEvent({ ...this.detail(row.seat, row.email), proceed }))) proceed();
  }

  private async handleRevoke(): Promise<void> {
    const scope = this.portal?.scope;
    const row = this.revoking;
    if (!scope || !row || this.busy) return;
    this.busy = 'revoke';
    try {
      const seat = await revokeSeat(scope, row.seat.id);
      this.apply(seat);
      this.opener = undefined;
      closeDialog(this, 'revoke');
      this.note(seat.id, this.t.seatsDone('revoked', row.email));
      this.dispatchEvent(new PortalSeatRevokedEvent(this.detail(seat, row.email)));
    } catch (error) {
      this.dialogError = errorMessage(this.t, error);
    } finally {
      this.busy = '';
    }
  }

  /** Checks every address, sends at most the free seats, one request at a time. */
  private async handleAssign(event: Event): Promise<void> {
    event.preventDefault();
    const scope = this.portal?.scope;
    const list = this.seats.value?.data;
    if (!scope || !list || this.progress) return;
    const { emails, invalid } = parseEmails(this.draft);
    const held = this.held();
    const fresh = emails.filter((e) => !held.has(e.toLowerCase()));
    const send = fresh.slice(0, list.available_seats);
    this.results = [
      ...invalid.map((email): Result => ({ email, outcome: 'invalid' })),
      ...emails.filter((e) => held.has(e.toLowerCase())).map((email): Result => ({ email, outcome: 'already' })),
      ...fresh.slice(send.length).map((email): Result => ({ email, outcome: 'noSeat' })),
    ];
    this.draft = [...invalid, ...fresh].join('\n');
    this.stop = false;
    this.notice = '';
    for (let i = 0; i < send.length && !this.stop; i++) {
      this.progress = [i, send.length];
      if (!(await this.assignOne(send[i]))) {
        // The server has no seat left: the rest are not sent either, and say so.
        if (this.results.at(-1)?.outcome === 'noSeat') {
          this.results = [...this.results, ...send.slice(i + 1).map((email): Result => ({ email, outcome: 'noSeat' }))];
        }
        break;
      }
    }
    this.progress = undefined;
  }

  /** One address; false when the rest should wait (no seat, session over, refused, throttled). */
  private async assignOne(email: string): Promise<boolean> {
    const scope = this.portal?.scope;
    const target = this.target;
    if (!scope || !target || this.session.value?.status !== 'signed-in') return false;
    let result: Result = { email, outcome: 'assigned' };
    let go = true;
    try {
      const seat = await assignSeat(scope, target, email);
      this.apply(seat);
      this.dispatchEvent(new PortalSeatAssignedEvent(this.detail(seat, email)));
    } catch (error) {
      const e = error instanceof PortalApiError ? error : undefined;
      const code = e?.code;
      result =
        code === 'SeatAlreadyAssigned'
          ? { email, outcome: 'already' }
          : code === 'SeatNotAvailable'
            ? { email, outcome: 'noSeat' }
            : e?.status === 422 || code === 'InvalidSeatAssignmentRequest' || code === 'MemberEmailMismatch'
              ? { email, outcome: 'invalid', message: e?.message }
              : { email, outcome: 'failed', message: errorMessage(this.t, error) };
      if (e?.status === 401) this.notice = this.t.seatsKept;
      if (code === 'SeatNotAvailable' || code === 'SeatAlreadyAssigned') void this.seats.current?.refresh();
      go = code !== 'SeatNotAvailable' && ![401, 403, 429].includes(e?.status ?? 0);
    }
    if (result.outcome === 'assigned' || result.outcome === 'already') {
      this.draft = this.draft
        .split('\n')
        .filter((line) => line.trim().toLowerCase() !== email.toLowerCase())
        .join('\n');
    }
    this.results = [...this.results.filter((r) => r.email !== email), result];
    return go;
  }

  private async handleRetry(email: string): Promise<void> {
    if (this.progress) return;
    this.progress = [0, 1];
    await this.assignOne(email);
    this.progress = undefined;
  }

  private held(): Set<string> {
    return new Set(this.rows.filter((r) => r.seat.status !== 'revoked').map((r) => r.email.toLowerCase()));
  }

  /** Preview first, then the change: the same two steps as `<portal-subscriptions>`. */
  private async handleCount(event: Event, floor: number): Promise<void> {
    event.preventDefault();
    const scope = this.portal?.scope;
    const target = this.target;
    if (!scope || !target || this.busy) return;
    if (!Number.isInteger(this.count) || this.count < floor) {
      this.dialogError = this.t.seatsCountFloor(floor);
      return;
    }
    this.busy = 'count';
    this.dialogError = '';
    try {
      if (!this.preview) this.preview = await previewChange(scope, target.id, { seats: this.count });
      else {
        await changeSeats(scope, target.id, this.count);
        this.opener = undefined;
        closeDialog(this, 'count');
        this.notice = this.t.subDone('seats', '');
      }
    } catch (error) {
      this.dialogError = errorMessage(this.t, error);
    } finally {
      this.busy = '';
    }
  }

  protected override render() {
    const t = this.t;
    const status = this.session.value?.status;
    if (!this.portal) return nothing;
    if (status === 'restoring') return resourceView(t, { loading: true }, { ready: () => nothing, retry: () => {} });
    const notice = html`<p role="status" class="status" part="status">${this.notice}</p>`;
    if (status !== 'signed-in') return html`<p class="hint">${t.seatsSignedOut}</p>${notice}`;
    const explicit = this.subscriptionId || this.orderId;
    return html`<div part="base">
      ${explicit ? nothing : this.renderPicker()}
      ${this.target
        ? resourceView(t, this.seats.value, { ready: (d) => this.renderSeats(d), retry: () => this.seats.retry() })
        : nothing}
      ${this.renderAccess()} ${notice}
    </div>`;
  }

  private renderPicker() {
    const t = this.t;
    const targets = this.targets;
    const key = this.target ? `${this.target.kind}:${this.target.id}` : '';
    return resourceView(t, this.subs.value, {
      retry: () => this.subs.retry(),
      isEmpty: () => !targets.length && !this.orders.value?.loading,
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

  private renderSeats(list: SeatsList) {
    const t = this.t;
    const manage = this.billing;
    const sub = this.target?.subscription;
    const more = manage && sub && actionsFor(sub, this.org.value?.data, true).changeSeats;
    const used = list.total_seats - list.available_seats;
    const pages = Math.max(1, Math.ceil(this.view.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = this.view.slice(page * PAGE, page * PAGE + PAGE);
    return html`
      <div class="summary" part="header">
        <dl>
          ${[used, list.total_seats, list.available_seats].map((n, i) => html`<div><dt>${t.seatsSummary[i]}</dt><dd>${n}</dd></div>`)}
        </dl>
        ${more
          ? html`<button class="link" @click=${() => {
              this.count = list.total_seats + 1;
              this.preview = undefined;
              void this.open('count');
            }}>${t.seatsNeedMore}</button>`
          : nothing}
        ${manage ? html`<button class="primary" @click=${() => this.open('assign')}>${t.seatsAssign}</button>` : nothing}
      </div>
      <div class="row">
        <div class="field grow">
          <label for="q">${t.seatsSearch}</label>
          <input id="q" type="search" data-focus .value=${this.query} @input=${(e: Event) => {
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
            <option value="" ?selected=${!this.filter}>${t.seatsAll(this.rows.length)}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${t.seatStatus(s)} (${this.counts[s]})</option>`)}
          </select>
        </div>
      </div>
      <p class="hint" id="shown">${t.seatsShowing(page * PAGE + 1, page * PAGE + shown.length, this.view.length)}</p>
      <div class="wrap">
        <table part="list" aria-describedby="shown">
          <thead>
            <tr>
              ${this.renderTh(0, 'name')} ${this.renderTh(1, 'status')} ${this.renderTh(2, 'date')}
              ${manage ? html`<th scope="col">${t.seatsColumns[3]}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${shown.map((row) => this.renderRow(row, manage))}
          </tbody>
        </table>
      </div>
      ${pager(t, page + 1, pages, (p) => (this.page = p - 1))}
      ${manage ? html`${this.renderAssign(list)} ${this.renderRevoke()} ${more ? this.renderCount(used, sub.currency) : nothing}` : nothing}
    `;
  }

  private renderTh(index: number, key: SortKey) {
    const sort = this.sortKey === key ? (this.sortDir > 0 ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${sort}>
      <button @click=${() => this.handleSort(key)}>${this.t.seatsColumns[index]}</button>
    </th>`;
  }

  private renderRow(row: Row, manage: boolean) {
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
              ? html`<button aria-label=${t.forWho(t.seatsResend, email)} aria-disabled=${this.busy === seat.id ? 'true' : 'false'} @click=${() => this.handleResend(row)}>
                  ${t.seatsResend}
                </button>`
              : nothing}
            ${s !== 'revoked'
              ? html`<button aria-label=${t.forWho(t.seatsCopy, email)} @click=${() => this.handleCopy(row)}>${t.seatsCopy}</button>
                  <button aria-label=${t.forWho(t.seatsRevoke, email)} @click=${() => this.handleAskRevoke(row)}>${t.seatsRevoke}</button>`
              : nothing}
          </td>`
        : nothing}
    </tr>`;
  }

  private renderAssign(list: SeatsList) {
    const t = this.t;
    const { emails, invalid } = parseEmails(this.draft);
    const held = this.held();
    const fresh = emails.filter((e) => !held.has(e.toLowerCase())).length;
    const fit = Math.min(fresh, list.available_seats);
    const [done, total] = this.progress ?? [0, 0];
    const progress = t.seatsProgress(done + 1, total);
    return html`<dialog id="assign" aria-labelledby="assign-h" @close=${this.handleClose}>
      <form part="form" novalidate @submit=${this.handleAssign}>
        <h2 id="assign-h">${t.seatsAssign}</h2>
        <div class="field">
          <label for="emails">${t.seatsEmails}</label>
          <textarea
            id="emails"
            rows="4"
            spellcheck="false"
            .value=${this.draft}
            ?readonly=${!!this.progress}
            aria-describedby="emails-hint emails-check"
            @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p id="emails-hint" class="hint">${t.seatsEmailsHint}</p>
          <p id="emails-check" class="hint">
            ${fresh || !list.available_seats ? t.seatsCheck(fresh, fit, list.available_seats) : ''}
            ${invalid.length ? t.seatsInvalid(invalid.join(', ')) : ''}
          </p>
        </div>
        <p role="status" class="status">
          ${this.progress ? html`<progress max=${total} value=${done} aria-label=${progress}></progress> ${progress}` : ''}
          ${this.notice === t.seatsKept ? this.notice : ''}
        </p>
        ${this.results.length
          ? html`<ul class="results">
              ${this.results.map(
                (r) => html`<li class=${r.outcome}>
                  ${r.email}: ${t.seatsOutcome(r.outcome)}${r.message ? ` (${r.message})` : ''}
                  ${r.outcome === 'failed'
                    ? html`<button type="button" class="link" aria-label=${t.forWho(t.retry, r.email)} @click=${() => this.handleRetry(r.email)}>${t.retry}</button>`
                    : nothing}
                </li>`,
              )}
            </ul>`
          : nothing}
        <div class="actions">
          <button class="primary" part="submit" aria-disabled=${this.progress ? 'true' : 'false'}>${t.seatsAssignN(fit)}</button>
          <button type="button" @click=${() => closeDialog(this, 'assign')}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderRevoke() {
    const t = this.t;
    return html`<dialog id="revoke" aria-labelledby="revoke-h" aria-describedby="revoke-p" @close=${this.handleClose}>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), this.handleRevoke())}>
        <h2 id="revoke-h">${t.seatsRevokeHeading}</h2>
        <p id="revoke-p">${t.seatsRevokeBody(this.revoking?.email ?? '')}</p>
        <p role="alert" class="error">${this.dialogError}</p>
        <div class="actions">
          <button class="primary" part="submit" aria-disabled=${this.busy === 'revoke' ? 'true' : 'false'}>${t.seatsRevoke}</button>
          <button type="button" autofocus @click=${() => closeDialog(this, 'revoke')}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderCount(floor: number, currency: string) {
    const t = this.t;
    const money = (n: number) => formatMoney(this.resolvedLocale, n, currency);
    return html`<dialog id="count" aria-labelledby="count-h" @close=${this.handleClose}>
      <form part="form" novalidate @submit=${(e: Event) => this.handleCount(e, floor)}>
        <h2 id="count-h">${t.subAction('seats')}</h2>
        <div class="field">
          <label for="n">${t.seatsLabel}</label>
          <input id="n" type="number" min=${floor} step="1" .value=${String(this.count)} aria-describedby="n-hint" @input=${(e: Event) => {
            this.count = (e.target as HTMLInputElement).valueAsNumber;
            this.preview = undefined;
          }} />
          <p id="n-hint" class="hint">${t.seatsCountFloor(floor)}</p>
        </div>
        <p class="status">${this.preview ? t.seatsPreviewText(money(this.preview.total_amount), money(this.preview.proration_amount)) : ''}</p>
        <p role="alert" class="error">${this.dialogError}</p>
        <div class="actions">
          <button class="primary" part="submit" aria-disabled=${this.busy === 'count' ? 'true' : 'false'}>
            ${this.preview ? t.forWho(t.subAction('seats'), t.seats(this.count)) : t.seatsPreview}
          </button>
          <button type="button" @click=${() => closeDialog(this, 'count')}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderAccess() {
    const items = this.access.value?.data?.items;
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
