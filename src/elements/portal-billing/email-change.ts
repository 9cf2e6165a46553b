import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { PortalApiError } from '../../api/errors.js';
import type { Translation } from '../../i18n/translation.js';
import { isPlausibleEmail } from '../../internal/email.js';
import { errorMessage } from '../../internal/error-message.js';
import { confirmEmailLink, emailLinkTaken, hasEmailLink } from '../../internal/email-link.js';
import { confirmEmailChange, EMAIL_TOKEN, requestEmailChange } from '../../state/billing.js';
import type { PortalScope } from '../../state/scope.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type Phase = 'closed' | 'editing' | 'sending' | 'sent' | 'confirming';
/** A message, where it belongs (the `email` field, the `link` field, or the block) and whether it is good news. */
type Message = { at: 'email' | 'link' | 'block'; text: string; ok?: boolean };

/** The token of an email-change link, pasted whole or as the address Polar emailed. */
function tokenOf(text: string): string | undefined {
  const value = text.trim();
  if (EMAIL_TOKEN.test(value)) return value;
  try {
    const token = new URL(value).searchParams.get('token') ?? '';
    return EMAIL_TOKEN.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Changing the customer's email, as Polar allows it: the new address gets a link
 * (`email-update/request`); the change happens when the link is opened. Polar's link goes to its
 * own hosted page; a page with this element opened with the link's `?token=` (or the link pasted
 * here) confirms it too (`check`, then `verify`, which signs in anew), and the token leaves the
 * address at once. One request at a time; what was typed stays on a failure.
 */
export class EmailChange implements ReactiveController {
  #phase: Phase = 'closed';
  #email = '';
  #pasted = '';
  #sentTo = '';
  #message: Message | undefined;
  /** The page address's link being confirmed, once seen. */
  #followed: Promise<string> | undefined;
  readonly #host: Host;
  readonly #context: () => { scope: PortalScope | undefined; t: Translation };

  constructor(host: Host, context: () => { scope: PortalScope | undefined; t: Translation }) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  hostConnected(): void {
    if (!hasEmailLink() && !emailLinkTaken()) return;
    // The scope arrives with the context, by the first update.
    void this.#host.updateComplete.then(() => {
      const scope = this.#context().scope;
      const pending = scope && confirmEmailLink(scope);
      if (pending && pending !== this.#followed) void this.#follow((this.#followed = pending));
    });
  }

  /** Another user signed in: nothing the previous one typed or was told stays. */
  reset(): void {
    this.#email = this.#pasted = this.#sentTo = '';
    if (this.#phase !== 'confirming') this.#set('closed');
  }

  #at(where: Message['at'], id?: string) {
    const m = this.#message;
    if (m?.at !== where) return nothing;
    return m.ok
      ? html`<p class="done" role="status" part="status" tabindex="-1" data-outcome>${m.text}</p>`
      : html`<p class=${id ? 'error' : 'alert'} id=${id ?? nothing} role="alert" part="error" tabindex="-1" data-outcome>${m.text}</p>`;
  }

  /** How a link being confirmed stands, for wherever the element shows (signed out too: the link signs in). */
  renderProgress() {
    return this.#phase === 'confirming' ? html`<p role="status" part="status">${this.#context().t.emailConfirming}</p>` : this.#at('block');
  }

  /** The "Change email" button (`allowed`), the form, or where the change stands. */
  render(allowed: boolean) {
    const t = this.#context().t;
    const m = this.#message;
    if (this.#phase === 'confirming' || this.#phase === 'closed') {
      return html`${this.renderProgress()}
        ${allowed && this.#phase === 'closed' ? html`<div class="row"><button type="button" id="change-email" @click=${() => this.#open()}>${t.emailChange}</button></div>` : nothing}`;
    }
    if (this.#phase === 'sent') {
      return html`<p class="done" role="status" part="status" tabindex="-1" data-outcome>${t.emailSent(this.#sentTo)}</p>
        <form class="email-change" novalidate @submit=${this.#submitLink}>
          <div class="field">
            <label for="email-link">${t.emailPaste}</label>
            <input id="email-link" type="url" autocomplete="off" .value=${this.#pasted}
              aria-invalid=${m?.at === 'link' && !m.ok ? 'true' : 'false'} aria-describedby=${m?.at === 'link' ? 'email-link-error' : nothing}
              @input=${(e: Event) => (this.#pasted = (e.target as HTMLInputElement).value)} />
            ${this.#at('link', 'email-link-error')}
          </div>
          <div class="row">
            <button class="primary" type="submit">${t.emailConfirm}</button>
            <button type="button" @click=${() => this.#open()}>${t.emailAgain}</button>
          </div>
        </form>`;
    }
    const sending = this.#phase === 'sending';
    const invalid = m?.at === 'email' && !m.ok;
    return html`<form class="email-change" novalidate @submit=${this.#submitEmail}>
      <div class="field">
        <label for="new-email">${t.emailNew}</label>
        <input id="new-email" type="email" autocomplete="email" inputmode="email" .value=${this.#email}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'new-email-error' : nothing}
          @input=${(e: Event) => (this.#email = (e.target as HTMLInputElement).value)} />
        ${this.#at('email', 'new-email-error')}
      </div>
      ${this.#at('block')}
      <div class="row">
        <button class="primary" type="submit" aria-disabled=${sending}>${sending ? t.working : t.emailSend}</button>
        <button type="button" @click=${this.#close}>${t.cancel}</button>
      </div>
    </form>`;
  }

  #set(phase: Phase, message?: Message): void {
    this.#phase = phase;
    this.#message = message;
    this.#host.requestUpdate();
  }

  #focus(selector: string): void {
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  #open(): void {
    this.#set('editing');
    this.#focus('#new-email');
  }

  #close = (): void => {
    this.#set('closed');
    this.#focus('#change-email');
  };

  #submitEmail = async (event: Event): Promise<void> => {
    event.preventDefault();
    const { scope, t } = this.#context();
    if (this.#phase === 'sending' || !scope) return;
    const email = this.#email.trim();
    if (!isPlausibleEmail(email)) {
      this.#set('editing', { at: 'email', text: email ? t.emailInvalid : t.emailRequired });
      return this.#focus('#new-email');
    }
    this.#set('sending');
    try {
      await requestEmailChange(scope, email);
      this.#sentTo = email;
      this.#pasted = '';
      this.#set('sent');
      this.#focus('[data-outcome]');
    } catch (error) {
      const e = error instanceof PortalApiError ? error : undefined;
      const field = e?.status === 422 && e.fieldErrors.email;
      const same = field && /same as your current/i.test(field);
      this.#set('editing', field ? { at: 'email', text: same ? t.emailSame : `${t.emailInvalid} (${field})` } : { at: 'block', text: e?.status === 401 ? t.keptForRetry : errorMessage(t, error) });
      this.#focus(field ? '#new-email' : '[data-outcome]');
    }
  };

  #submitLink = (event: Event): void => {
    event.preventDefault();
    const token = tokenOf(this.#pasted);
    if (!token) {
      this.#set('sent', { at: 'link', text: this.#context().t.emailLinkBad });
      return this.#focus('#email-link');
    }
    const { scope } = this.#context();
    if (scope && this.#phase !== 'confirming') void this.#follow(confirmEmailChange(scope, token));
  };

  async #follow(confirming: Promise<string>): Promise<void> {
    this.#set('confirming');
    try {
      this.#set('closed', { at: 'block', text: this.#context().t.emailChanged(await confirming), ok: true });
    } catch (error) {
      const { t } = this.#context();
      const e = error instanceof PortalApiError ? error : undefined;
      const text = e?.status === 401 ? t.emailLinkInvalid : e?.status === 422 ? t.emailInUse : errorMessage(t, error);
      this.#set('closed', { at: 'block', text });
    }
    this.#focus('[data-outcome]');
  }
}
