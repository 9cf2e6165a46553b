import { html, nothing, type ReactiveElement } from 'lit';
import type { ActionController } from './action-controller.js';
import type { ModalController } from './modal-controller.js';
import { PaymentMethodEmbed, type EmbedMessage } from './payment-method-embed.js';
import type { ResourceController, ResourceSelector } from './resource-controller.js';
import { formatDate, formatMoney } from '../internal/format.js';
import type { Scheme } from '../internal/color-scheme.js';
import { expiry, methodLabel } from '../internal/payment-method.js';
import type { ElementContext } from '../internal/portal-element.js';
import { resourceView } from '../internal/resource-view.js';
import { spinner } from '../internal/templates.js';
import { customerResource, paymentMethodAdded, paymentMethodsResource, type Customer, type PaymentMethodList } from '../state/billing.js';
import { confirmWithBank, hostedOrderUrl, payOrder, refreshOrder, type Order } from '../state/orders.js';

/**
 * `choose` a method; add a `card` in Polar's frame; `paying`; the `bank`'s 3-D Secure check in
 * Stripe's frame; `paid`; or `elsewhere`: the bank's check cannot run on this page.
 */
type Phase = 'choose' | 'card' | 'paying' | 'bank' | 'paid' | 'elsewhere';

/** What paying needs from its element (`<portal-orders>`, `<portal-subscriptions>`), read fresh each time. */
export interface PayHost extends ElementContext {
  /** The scheme the element draws in, for Polar's frame. */
  theme: Scheme;
  /** Told once Polar took the payment. */
  paid?(o: Order): void;
}

/** The element's `watch`: binds a resource to it. */
type Watch = <T>(select: ResourceSelector<T>) => ResourceController<T>;

/**
 * "Pay now" for an order whose renewal payment failed: pick a saved method or add one through
 * Polar's embed, charge it, and act on Polar's answer: paid, declined (the bank's message, the
 * chosen method kept), or a 3-D Secure check, finished with Stripe.js when the merchant gave
 * Polar's publishable key, else explained with a link to Polar's own page for the order.
 */
export class PayOrder {
  #phase: Phase = 'choose';
  #payWith: string | undefined;
  /** The dialog is up: the saved methods load, and the customer's default among them. */
  #open = false;
  readonly #embed: PaymentMethodEmbed;
  readonly #host: ReactiveElement;
  readonly #actions: ActionController;
  readonly #modal: ModalController;
  readonly #context: () => PayHost;
  readonly #methods: ResourceController<PaymentMethodList>;
  readonly #customer: ResourceController<Customer>;
  /** While the customer is on Polar's page: refresh the order when they come back. */
  #onReturn: (() => void) | undefined;
  /** The page's security settings refused Stripe.js. */
  #blocked = false;

  constructor(
    host: ReactiveElement,
    /** The element's actions: one at a time, the failure at `pay`. */
    actions: ActionController,
    /** The element's dialogs: Stripe's bank check, above the dialog, must take focus and clicks. */
    modal: ModalController,
    watch: Watch,
    context: () => PayHost,
  ) {
    this.#host = host;
    this.#actions = actions;
    this.#modal = modal;
    this.#context = context;
    this.#embed = new PaymentMethodEmbed(host, (m) => this.#handleEmbed(m));
    this.#methods = watch((scope) => this.#open && paymentMethodsResource(scope));
    this.#customer = watch((scope) => this.#open && customerResource(scope));
  }

  /** A new dialog, or none (`open` false): either starts from the choice of method. */
  reset(open: boolean): void {
    this.#open = open;
    this.#set('choose');
    this.#payWith = undefined;
    this.#embed.close();
    this.#stopWatching();
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
    this.#payWith = method;
    void this.#actions.run('pay', async () => {
      this.#set('paying');
      try {
        const outcome = await payOrder(scope, o.id, method);
        if (outcome.status === 'succeeded') return this.#succeeded(o);
        if (outcome.status === 'failed') return this.#declined(outcome.error);
        return await this.#bankCheck(o, outcome.clientSecret);
      } catch (error) {
        this.#set('choose');
        throw error;
      }
    });
  }

  /** Stripe.js finishes the check on this page when it can; otherwise Polar's page is the way. */
  async #bankCheck(o: Order, clientSecret: string): Promise<void> {
    const scope = this.#context().scope;
    if (!scope) return;
    // Stripe's check goes above the dialog: the dialog lends it the page while it is up.
    const onPage = !!scope.config.stripeKey;
    if (onPage) {
      this.#set('bank');
      this.#modal.setModal(false);
    }
    const outcome = await confirmWithBank(scope, o.id, clientSecret).finally(() => onPage && this.#modal.setModal(true));
    if (outcome.status === 'unavailable') return this.#elsewhere(o, outcome.blocked);
    if (outcome.status === 'failed') return this.#declined(outcome.error);
    this.#succeeded(o);
  }

  #succeeded(o: Order): void {
    const c = this.#context();
    this.#set('paid');
    const detail = { orderId: o.id, change: 'paid' as const, invoiceNumber: o.invoice_number ?? undefined };
    c.emit('portal-order-updated', detail);
    c.emit('portal-order-paid', detail);
    c.paid?.(o);
  }

  /** The bank said no: its words at the Pay button, the same method still chosen. */
  #declined(reason: string | null): void {
    const { t } = this.#context();
    this.#set('choose');
    this.#actions.fail('pay', t.payFailed(reason || t.genericError));
  }

  /** The check must happen on Polar's page: say so, and refresh the order when the customer is back. */
  #elsewhere(o: Order, blocked = false): void {
    this.#blocked = blocked;
    this.#set('elsewhere');
    this.#stopWatching();
    const back = () => {
      const scope = this.#context().scope;
      if (document.visibilityState === 'visible' && scope) void refreshOrder(scope, o.id);
    };
    document.addEventListener('visibilitychange', back);
    this.#onReturn = () => document.removeEventListener('visibilitychange', back);
  }

  #stopWatching(): void {
    this.#onReturn?.();
    this.#onReturn = undefined;
  }

  #addCard(): void {
    const c = this.#context();
    if (!c.scope) return;
    this.#actions.clear('pay');
    if (this.#embed.open(c.scope, { theme: c.theme, locale: c.locale, setDefault: false })) this.#set('card');
  }

  #handleEmbed(m: EmbedMessage): void {
    const c = this.#context();
    if (m.event === 'close') this.#back();
    // A declined card: Polar's frame shows the bank's message itself; a second one here would repeat it.
    if (m.event === 'success') {
      this.#back();
      this.#payWith = m.paymentMethodId;
      if (c.scope) paymentMethodAdded(c.scope);
      c.emit('portal-payment-method-added', { paymentMethodId: m.paymentMethodId });
      c.emit('portal-payment-method-created', { paymentMethodId: m.paymentMethodId });
    }
  }

  #back(): void {
    this.#embed.close();
    this.#set('choose');
  }

  /** The dialog's body; its way out closes the element's dialog. */
  render(o: Order) {
    const c = this.#context();
    const close = (label: string, primary = false) =>
      html`<button type="button" class=${primary ? 'primary' : ''} @click=${() => this.#modal.close()}>${label}</button>`;
    const { t } = c;
    const due = formatMoney(c.locale, o.due_amount, o.currency);
    switch (this.#phase) {
      case 'paying':
        return spinner(t.payDone('processing'));
      case 'bank':
        return spinner(t.payBank);
      case 'paid':
        return html`<p class="done" role="status" part="status" tabindex="-1" data-outcome>${t.payDone('paid')}</p><div class="row">${close(t.done, true)}</div>`;
      case 'elsewhere': {
        const url = c.scope ? hostedOrderUrl(c.scope, o.id) : '';
        return html`<div role="status" part="status">
            <p>${t.payElsewhere(this.#blocked)}</p>
          </div>
          <div class="row">
            <a class="button" part="link" href=${url} target="_blank" rel="noopener">${t.payOnPolar}</a>
            ${close(t.close)}
          </div>`;
      }
      case 'card':
        return html`<p>${t.newCardIntro}</p>
          ${this.#embed.render(t.embedTitle)}
          <div class="row"><button type="button" @click=${() => this.#back()}>${t.back}</button></div>`;
    }
    // The methods show once the default is known, so the list does not reorder under the pointer.
    const customer = this.#customer.value;
    const methods = customer?.data || customer?.error ? this.#methods.value : undefined;
    const first = customer?.data?.default_payment_method_id;
    const items = [...(methods?.data?.items ?? [])].sort((a, b) => Number(b.id === first) - Number(a.id === first));
    // Read when clicked, not when rendered: a choice made just before the click counts.
    const chosenOf = () => (items.some((pm) => pm.id === this.#payWith) ? this.#payWith : items[0]?.id);
    const chosen = chosenOf();
    return html`
      <p>${t.payIntro(due, formatDate(c.locale, o.next_payment_attempt_at))}</p>
      ${resourceView(t, methods, {
        ready: () => html`<fieldset>
          <legend>${t.payWith}</legend>
          ${items.map((pm) => {
            const expires = expiry(pm);
            return html`<label class="choice">
              <input type="radio" name="pay-with" .value=${pm.id} .checked=${pm.id === chosen} @change=${() => this.#choose(pm.id)} />
              <span>${methodLabel(t, pm)}${expires ? html` <span class="hint">${t.cardExpires(expires)}</span>` : nothing}</span>
            </label>`;
          })}
        </fieldset>`,
        isEmpty: () => !items.length,
        empty: () => html`<p>${t.noPaymentMethods}</p>`,
        retry: () => this.#methods.retry(),
      })}
      ${this.#actions.outcomeAt('pay')}
      <div class="row">
        ${chosen
          ? html`<button type="button" class="primary" part="submit" aria-disabled=${!!this.#actions.busy} @click=${() => this.#pay(o, chosenOf())}>${t.payButton(due)}</button>`
          : nothing}
        <button type="button" class=${chosen ? '' : 'primary'} @click=${() => this.#addCard()}>${t.newCard}</button>
        ${close(t.cancel)}
      </div>`;
  }
}
