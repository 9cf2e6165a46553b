import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { definePortalElement } from '../../internal/define.js';
import '../portal-benefits/portal-benefits.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { pager, pill, spinner } from '../../internal/templates.js';
import { canManageBilling } from '../../state/billing.js';
import { canPayNow, hasInvoice, invoice, orderResource, ordersResource, receipt, type Order } from '../../state/orders.js';
import { hostStyles } from '../../styles/host.styles.js';
import { panelStyles } from '../../styles/panel.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { InvoiceDialog } from './invoice-dialog.js';
import { PayOrder } from '../../controllers/pay-order.js';
import { portalOrdersStyles } from './portal-orders.styles.js';

type Doc = 'receipt' | 'invoice';

/**
 * @summary Order history, paged through every order, with each order's line items and
 * amounts, receipt and invoice downloads (generating the invoice with the customer's billing
 * details), and paying a failed renewal now with a saved or new card.
 * @tag portal-orders
 * @status experimental
 * @since 0.1
 *
 * Needs a customer session or a team owner/billing manager; a plain team `member` sees a short
 * note that billing is managed by the team's owner.
 *
 * @slot empty - Shown when there are no orders.
 *
 * @csspart base - The wrapper.
 * @csspart header - Headings.
 * @csspart body - Loaded content (aria-busy while it refreshes).
 * @csspart list - The orders table.
 * @csspart item - One order row.
 * @csspart pager - Previous / next page.
 * @csspart detail - The opened order.
 * @csspart totals - Subtotal, discount, tax, total, balance, amount to pay, refunds.
 * @csspart actions - The order's buttons.
 * @csspart download - Links to the receipt and invoice PDFs.
 * @csspart dialog - The invoice and payment dialogs.
 * @csspart form - The invoice details form.
 * @csspart input - Form fields.
 * @csspart submit - A dialog's main button.
 * @csspart embed - Polar's payment-method iframe (new card).
 * @csspart progress - Invoice generation progress.
 * @csspart spinner - Loading indicator.
 * @csspart error - Error messages.
 * @csspart status - Confirmations.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints.
 * @cssproperty [--portal-color-surface=#ffffff] - Dialogs and inputs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders and table rules.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons and links.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors and orders with a payment due.
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
 * @cssproperty [--portal-orders-gap=var(--portal-space-m)] - Space between blocks.
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 *
 * @event {PortalEvent<'portal-order-updated'>} portal-order-updated - An order changed: billing details, invoice, payment (detail: orderId, change).
 * @event {PortalEvent<'portal-order-paid'>} portal-order-paid - A payment retry went through (detail: orderId).
 * @event {PortalEvent<'portal-invoice-ready'>} portal-invoice-ready - A generated invoice can be downloaded (detail: orderId, invoiceNumber).
 * @event {PortalEvent<'portal-payment-method-added'>} portal-payment-method-added - A card was added to pay an order.
 * @event {PortalEvent<'portal-payment-method-created'>} portal-payment-method-created - The same, under Polar's webhook wording.
 */
export class PortalOrders extends PortalElement {
  static override styles = [hostStyles, panelStyles, tableStyles, portalOrdersStyles];

  readonly #list = this.watch(
    (scope) => this.#allowed && ordersResource(scope, { page: this.page, limit: this.#limit, subscriptionId: this.subscriptionId }),
  );
  readonly #order = this.watch((scope) => this.#allowed && this.openId && orderResource(scope, this.openId));
  /** One action at a time (`invoice`, `pay`, `receipt:<id>`), each failure at its place. */
  readonly #actions = new ActionController(this, () => this.t);
  readonly #modal = new ModalController(this, {
    fallback: () => this.renderRoot.querySelector<HTMLElement>('#o-title'),
    busy: () => !!this.#actions.busy,
  });
  readonly #pay = new PayOrder(this, this.#actions, this.#modal, (select) => this.watch(select), () => ({ ...this.context(), theme: this.scheme }));
  readonly #invoice = new InvoiceDialog(this, this.#actions, () => ({
    ...this.context(),
    order: () => this.#order.value?.data,
    timeout: this.documentTimeout,
    ready: (o, url) => (this.docs = { ...this.docs, [`invoice:${o.id}`]: url }),
    focus: (selector) => this.focusNext(selector),
    close: () => this.#modal.close(),
  }));

  /** Shows only this subscription's orders. */
  @property({ attribute: 'subscription-id' }) subscriptionId = '';
  /** Orders per page (Polar caps it at 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  /** Seconds to wait for an invoice or receipt that Polar is still rendering. */
  @property({ type: Number, attribute: 'document-timeout' }) documentTimeout = 30;

  @state() private page = 1;
  /** The order shown in detail. */
  @state() private openId: string | undefined;
  @state() private dialog: 'invoice' | 'pay' | undefined;
  /** Download links fetched (`receipt:<id>`), or `''` while Polar renders them. */
  @state() private docs: Record<string, string> = {};

  get #allowed(): boolean {
    return canManageBilling(this.session);
  }

  /** Orders per page, within what Polar accepts. */
  get #limit(): number {
    return Math.min(100, Math.max(1, this.pageSize || 10));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('subscriptionId') || changed.has('pageSize')) this.page = 1;
  }

  #money(amount: number, currency: string): string {
    return formatMoney(this.resolvedLocale, amount, currency);
  }

  #openOrder(id: string | undefined): void {
    const back = this.openId;
    this.openId = id;
    this.#actions.clear();
    this.focusNext(id ? '#o-title' : `[data-id="${back}"]`);
  }

  /**
   * Fetches a receipt or invoice link (a receipt may first need rendering) and opens it in a new
   * tab: Chromium and WebKit download the attachment, Firefox shows a PDF in its own viewer, and
   * either way the merchant's page stays. The link stays for another download.
   */
  #fetchDoc(kind: Doc, o: Order): void {
    const key = `${kind}:${o.id}`;
    const scope = this.scope;
    if (!scope) return;
    void this.#actions.run(key, async (signal) => {
      this.docs = { ...this.docs, [key]: '' };
      const url = await (kind === 'receipt' ? receipt(scope, o.id, this.documentTimeout * 1000, signal) : invoice(scope, o.id, signal)).finally(() => {
        const { [key]: _, ...rest } = this.docs;
        this.docs = rest;
      });
      if (!url) return this.#actions.fail(key, this.t.doc(kind, 'timeout'));
      this.docs = { ...this.docs, [key]: url };
      download(url);
      this.focusNext(`a[data-doc="${key}"]`);
    });
  }

  #openInvoice(o: Order): void {
    this.#invoice.open(o);
    this.dialog = 'invoice';
  }

  #openPay(): void {
    this.#actions.clear();
    this.#pay.reset(true);
    this.dialog = 'pay';
  }

  #closeDialog(event: Event): void {
    // Closed only to be shown again without the modal (see ModalController.setModal), or busy.
    if ((event.target as HTMLDialogElement).open || this.#actions.busy) return;
    this.#pay.reset(false);
    this.dialog = undefined;
    this.#actions.clear('pay', 'invoice');
  }

  protected override render() {
    const t = this.t;
    const gate = this.gate(this.dialog ? t.keptForRetry : t.ordersSignedOut);
    if (gate) return gate;
    if (!this.#allowed) return html`<p class="hint" part="status">${t.billingOwnerOnly}</p>`;
    if (this.openId) {
      return html`<div part="base">
        <div class="row"><button type="button" class="quiet" @click=${() => this.#openOrder(undefined)}>${t.allOrders}</button></div>
        ${resourceView(t, this.#order.value, { ready: (o) => this.#renderOrder(o), retry: () => this.#order.retry() })}
      </div>`;
    }
    const pages = this.#list.value?.data?.pagination.max_page ?? 1;
    return html`<section part="base" aria-labelledby="o-h">
      ${this.heading(t.ordersHeading, 'o-h')}
      ${resourceView(t, this.#list.value, {
        ready: (list) => this.#renderTable(list.items),
        isEmpty: (list) => !list.items.length,
        empty: () => html`<p>${t.ordersEmpty}</p>`,
        retry: () => this.#list.retry(),
      })}
      ${pager(t, t.ordersHeading, this.page, pages, (p) => {
        this.page = p;
        // The new page's first order, once it is there.
        this.focusNext('tbody tr:first-child button');
      })}
    </section>`;
  }

  #renderTable(items: Order[]) {
    const t = this.t;
    const col = (name: Parameters<typeof t.orderCol>[0]) => t.orderCol(name);
    return html`<table part="list" class="orders">
      <thead>
        <tr>
          <th scope="col">${col('product')}</th>
          <th scope="col">${col('status')}</th>
          <th scope="col">${col('date')}</th>
          <th scope="col" class="num">${col('total')}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (o) => html`<tr part="item">
            <td><button type="button" class="quiet" data-id=${o.id} @click=${() => this.#openOrder(o.id)}>${o.description || o.product?.name}</button></td>
            <td data-label=${col('status')}>${this.#renderStatus(o)}</td>
            <td data-label=${col('date')}>${formatDate(this.resolvedLocale, o.created_at)}</td>
            <td data-label=${col('total')} class="num">${this.#money(o.total_amount, o.currency)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderStatus(o: Order) {
    return pill(this.t.orderStatus(o.status), o.status === 'paid' ? 'good' : o.status === 'pending' ? 'bad' : '');
  }

  #renderOrder(o: Order) {
    const t = this.t;
    const m = (n: number) => this.#money(n, o.currency);
    const line = (key: Parameters<typeof t.orderLine>[0], amount: string, show = true) =>
      show ? html`<dt>${t.orderLine(key)}</dt><dd class="num">${amount}</dd>` : nothing;
    return html`<article part="detail" aria-labelledby="o-title">
      ${this.heading(o.description || o.product?.name, 'o-title')}
      <p class="row">${this.#renderStatus(o)} <span>${formatDate(this.resolvedLocale, o.created_at)}</span></p>
      <dl><dt>${t.orderCol('number')}</dt><dd>${o.invoice_number}</dd></dl>
      <table>
        <thead><tr><th scope="col">${t.orderCol('item')}</th><th scope="col" class="num">${t.orderCol('amount')}</th></tr></thead>
        <tbody>${o.items.map((i) => html`<tr><td>${i.label}</td><td class="num" data-label=${t.orderCol('amount')}>${m(i.amount)}</td></tr>`)}</tbody>
      </table>
      <dl part="totals">
        ${line('subtotal', m(o.subtotal_amount))} ${line('discount', m(-o.discount_amount), o.discount_amount > 0)}
        ${line('tax', m(o.tax_amount))} ${line('total', m(o.total_amount))}
        ${line('balance', m(-o.applied_balance_amount), o.applied_balance_amount !== 0)}
        ${line('due', m(o.due_amount), o.status === 'pending' || o.due_amount !== o.total_amount)}
        ${line('refunded', m(o.refunded_amount + o.refunded_tax_amount), o.refunded_amount > 0)}
      </dl>
      <div part="actions">
        ${canPayNow(o) ? html`<button type="button" class="primary" @click=${this.#openPay}>${t.payNow}</button>` : nothing}
        ${o.receipt_number && o.paid ? this.#renderDoc('receipt', o) : nothing}
        ${hasInvoice(o)
          ? html`${o.is_invoice_generated ? this.#renderDoc('invoice', o) : nothing}
              <button type="button" @click=${() => this.#openInvoice(o)}>${t.invoiceAction(o.is_invoice_generated ? 'edit' : 'generate')}</button>`
          : nothing}
      </div>
      ${this.#actions.outcomeAt(`receipt:${o.id}`)} ${this.#actions.outcomeAt(`invoice:${o.id}`)}
      ${o.subscription_id || !o.paid ? nothing : html`<portal-benefits order-id=${o.id} heading-level=${Math.min(6, this.headingLevel + 1)}></portal-benefits>`}
      ${this.dialog === 'invoice'
        ? this.#renderDialogShell(...this.#invoice.render(o))
        : this.dialog === 'pay'
          ? this.#renderDialogShell(t.payNow, this.#pay.render(o), true)
          : nothing}
    </article>`;
  }

  #renderDoc(kind: Doc, o: Order) {
    const key = `${kind}:${o.id}`;
    const url = this.docs[key];
    if (url) {
      return html`<a part="download" class="button" data-doc=${key} href=${url} target="_blank" rel="noopener">${this.t.doc(kind, 'download')}</a>
        <span role="status" class="hint">${this.t.doc(kind, 'started')}</span>`;
    }
    if (url === '') return spinner(this.t.doc(kind, 'preparing'));
    return html`<button type="button" @click=${() => this.#fetchDoc(kind, o)}>${this.t.doc(kind, 'download')}</button>`;
  }

  /** `focusTitle`: the dialog opens on its title, read before what follows (the amount due, then the choices). */
  #renderDialogShell(title: string, body: unknown, focusTitle = false) {
    return html`<dialog part="dialog" aria-labelledby="d-h" @close=${this.#closeDialog}>
      <h2 id="d-h" tabindex=${focusTitle ? '-1' : nothing} ?autofocus=${focusTitle}>${title}</h2>
      ${body}
    </dialog>`;
  }

}

/**
 * Opens a document link in a new tab. In the same tab, Firefox would replace the merchant's page
 * with its PDF viewer even for an attachment; a blocked tab leaves the link on screen to click.
 */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener';
  link.click();
}

definePortalElement('portal-orders', PortalOrders);

declare global {
  interface HTMLElementTagNameMap {
    'portal-orders': PortalOrders;
  }
}
