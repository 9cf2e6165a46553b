import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatWait } from '../../i18n/localize.js';
import { definePortalElement } from '../../internal/define.js';
import { PortalElement } from '../../internal/portal-element.js';
import { spinner } from '../../internal/templates.js';
import { customerResource } from '../../state/billing.js';
import { isPlausibleEmail } from '../../internal/email.js';
import { accountLabels, loginFailure, normalizeCode, type AccountChoice, type Field } from './login-steps.js';
import { adoptLoginStyles } from './portal-login.styles.js';

type Step = 'email' | 'pick' | 'code';
interface FieldInput {
  type: string;
  autocomplete: string;
  inputmode?: string;
  autocapitalize?: string;
  onInput: (event: InputEvent) => void;
  onPaste?: (event: ClipboardEvent) => void;
}
let instances = 0;

/**
 * @summary Email-code sign-in for the portal: email, account choice when several share
 * it, the 6-character code, and who is signed in with a sign-out button.
 * @tag portal-login
 * @status stable
 * @since 0.1
 *
 * Renders into light DOM, not a shadow root, so that password managers and one-time-code
 * autofill reach its inputs. Its rules are scoped to `portal-login` and use the same tokens.
 *
 * @csspart form - The email, account or code form.
 * @csspart input - The email and code inputs.
 * @csspart submit - The primary button of each step.
 * @csspart error - Field and form error messages.
 * @csspart status - Progress and confirmation messages.
 * @csspart signed-in - The signed-in summary.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints and secondary text.
 * @cssproperty [--portal-color-surface=#ffffff] - Input and card background.
 * @cssproperty [--portal-color-border=#c9cdd5] - Input and card borders.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons and links.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors.
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
 * @cssproperty [--portal-login-max-width=24rem] - Width of the form.
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 *
 * @event {PortalEvent<'portal-login'>} portal-login - A user signed in (detail: kind, user, method).
 * @event {PortalEvent<'portal-logout'>} portal-logout - The user signed out here or in another tab.
 * @event {PortalEvent<'portal-session-expired'>} portal-session-expired - The session ended by itself.
 */
export class PortalLogin extends PortalElement {
  /** @internal Read while signed out, so the first code request does not wait for it. */
  protected readonly organization = this.watch((scope) => !this.signedIn && scope.organization, true);
  /** A member's role means something only in a team: an individual customer's sole member is its nominal owner. */
  readonly #customer = this.watch((scope) => !!this.session?.user?.role && customerResource(scope));

  /** Pre-fills the email field. Without it, a `portal-email` query parameter of the page does. */
  @property() email = '';
  /** Seconds before "Send a new code" can be used again. */
  @property({ type: Number, attribute: 'resend-cooldown' }) resendCooldown = 30;

  @state() private step: Step = 'email';
  @state() private code = '';
  @state() private accounts: AccountChoice[] = [];
  @state() private accountId: string | undefined;
  @state() private pending = false;
  @state() private fieldError: { field: Field; message: string } | undefined;
  /** A problem that is not one field's: shown above the form and announced. */
  @state() private alert: string | undefined;
  @state() private notice: string | undefined;
  @state() private blockedUntil = 0;
  @state() private resendAt = 0;
  @state() private now = Date.now();

  readonly #uid = `portal-login-${++instances}`;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #lastStatus: string | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLoginStyles(this);
    if (!this.email) {
      this.email = new URLSearchParams(location.search).get('portal-email') ?? '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const status = this.session?.status;
    if (status !== this.#lastStatus) {
      if (this.#lastStatus === 'signed-in' && status === 'signed-out') {
        // Back to the form, keeping the email; say why when Polar ended the session (not when
        // the user signed out, here or elsewhere, or the page switched organization).
        this.step = 'email';
        this.code = '';
        const ended = this.session?.ended;
        this.notice = ended === 'expired' || ended === 'rejected' ? this.t.sessionExpired : undefined;
      }
      this.#lastStatus = status;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const counting = this.blockedUntil > this.now || this.resendAt > this.now;
    if (counting && !this.#ticker) this.#ticker = setInterval(() => (this.now = Date.now()), 1000);
    if (!counting && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = undefined;
    }
  }

  /** Focuses this form's control `name` (`email`, `code`, `pick-0`, `signed-in`) once rendered. */
  #focus(name: string): void {
    this.focusNext(`#${this.#uid}-${name}`);
  }

  get #blocked(): boolean {
    return this.blockedUntil > this.now;
  }

  async #requestCode(resend = false): Promise<void> {
    const scope = this.scope;
    if (!scope || this.pending || this.#blocked) return;
    const email = this.email.trim();
    if (!email) return this.#fail('email', this.t.emailRequired);
    if (!isPlausibleEmail(email)) return this.#fail('email', this.t.emailInvalid);

    this.pending = true;
    this.#clearMessages();
    try {
      await scope.requestCode(email, this.accountId);
      this.step = 'code';
      // After the account picker the account is known to exist: no "if an account exists".
      this.notice = this.t.codeSent(email, resend, !!this.accountId);
      this.resendAt = Date.now() + this.resendCooldown * 1000;
      this.now = Date.now();
      this.#focus('code');
    } catch (error) {
      this.#handleError(error, this.step === 'code' ? 'code' : 'email');
    } finally {
      this.pending = false;
    }
  }

  async #verifyCode(): Promise<void> {
    const scope = this.scope;
    if (!scope || this.pending || this.#blocked) return;
    if (!this.code) return this.#fail('code', this.t.codeRequired);
    if (this.code.length !== 6) return this.#fail('code', this.t.codeIncomplete);

    this.pending = true;
    this.#clearMessages();
    try {
      await scope.authenticate(this.code, this);
      this.step = 'email';
      this.code = '';
      this.accountId = undefined;
      this.#focus('signed-in');
    } catch (error) {
      this.#handleError(error, 'code');
    } finally {
      this.pending = false;
    }
  }

  #handleError(error: unknown, field: Field): void {
    const failure = loginFailure(this.t, this.resolvedLocale, error, field, this.config?.organization);
    if (failure.kind === 'field') return this.#fail(failure.field, failure.message);
    if (failure.kind === 'pick') {
      this.accounts = failure.accounts;
      this.accountId = undefined;
      this.step = 'pick';
      this.#focus('pick-0');
      return;
    }
    if (failure.kind === 'blocked') {
      this.blockedUntil = Date.now() + failure.seconds * 1000;
      this.now = Date.now();
    }
    this.alert = failure.message;
  }

  #fail(field: Field, message: string): void {
    this.fieldError = { field, message };
    this.#focus(field === 'pick' ? 'pick-0' : field);
  }

  #clearMessages(): void {
    this.fieldError = undefined;
    this.alert = undefined;
    this.notice = undefined;
  }

  #handleEmailSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.accountId = undefined;
    void this.#requestCode();
  }

  #handlePickSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.accountId) return this.#fail('pick', this.t.pickRequired);
    void this.#requestCode();
  }

  #handleCodeSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#verifyCode();
  }

  #handleCodeInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    this.code = normalizeCode(input.value);
    // Keep the field showing exactly what will be sent.
    if (input.value !== this.code) input.value = this.code;
    if (this.fieldError?.field === 'code') this.fieldError = undefined;
  }

  #handleCodePaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text') ?? '';
    // Nothing readable (an engine that withholds it): the browser pastes, and the input event tidies.
    if (!text) return;
    event.preventDefault();
    this.code = normalizeCode(text);
    (event.target as HTMLInputElement).value = this.code;
    this.fieldError = undefined;
  }

  #handleDifferentEmail(): void {
    this.step = 'email';
    this.code = '';
    this.accountId = undefined;
    this.#clearMessages();
    this.#focus('email');
  }

  #handleSignOut(): void {
    this.#focus('email');
    this.scope?.session.signOut(this);
  }

  protected override render() {
    if (!this.portal) return nothing;
    const status = this.session?.status;
    if (status === 'restoring') return spinner(this.t.checkingSession);
    if (status === 'signed-in') return this.#renderSignedIn();
    return html`
      <div class="portal-login">
        ${this.step === 'email' ? this.#renderEmailStep() : this.step === 'pick' ? this.#renderPickStep() : this.#renderCodeStep()}
      </div>
    `;
  }

  /** Under each step's heading: what is wrong with the form as a whole, and what just happened. */
  #renderMessages() {
    // A page that names no organization is the merchant's mistake: say so before anyone types.
    const alert = this.alert ?? (this.config?.organization ? undefined : this.t.notConfigured);
    // Live regions stay in the DOM so that changes to them are announced.
    return html`
      <div role="alert" class="alert" part="error" ?hidden=${!alert}>${alert ?? ''}</div>
      <p role="status" class="status" part="status" ?hidden=${!this.notice}>${this.notice ?? ''}</p>
    `;
  }

  #renderSubmit(label: string, busyLabel: string) {
    const blocked = this.#blocked;
    const text = blocked
      ? this.t.tryAgainIn(formatWait(this.resolvedLocale, (this.blockedUntil - this.now) / 1000))
      : this.pending
        ? busyLabel
        : label;
    return html`<button class="primary" part="submit" type="submit" ?disabled=${blocked} aria-disabled=${this.pending ? 'true' : 'false'}>
      ${this.pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing} ${text}
    </button>`;
  }

  #renderFieldError(field: Field) {
    const message = this.fieldError?.field === field ? this.fieldError.message : '';
    return html`<p id="${this.#uid}-${field}-error" class="error" part="error" ?hidden=${!message}>${message}</p>`;
  }

  /** A labelled input with its hint and its error, both tied to it for screen readers. */
  #renderField(name: 'email' | 'code', label: string, hint: string, value: string, input: FieldInput) {
    const id = `${this.#uid}-${name}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} class=${name} part="input" type=${input.type} name=${name === 'code' ? 'one-time-code' : name}
        autocomplete=${input.autocomplete} inputmode=${input.inputmode ?? nothing} autocapitalize=${input.autocapitalize ?? nothing}
        spellcheck="false" required .value=${value} aria-invalid=${this.fieldError?.field === name ? 'true' : 'false'}
        aria-describedby="${id}-hint ${id}-error" @input=${input.onInput} @paste=${input.onPaste} />
      <p id="${id}-hint" class="hint">${hint}</p>
      ${this.#renderFieldError(name)}
    </div>`;
  }

  #renderEmailStep() {
    const t = this.t;
    return html`
      <form part="form" novalidate aria-labelledby="${this.#uid}-heading" @submit=${this.#handleEmailSubmit}>
        <h2 id="${this.#uid}-heading" part="heading" aria-level=${this.level()}>${t.signInHeading}</h2>
        ${this.#renderMessages()}
        ${this.#renderField('email', t.emailLabel, t.emailHint, this.email, {
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          onInput: (e: InputEvent) => {
            this.email = (e.target as HTMLInputElement).value;
            if (this.fieldError?.field === 'email') this.fieldError = undefined;
          },
        })}
        ${this.#renderSubmit(t.sendCode, t.sendingCode)}
      </form>
    `;
  }

  #renderPickStep() {
    const t = this.t;
    const invalid = this.fieldError?.field === 'pick';
    const labels = accountLabels(t, this.accounts);
    return html`
      <form part="form" novalidate @submit=${this.#handlePickSubmit}>
        <fieldset aria-describedby="${this.#uid}-pick-hint ${this.#uid}-pick-error" aria-invalid=${invalid ? 'true' : 'false'}>
          <legend><h2 part="heading" aria-level=${this.level()}>${t.pickHeading}</h2></legend>
          ${this.#renderMessages()}
          <p id="${this.#uid}-pick-hint" class="hint">${t.pickHint(this.email.trim())}</p>
          ${labels.map(
            (label, index) => html`
              <label class="choice">
                <input id="${this.#uid}-pick-${index}" type="radio" name="${this.#uid}-account" .value=${this.accounts[index]!.id}
                  .checked=${this.accountId === this.accounts[index]!.id}
                  @change=${() => {
                    this.accountId = this.accounts[index]!.id;
                    this.fieldError = undefined;
                  }} />
                ${label}
              </label>
            `,
          )}
          ${this.#renderFieldError('pick')}
        </fieldset>
        <div class="actions">
          ${this.#renderSubmit(t.continue, t.sendingCode)}
          <button type="button" @click=${this.#handleDifferentEmail}>${t.back}</button>
        </div>
      </form>
    `;
  }

  #renderCodeStep() {
    const t = this.t;
    const resendWait = Math.ceil((this.resendAt - this.now) / 1000);
    return html`
      <form part="form" novalidate aria-labelledby="${this.#uid}-heading" @submit=${this.#handleCodeSubmit}>
        <h2 id="${this.#uid}-heading" part="heading" aria-level=${this.level()}>${t.codeHeading}</h2>
        ${this.#renderMessages()}
        ${this.#renderField('code', t.codeLabel, t.codeHint, this.code, {
          type: 'text',
          autocomplete: 'one-time-code',
          autocapitalize: 'characters',
          onInput: this.#handleCodeInput,
          onPaste: this.#handleCodePaste,
        })}
        ${this.#renderSubmit(t.signIn, t.signingIn)}
        <div class="actions">
          <button type="button" class="quiet" ?disabled=${resendWait > 0 || this.#blocked} @click=${() => this.#requestCode(true)}>
            ${resendWait > 0 ? t.resendIn(formatWait(this.resolvedLocale, resendWait)) : t.resendCode}
          </button>
          <button type="button" class="quiet" @click=${this.#handleDifferentEmail}>${t.differentEmail}</button>
        </div>
      </form>
    `;
  }

  #renderSignedIn() {
    const t = this.t;
    const user = this.session?.user;
    if (!user) return nothing;
    const who = user.name?.trim() || user.email;
    return html`
      <div class="signed-in" part="signed-in" id="${this.#uid}-signed-in" tabindex="-1">
        <p>
          ${t.signedInAs(who)}${who !== user.email ? html` <span class="hint">(${user.email})</span>` : nothing}
        </p>
        ${user.role && this.#customer.value?.data?.type === 'team' ? html`<p class="hint">${t.role(user.role)}</p>` : nothing}
        <button type="button" @click=${this.#handleSignOut}>${t.signOut}</button>
      </div>
    `;
  }
}

definePortalElement('portal-login', PortalLogin);

declare global {
  interface HTMLElementTagNameMap {
    'portal-login': PortalLogin;
  }
}
