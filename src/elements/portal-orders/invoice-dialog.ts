import { html, nothing, type ReactiveElement } from 'lit';
import type { ActionController } from '../../controllers/action-controller.js';
import { addressOf, checkDraft, draftOf, renderFields, serverErrors, type Draft, type DraftErrors, type DraftKey } from '../../internal/address-fields.js';
import type { ElementContext } from '../../internal/portal-element.js';
import { spinner } from '../../internal/templates.js';
import { generateInvoice, updateOrderBilling, type Order } from '../../state/orders.js';
import type { PortalScope } from '../../state/scope.js';

/** The form, waiting for Polar to render, then the link, or a timeout. */
type Phase = 'form' | 'wait' | 'ready' | 'timeout';

/** What the invoice dialog needs from `<portal-orders>`, read fresh each time. */
export interface InvoiceHost extends ElementContext {
  /** The order as Polar has it now. */
  order(): Order | undefined;
  /** Seconds to wait for Polar's rendering. */
  timeout: number;
  /** The invoice's download link is here: the element keeps it for its download button. */
  ready(order: Order, url: string): void;
  /** Focuses the first match of `selector` once it renders. */
  focus(selector: string): void;
  close(): void;
}

/**
 * "Generate invoice" and "Edit invoice": the order's billing details (country and state fixed
 * once tax was charged for them), saved when changed, then Polar renders the invoice and the
 * dialog waits for the new file (not the previous one, which Polar serves meanwhile), showing
 * the time against the limit, and ends with the download link and Done.
 */
export class InvoiceDialog {
  #phase: Phase = 'form';
  #draft: Draft | undefined;
  #errors: DraftErrors = {};
  #locked: DraftKey[] = [];
  #elapsed = 0;
  #url = '';
  /** What the last "generate" sent: a retry after a timeout waits for the same new invoice. */
  #request: { order: Order; changed: boolean } | undefined;

  readonly #host: ReactiveElement;
  readonly #actions: ActionController;
  readonly #context: () => InvoiceHost;

  constructor(host: ReactiveElement, actions: ActionController, context: () => InvoiceHost) {
    this.#host = host;
    this.#actions = actions;
    this.#context = context;
  }

  /** Starts from the order's billing details. */
  open(o: Order): void {
    // Polar fixes an order's country and state once tax was charged for them.
    this.#locked = o.billing_address ? ['country', 'state'] : [];
    this.#draft = draftOf(o.billing_name, o.billing_address);
    this.#errors = {};
    this.#phase = 'form';
    this.#actions.clear('invoice');
    this.#host.requestUpdate();
  }

  /** Runs one action at a time; a 422 that names invoice fields goes back to the form. */
  #run(action: (scope: PortalScope, signal: AbortSignal) => Promise<void>): void {
    const scope = this.#context().scope;
    if (!scope) return;
    void this.#actions.run('invoice', (signal) => action(scope, signal), (e) => {
      if (!Object.keys((this.#errors = serverErrors(e))).length) return false;
      this.#phase = 'form';
      this.#context().focus('[aria-invalid="true"]');
      return true;
    });
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const c = this.#context();
    const d = this.#draft!;
    if (this.#actions.busy) return;
    this.#errors = checkDraft(c.t, d, ['billing_name', 'line1', 'postal_code', 'city', 'country']);
    if (Object.values(this.#errors).some(Boolean)) {
      this.#host.requestUpdate();
      return c.focus('[aria-invalid="true"]');
    }
    this.#run(async (scope, signal) => {
      let order = c.order()!;
      const changed = JSON.stringify(draftOf(order.billing_name, order.billing_address)) !== JSON.stringify(d);
      if (changed) {
        order = await updateOrderBilling(scope, order.id, { billing_name: d.billing_name.trim(), billing_address: addressOf(d) });
        c.emit('portal-order-updated', { orderId: order.id, change: 'billing', invoiceNumber: order.invoice_number ?? undefined });
      }
      this.#request = { order, changed };
      await this.#wait(scope, signal);
    });
  }

  async #wait(scope: PortalScope, signal: AbortSignal): Promise<void> {
    const c = this.#context();
    const { order: o, changed } = this.#request!;
    const start = Date.now();
    this.#set('wait');
    this.#elapsed = 0;
    const ticker = setInterval(() => {
      this.#elapsed = (Date.now() - start) / 1000;
      this.#host.requestUpdate();
    }, 250);
    try {
      const url = await generateInvoice(scope, o, changed, c.timeout * 1000, signal);
      if (!url) return this.#set('timeout');
      this.#url = url;
      c.ready(o, url);
      this.#set('ready');
      c.focus('dialog a');
      const detail = { orderId: o.id, change: 'invoice' as const, invoiceNumber: o.invoice_number ?? undefined };
      c.emit('portal-order-updated', detail);
      c.emit('portal-invoice-ready', detail);
    } finally {
      clearInterval(ticker);
    }
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    this.#host.requestUpdate();
  }

  /** The dialog's title and body for `o`. */
  render(o: Order): [title: string, body: unknown] {
    const { t, locale, timeout, close } = this.#context();
    const closeButton = (label = t.cancel) => html`<button type="button" @click=${close}>${label}</button>`;
    const title = t.invoiceAction(o.is_invoice_generated ? 'edit' : 'generate');
    switch (this.#phase) {
      case 'wait':
        return [title, html`${spinner(t.doc('invoice', 'preparing'))}
          <progress part="progress" max=${timeout} .value=${this.#elapsed} aria-label=${t.doc('invoice', 'preparing')}></progress>`];
      case 'ready':
        return [t.invoiceReady, html`<p class="done" role="status" part="status">${t.invoiceReadyHint(o.invoice_number ?? '')}</p>
          <div class="row">
            <a part="download" class="button" href=${this.#url} target="_blank" rel="noopener">${t.doc('invoice', 'download')}</a>
            <button type="button" class="primary" @click=${close}>${t.done}</button>
          </div>`];
      case 'timeout':
        return [title, html`<p class="alert" role="alert" part="error">${t.doc('invoice', 'timeout')}</p>
          <div class="row">
            <button type="button" class="primary" @click=${() => this.#run((scope, signal) => this.#wait(scope, signal))}>${t.retry}</button>
            ${closeButton(t.close)}
          </div>`];
    }
    const busy = !!this.#actions.busy;
    return [title, html`<form part="form" novalidate @submit=${(e: SubmitEvent) => this.#submit(e)}>
      ${renderFields({
        t, locale, draft: this.#draft!, errors: this.#errors, locked: this.#locked,
        onInput: (k, v) => {
          this.#draft = { ...this.#draft!, [k]: v, ...(k === 'country' ? { state: '' } : {}) };
          this.#errors = { ...this.#errors, [k]: undefined };
          this.#host.requestUpdate();
        },
      })}
      ${this.#locked.length ? html`<p class="hint">${t.invoiceLocked}</p>` : nothing} ${this.#actions.outcomeAt('invoice')}
      <div class="row">
        <button class="primary" part="submit" type="submit" aria-disabled=${busy}>${busy ? t.saving : t.invoiceSubmit}</button>
        ${closeButton()}
      </div>
    </form>`];
  }
}
