import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { PortalApiError } from '../../api/errors.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { AddPaymentMethod } from '../../controllers/add-payment-method.js';
import { addressOf, checkDraft, draftOf, renderFields, serverErrors, type Draft, type DraftErrors, type DraftKey } from '../../internal/address-fields.js';
import { definePortalElement } from '../../internal/define.js';
import { formatMoney } from '../../internal/format.js';
import { expiry, methodLabel } from '../../internal/payment-method.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { confirmDialog, pill } from '../../internal/templates.js';
import {
  canChangeEmail, canManageBilling, customerResource, deletePaymentMethod, exportCustomerData, paymentMethodsResource,
  setDefaultPaymentMethod, updateCustomer, walletsResource, type Customer, type CustomerUpdate, type PaymentMethod,
} from '../../state/billing.js';
import { subscriptionsResource } from '../../state/subscriptions.js';
import { hostStyles } from '../../styles/host.styles.js';
import { panelStyles } from '../../styles/panel.styles.js';
import { EmailChange } from './email-change.js';
import { portalBillingStyles } from './portal-billing.styles.js';

/**
 * @summary Billing details (name, address, tax ID), saved payment methods (make default,
 * remove, add through Polar's secure payment-method embed) and "Download my data".
 * @tag portal-billing
 * @status experimental
 * @since 0.1
 *
 * Needs a customer session or a team owner/billing manager; a plain team `member` sees only a
 * short note that billing is managed by the team's owner. Adding a card opens Polar's own
 * payment-method page in an iframe (card data never touches the host page); a strict host CSP
 * needs `frame-src` for Polar's site (https://polar.sh, https://sandbox.polar.sh, or the local Polar).
 *
 * @csspart base - The wrapper.
 * @csspart header - A section heading.
 * @csspart form - The billing-details form.
 * @csspart input - Form fields.
 * @csspart submit - The save button (shown only when something changed).
 * @csspart list - The payment methods.
 * @csspart item - One payment method.
 * @csspart actions - A payment method's buttons.
 * @csspart dialog - The remove and add dialogs.
 * @csspart embed - Polar's payment-method iframe.
 * @csspart body - Loaded content (aria-busy while it refreshes).
 * @csspart spinner - Loading indicator.
 * @csspart error - Error messages.
 * @csspart status - Confirmations.
 * @csspart empty - No payment methods.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints.
 * @cssproperty [--portal-color-surface=#ffffff] - Dialogs and inputs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons and links.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors and warnings.
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
 * @cssproperty [--portal-billing-gap=var(--portal-space-m)] - Space between sections and fields.
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 *
 * @event {PortalEvent<'portal-customer-updated'>} portal-customer-updated - Billing details were saved (detail: fields).
 * @event {PortalEvent<'portal-payment-method-added'>} portal-payment-method-added - A card was added through Polar's embed (detail: paymentMethodId).
 * @event {PortalEvent<'portal-payment-method-created'>} portal-payment-method-created - The same, under Polar's webhook wording.
 * @event {PortalEvent<'portal-payment-method-removed'>} portal-payment-method-removed - A payment method was removed (detail: paymentMethodId).
 * @event {PortalEvent<'portal-payment-method-deleted'>} portal-payment-method-deleted - The same, under Polar's webhook wording.
 * @event {PortalEvent<'portal-payment-method-default'>} portal-payment-method-default - The default payment method changed (detail: paymentMethodId).
 */
export class PortalBilling extends PortalElement {
  static override styles = [hostStyles, panelStyles, portalBillingStyles];

  readonly #customer = this.watch((scope) => this.#allowed && customerResource(scope));
  readonly #methods = this.watch((scope) => this.#allowed && paymentMethodsResource(scope));
  /** Only while removing: warns when the last method of a paid subscription would go. */
  readonly #subscriptions = this.watch((scope) => this.#allowed && this.removing && subscriptionsResource(scope));
  readonly #org = this.watch((scope) => scope.organization, true);
  readonly #wallets = this.watch((scope) => this.#allowed && walletsResource(scope));
  readonly #email = new EmailChange(this, () => ({ scope: this.scope, t: this.t }));
  /** One action at a time (`save`, `export`, `default`, `remove`), each failure at its place. */
  readonly #actions = new ActionController(this, () => this.t);
  readonly #modal = new ModalController(this, {
    // The method's own buttons are gone once it is removed: its outcome, or the add button, is next.
    fallback: () => this.renderRoot.querySelector<HTMLElement>('[data-outcome], #add-method'),
    busy: () => !!this.#actions.busy,
  });
  readonly #add = new AddPaymentMethod(this, this.#actions, this.#modal, () => ({
    ...this.context(),
    theme: this.scheme,
    added: () => this.#actions.succeed('methods', this.t.billingDone('added')),
  }));

  /** The form as typed; kept across a session that ends mid-form. */
  @state() private draft: Draft | undefined;
  @state() private errors: DraftErrors = {};
  @state() private removing: PaymentMethod | undefined;

  /** The saved details the draft is compared with, and whose they are. */
  #saved: Draft | undefined;
  #owner: string | undefined;

  get #allowed(): boolean {
    return canManageBilling(this.session);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const user = this.session?.user?.email;
    if (user && user !== this.#owner) {
      // Another user: nothing typed by the previous one stays on screen. (A confirmed email
      // change signs in under the new address while it confirms: its outcome stays.)
      if (this.#owner) this.#email.reset();
      this.#owner = user;
      this.draft = this.#saved = undefined;
    }
    const c = this.#customer.value?.data;
    if (c) {
      const saved = draftOf(c.billing_name, c.billing_address, c.tax_id?.[0]);
      if (!this.draft || !this.#dirty) this.draft = { ...saved };
      this.#saved = saved;
    }
  }

  get #dirty(): boolean {
    return !!this.draft && JSON.stringify(this.draft) !== JSON.stringify(this.#saved);
  }

  /**
   * Runs one action; says `done` where `doneAt` shows (`at` unless told) when it went through,
   * in the same render as the action's own change, and moves focus there when `focus`.
   */
  async #run(at: string, action: () => Promise<unknown>, done?: string, doneAt = at, focus = false): Promise<void> {
    if (this.#actions.busy || !this.scope) return;
    this.#actions.clear();
    await this.#actions.run(at, async () => {
      await action();
      if (done) this.#actions.succeed(doneAt, done, focus);
    }, (e) => this.#showFieldErrors(e));
  }

  /** A 422 that names billing fields goes to those fields. */
  #showFieldErrors(e: PortalApiError): boolean {
    const found = Object.keys((this.errors = serverErrors(e))).length > 0;
    if (found) this.#focusError();
    return found;
  }

  #focusError(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  #handleInput(key: DraftKey, value: string): void {
    this.draft = { ...this.draft!, [key]: value, ...(key === 'country' ? { state: '' } : {}) };
    this.errors = { ...this.errors, [key]: undefined };
  }

  #handleSave(event: SubmitEvent): void {
    event.preventDefault();
    const d = this.draft;
    const saved = this.#saved;
    if (!d || !saved || this.#actions.busy) return;
    this.errors = checkDraft(this.t, d, []);
    // Polar reads an empty billing name as "no change" (EmptyStrToNone): once set, it can only be replaced.
    if (saved.billing_name && !d.billing_name.trim()) this.errors.billing_name = this.t.billingNameKept;
    if (Object.values(this.errors).some(Boolean)) return this.#focusError();
    const changed = (keys: DraftKey[]) => keys.some((k) => d[k] !== saved[k]);
    const body: CustomerUpdate = {};
    if (changed(['billing_name'])) body.billing_name = d.billing_name.trim();
    if (changed(['line1', 'line2', 'postal_code', 'city', 'country', 'state'])) body.billing_address = addressOf(d);
    // The tax ID is checked against the country: send it again when the country changes.
    if (changed(['tax_id', 'country'])) body.tax_id = d.tax_id.trim() || null;
    void this.#run(
      'save',
      async () => {
        await updateCustomer(this.scope!, body);
        this.draft = undefined;
        this.emit('portal-customer-updated', { fields: Object.keys(body) });
      },
      this.t.billingDone('saved'),
    );
  }

  #makeDefault(pm: PaymentMethod): void {
    void this.#run(
      'default',
      async () => {
        await setDefaultPaymentMethod(this.scope!, pm.id);
        this.emit('portal-payment-method-default', { paymentMethodId: pm.id });
      },
      this.t.billingDone('default'),
      'methods',
      true,
    );
  }

  #confirmRemove(): void {
    const pm = this.removing!;
    void this.#run(
      'remove',
      async () => {
        await deletePaymentMethod(this.scope!, pm.id);
        this.removing = undefined;
        this.emit('portal-payment-method-removed', { paymentMethodId: pm.id });
        this.emit('portal-payment-method-deleted', { paymentMethodId: pm.id });
      },
      this.t.billingDone('removed'),
      'methods',
    );
  }

  #openAdd(): void {
    // A first card becomes the default; later ones do not change which card is charged.
    this.#add.open(!this.#customer.value?.data?.default_payment_method_id);
  }

  #closeDialog(): void {
    if (this.#actions.busy) return;
    this.removing = undefined;
    this.#actions.clear('remove');
  }

  #exportData(): void {
    void this.#run('export', async () => {
      const data = await exportCustomerData(this.scope!);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      link.download = `polar-customer-export-${this.#customer.value?.data?.id ?? 'data'}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    });
  }

  protected override render() {
    const t = this.t;
    const gate = this.gate(this.#dirty ? t.keptForRetry : t.billingSignedOut);
    if (gate) return html`${this.#email.renderProgress()}${gate}`;
    if (!this.#allowed) return html`<p class="hint" part="status">${t.billingOwnerOnly}</p>`;
    const methods = this.#methods.value;
    return html`<div part="base">
      ${this.heading(t.billingHeading, 'h-billing')}
      <section aria-labelledby="h-details">
        <h3 aria-level=${this.level(1)} id="h-details" part="header">${t.billingDetails}</h3>
        ${resourceView(t, this.#customer.value, { ready: (c) => this.#renderDetails(c), retry: () => this.#customer.retry() })}
      </section>
      <section aria-labelledby="h-methods">
        <h3 aria-level=${this.level(1)} id="h-methods" part="header">${t.paymentMethods}</h3>
        ${resourceView(t, methods, {
          ready: (list) => this.#renderMethods(list.items),
          isEmpty: (list) => !list.items.length,
          empty: () => html`<p>${t.noPaymentMethods}</p>`,
          retry: () => this.#methods.retry(),
        })}
        ${this.#actions.outcomeAt('default')} ${this.#actions.outcomeAt('methods')}
        <div class="row"><button type="button" id="add-method" @click=${this.#openAdd}>${t.addMethod}</button></div>
      </section>
      ${this.#renderWallet()}
      <section aria-labelledby="h-data">
        <h3 aria-level=${this.level(1)} id="h-data" part="header">${t.yourData}</h3>
        <div class="row">
          <button type="button" aria-disabled=${this.#actions.busy === 'export'} @click=${this.#exportData}>${this.#actions.busy === 'export' ? t.preparing : t.exportData}</button>
        </div>
        ${this.#actions.outcomeAt('export')}
      </section>
      ${this.#renderDialog()}
    </div>`;
  }

  #renderDetails(c: Customer) {
    const t = this.t;
    if (!this.draft) return nothing;
    // The customer's own email (a team's, for a team): text, changed through a link sent to the new address.
    return html`${c.email ? html`<dl class="email"><dt>${t.emailLabel}</dt><dd>${c.email}</dd></dl>` : nothing}
      ${this.#email.render(canChangeEmail(this.#org.value?.data, c))}
      <form part="form" novalidate aria-labelledby="h-details" @submit=${this.#handleSave}>
      ${renderFields({ t, locale: this.resolvedLocale, draft: this.draft, errors: this.errors, taxId: true, onInput: (k, v) => this.#handleInput(k, v) })}
      ${this.#actions.outcomeAt('save')}
      <div class="row" ?hidden=${!this.#dirty}>
        <button class="primary" part="submit" type="submit" aria-disabled=${this.#actions.busy === 'save'}>${this.#actions.busy === 'save' ? t.saving : t.save}</button>
      </div>
    </form>`;
  }

  /** The wallet Polar draws on before the card (customer_portal/endpoints/wallet.py), when there is one. */
  #renderWallet() {
    const wallet = this.#wallets.value?.data?.items[0];
    if (!wallet) return nothing;
    const t = this.t;
    return html`<section aria-labelledby="h-wallet" id="wallet">
      <h3 aria-level=${this.level(1)} id="h-wallet" part="header">${t.walletTitle}</h3>
      <p class="balance">${formatMoney(this.resolvedLocale, wallet.balance, wallet.currency)}</p>
      <p class="hint">${t.walletNote}</p>
    </section>`;
  }

  #renderMethods(items: PaymentMethod[]) {
    const t = this.t;
    const defaultId = this.#customer.value?.data?.default_payment_method_id;
    // Polar lists newest first; the one it charges comes first here, the others as Polar sends them.
    items = [...items].sort((a, b) => Number(b.id === defaultId) - Number(a.id === defaultId));
    return html`<ul part="list">
      ${items.map((pm) => {
        const label = methodLabel(t, pm);
        const when = expiry(pm);
        return html`<li part="item" class="row spread">
          <span>${label}${when ? html` <span class="hint">${t.cardExpires(when)}</span>` : nothing}</span>
          <span class="row">${pm.id === defaultId
            ? pill(t.defaultMethod, 'good')
            : html`<button type="button" class="quiet" aria-label="${t.makeDefault}: ${label}" aria-disabled=${!!this.#actions.busy} @click=${() => this.#makeDefault(pm)}>
                ${t.makeDefault}
              </button>`}
          <button type="button" class="quiet danger" aria-label="${t.remove}: ${label}" @click=${() => (this.removing = pm)}>${t.remove}</button></span>
        </li>`;
      })}
    </ul>`;
  }

  #renderDialog() {
    const t = this.t;
    const pm = this.removing;
    if (!pm) return this.#add.render();
    // Removing the only method while a paid subscription runs: its next payment would fail.
    const paid = this.#subscriptions.value?.data?.items.some(
      (s) => ['active', 'trialing', 'past_due'].includes(s.status) && !s.cancel_at_period_end && s.amount > 0,
    );
    const only = paid && this.#methods.value?.data?.items.length === 1;
    // Polar leaves the customer without a default when the default goes (customer/service.py).
    const isDefault = pm?.id === this.#customer.value?.data?.default_payment_method_id;
    const warning = only ? t.removeOnlyWarning : isDefault ? t.removeDefaultWarning : '';
    return confirmDialog({
      id: 'd', title: t.removeHeading(methodLabel(t, pm)), warning, confirm: t.remove, cancel: t.cancel, danger: true,
      busy: this.#actions.busy === 'remove', outcome: this.#actions.outcomeAt('remove'),
      onConfirm: () => this.#confirmRemove(), onCancel: () => this.#modal.close(), onClose: () => this.#closeDialog(),
    });
  }
}

definePortalElement('portal-billing', PortalBilling);

declare global {
  interface HTMLElementTagNameMap {
    'portal-billing': PortalBilling;
  }
}
