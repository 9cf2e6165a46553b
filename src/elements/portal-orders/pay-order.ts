import { html, nothing, type ReactiveElement } from 'lit';
import type { ActionController } from '../../controllers/action-controller.js';
import { PaymentMethodEmbed, type EmbedMessage } from '../../controllers/payment-method-embed.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { expiry, methodLabel, themeOf } from '../../internal/payment-method.js';
import type { ElementContext } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { spinner } from '../../internal/templates.js';
import { paymentMethodAdded, type PaymentMethodList } from '../../state/billing.js';
import { payOrder, type Order } from '../../state/orders.js';
import type { ResourceState } from '../../state/resource.js';

type Phase = 'choose' | 'paying' | 'paid' | 'slow';

/** What paying needs from `<portal-orders>`, read fresh each time. */
export interface PayHost extends ElementContext {
  theme: string | undefined;
  methods: ResourceState<PaymentMethodList> | undefined;
  retryMethods(): void;
}

/**
 * "Pay now" for an order whose renewal payment failed: pick a saved method or add one through
 * Polar's embed, charge it, and wait for the payment to settle.
 */
export class PayOrder {
  #phase: Phase = 'choose';
  #payWith: string | undefined;
  readonly #embed: PaymentMethodEmbed;

  readonly #host: ReactiveElement;
  readonly #actions: ActionController;
  readonly #context: () => PayHost;

  constructor(
    host: ReactiveElement,
    /** The element's actions: one at a time, the failure at `pay`. */
    actions: ActionController,
    context: () => PayHost,
  ) {
    this.#host = host;
    this.#actions = actions;
    this.#context = context;
    this.#embed = new PaymentMethodEmbed(host, (m) => this.#handleEmbed(m));
  }

  /** A new dialog starts from the choice of method. */
  reset(): void {
    this.#phase = 'choose';
    this.#payWith = undefined;
    this.#embed.close();
  }

  #choose(id: string): void {
    this.#payWith = id;
    this.#host.requestUpdate();
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    this.#host.requestUpdate();
  }

  #pay(o: Order, method: string | undefined): void {
    const c = this.#context();
    const scope = c.scope;
    if (!method || !scope) return;
    void this.#actions.run('pay', async (signal) => {
      const outcome = await payOrder(scope, o.id, method, signal, () => this.#set('paying')).catch((e) => {
        this.#set('choose');
        throw e;
      });
      if (!outcome) return this.#set('slow');
      if (outcome.status === 'succeeded' || outcome.status === 'no_payment') {
        this.#set('paid');
        const detail = { orderId: o.id, change: 'paid' as const, invoiceNumber: o.invoice_number ?? undefined };
        c.emit('portal-order-updated', detail);
        c.emit('portal-order-paid', detail);
      } else {
        this.#set('choose');
        this.#actions.fail('pay', c.t.payFailed(outcome.error || c.t.genericError));
      }
    });
  }

  #addCard(): void {
    const c = this.#context();
    if (c.scope) this.#embed.open(c.scope, { theme: themeOf(c.theme), locale: c.locale, setDefault: false });
  }

  #handleEmbed(m: EmbedMessage): void {
    const c = this.#context();
    if (m.event === 'close') this.#embed.close();
    if (m.event === 'error') this.#actions.fail('pay', c.t.embedError(m.code));
    if (m.event === 'success') {
      this.#embed.close();
      this.#choose(m.paymentMethodId);
      if (c.scope) paymentMethodAdded(c.scope);
      c.emit('portal-payment-method-added', { paymentMethodId: m.paymentMethodId });
      c.emit('portal-payment-method-created', { paymentMethodId: m.paymentMethodId });
    }
  }

  /** The dialog's body; `close` is the element's close button for a label. */
  render(o: Order, close: (label: string) => unknown) {
    const c = this.#context();
    const { t } = c;
    const due = formatMoney(c.locale, o.due_amount, o.currency);
    if (this.#phase === 'paying') return spinner(t.payDone('processing'));
    if (this.#phase === 'paid' || this.#phase === 'slow') {
      return html`<p role="status" part="status">${t.payDone(this.#phase)}</p><div class="row">${close(t.close)}</div>`;
    }
    const items = c.methods?.data?.items ?? [];
    const chosen = this.#payWith ?? items[0]?.id;
    return html`
      <p>${t.payIntro(due, formatDate(c.locale, o.next_payment_attempt_at))}</p>
      ${resourceView(t, c.methods, {
        ready: () => html`<fieldset>
          <legend>${t.payWith}</legend>
          ${items.map(
            (pm) => html`<label class="row">
              <input type="radio" name="pay-with" .value=${pm.id} .checked=${pm.id === chosen} @change=${() => this.#choose(pm.id)} />
              ${methodLabel(t, pm)} <span class="hint">${t.cardExpires(expiry(c.locale, pm))}</span>
            </label>`,
          )}
        </fieldset>`,
        isEmpty: () => !items.length,
        empty: () => html`<p>${t.noPaymentMethods}</p>`,
        retry: c.retryMethods,
      })}
      ${this.#embed.render(t.embedTitle)} ${this.#actions.alertFor('pay')}
      <div class="row">
        <button type="button" class="primary" part="submit" aria-disabled=${!chosen || !!this.#actions.busy} @click=${() => this.#pay(o, this.#payWith ?? items[0]?.id)}>${t.payButton(due)}</button>
        ${this.#embed.url ? nothing : html`<button type="button" @click=${() => this.#addCard()}>${t.newCard}</button>`}
        ${close(t.cancel)}
      </div>`;
  }
}
