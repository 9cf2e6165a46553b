import { html, nothing, type ReactiveElement } from 'lit';
import type { ActionController } from './action-controller.js';
import type { ModalController } from './modal-controller.js';
import { PaymentMethodEmbed, type EmbedMessage } from './payment-method-embed.js';
import type { Scheme } from '../internal/color-scheme.js';
import type { ElementContext } from '../internal/portal-element.js';
import { spinner } from '../internal/templates.js';
import { paymentMethodAdded } from '../state/billing.js';

/** What adding a method needs from its element, read fresh each time. */
export interface AddMethodHost extends ElementContext {
  /** The scheme the element draws in, for Polar's frame. */
  theme: Scheme;
  /** Polar saved the method (the dialog has closed). */
  added(paymentMethodId: string): void;
}

/**
 * "Add payment method": Polar's payment-method embed in a dialog, so card data stays in Polar's
 * frame. `<portal-billing>` opens it from its list; `<portal-subscriptions>` when Polar asks for a
 * method before a cancellation is undone or a pause ends (customer_portal/service/subscription.py
 * `_require_payment_method`), as the hosted portal does.
 */
export class AddPaymentMethod {
  /** While the dialog is up: the frame still `loading`, or `ready`. */
  #state: 'loading' | 'ready' | undefined;
  readonly #embed: PaymentMethodEmbed;
  readonly #host: ReactiveElement;
  readonly #actions: ActionController;
  readonly #modal: ModalController;
  readonly #context: () => AddMethodHost;

  constructor(
    host: ReactiveElement,
    /** The element's actions: the frame's failures show at `add`. */
    actions: ActionController,
    modal: ModalController,
    context: () => AddMethodHost,
  ) {
    this.#host = host;
    this.#actions = actions;
    this.#modal = modal;
    this.#context = context;
    this.#embed = new PaymentMethodEmbed(host, (m) => this.#handle(m));
  }

  /** Opens the dialog; `setDefault`: the new method becomes the one Polar charges. */
  open(setDefault: boolean): void {
    const c = this.#context();
    if (!c.scope || this.#state) return;
    this.#actions.clear();
    if (this.#embed.open(c.scope, { theme: c.theme, locale: c.locale, setDefault })) this.#set('loading');
  }

  close(): void {
    this.#embed.close();
    this.#actions.clear('add');
    this.#set(undefined);
  }

  #set(state: 'loading' | 'ready' | undefined): void {
    this.#state = state;
    this.#host.requestUpdate();
  }

  #handle(m: EmbedMessage): void {
    const c = this.#context();
    if (m.event === 'loaded') this.#set('ready');
    if (m.event === 'close') this.close();
    // A declined card: Polar's frame says so itself, and lets the customer try another.
    if (m.event === 'error' && m.code !== 'processing_failed') this.#actions.fail('add', c.t.embedError(m.code));
    if (m.event === 'success') {
      this.close();
      if (c.scope) paymentMethodAdded(c.scope);
      c.emit('portal-payment-method-added', { paymentMethodId: m.paymentMethodId });
      c.emit('portal-payment-method-created', { paymentMethodId: m.paymentMethodId });
      c.added(m.paymentMethodId);
    }
  }

  /**
   * The dialog while it is open. Polar's frame has its own buttons and messages; ours is only the
   * way out, first so that focus starts here, where Escape works, and not inside the frame.
   */
  render() {
    if (!this.#state) return nothing;
    const { t } = this.#context();
    return html`<dialog part="dialog" aria-labelledby="add-h" @close=${() => this.close()}>
      <div class="row spread"><h2 id="add-h">${t.addMethod}</h2>
        <button type="button" class="quiet" autofocus @click=${() => this.#modal.close()}>${t.close}</button></div>
      ${this.#state === 'loading' ? spinner(t.loading) : nothing} ${this.#embed.render(t.embedTitle)} ${this.#actions.outcomeAt('add')}
    </dialog>`;
  }
}
