import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalApiError } from '../../api/errors.js';
import { definePortalElement } from '../../internal/define.js';
import { errorMessage } from '../../internal/error-message.js';
import { PortalElement } from '../../internal/portal-element.js';
import { spinner } from '../../internal/templates.js';
import { claimInfo, claimSeat, type ClaimInfo } from '../../state/claim.js';
import { hostStyles } from '../../styles/host.styles.js';

/** The invitation's query parameters: ours, then the one Polar's email links carry. */
const PARAMS = ['portal-claim-token', 'token'];
/**
 * Invitations claimed in this browser, by their token's first characters: a claimed token is
 * spent (single use), so keeping part of it gives nothing away.
 */
const CLAIMED = 'polar-portal:claimed';
const claimed = (): string[] => JSON.parse(localStorage.getItem(CLAIMED) ?? '[]');
const mark = (token: string) => token.slice(0, 16);

type Phase = 'loading' | 'offer' | 'claiming' | 'granting' | 'done' | 'slow' | 'missing' | 'invalid' | 'claimed';

/**
 * @summary The page a seat invitation links to: what is offered, a Claim button, the
 * benefits being set up, and the invitee signed in, so the page's other elements show what
 * they now have.
 * @tag portal-claim
 * @status experimental
 * @since 0.2
 *
 * The invitation token comes from the `token` attribute, or the page address
 * (`?portal-claim-token=` or Polar's own `?token=`). Polar's invitation email links to Polar's
 * hosted claim page; a merchant page with this element claims the same invitations when the
 * invitee opens it with the token. The token is removed from the address once claimed.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading.
 * @csspart status - Progress and outcome.
 * @csspart progress - The progress bar while benefits are set up.
 * @csspart submit - The Claim button.
 * @csspart error - An invitation that cannot be claimed.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints.
 * @cssproperty [--portal-color-surface=#ffffff] - Buttons.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders.
 * @cssproperty [--portal-color-primary=#0057e0] - The Claim button.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on the Claim button.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 * @cssproperty [--portal-color-surface-muted=#f3f4f7] - Read-only fields.
 * @cssproperty [--portal-color-on-danger=#ffffff] - Text on destructive buttons.
 * @cssproperty [--portal-color-success=#17703a] - The outcome.
 * @cssproperty [--portal-color-warning=#8a5300] - Statuses that ask attention.
 * @cssproperty [--portal-space-xs=0.25rem] - Smallest spacing.
 * @cssproperty [--portal-font-size-heading=1.375rem] - The element's heading.
 * @cssproperty [--portal-font-size-section=1.0625rem] - Section headings.
 * @cssproperty [--portal-font-size-small=0.875rem] - Hints.
 * @cssproperty [--portal-target-size=2.75rem] - Smallest height of buttons (touch targets).
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 *
 * @event {PortalEvent<'portal-seat-claimed'>} portal-seat-claimed - The seat is claimed and the invitee signed in (detail: seatId, productId); `portal-login` follows.
 */
export class PortalClaim extends PortalElement {
  static override styles = hostStyles;

  /** The invitation token; defaults to the page address's. */
  @property() token = '';

  @state() private phase: Phase = 'loading';
  @state() private info: ClaimInfo | undefined;
  @state() private error: string | undefined;
  @state() private started = 0;
  @state() private now = 0;

  #loaded: string | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  get #token(): string {
    const params = new URLSearchParams(location.search);
    return this.token || PARAMS.map((p) => params.get(p)).find(Boolean) || '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const token = this.#token;
    if (this.scope && token !== this.#loaded && !['claiming', 'granting', 'done', 'slow'].includes(this.phase)) {
      this.#loaded = token;
      void this.#load(token);
    }
  }

  async #load(token: string): Promise<void> {
    if (!token) return void (this.phase = 'missing');
    this.phase = 'loading';
    try {
      this.info = await claimInfo(this.scope!, token);
      this.phase = 'offer';
    } catch (error) {
      const gone = error instanceof PortalApiError && (error.status === 404 || error.status === 400);
      const mine = gone && claimed().includes(mark(token));
      this.phase = mine ? 'claimed' : gone ? 'invalid' : 'offer';
      this.error = gone ? undefined : errorMessage(this.t, error);
    }
  }

  async #claim(): Promise<void> {
    const scope = this.scope;
    const info = this.info;
    const token = this.#loaded ?? '';
    if (!scope || !info || this.phase !== 'offer') return;
    this.phase = 'claiming';
    this.error = undefined;
    this.started = this.now = Date.now();
    this.#ticker = setInterval(() => (this.now = Date.now()), 250);
    try {
      const { complete, seatId } = await claimSeat(scope, info, token, () => (this.phase = 'granting'));
      localStorage.setItem(CLAIMED, JSON.stringify([...claimed(), mark(token)].slice(-20)));
      this.#forgetToken();
      this.phase = complete ? 'done' : 'slow';
      this.emit('portal-seat-claimed', { seatId, productId: info.product_id });
    } catch (error) {
      const gone = error instanceof PortalApiError && error.status === 400;
      this.phase = gone ? 'invalid' : 'offer';
      this.error = gone ? undefined : errorMessage(this.t, error);
    } finally {
      clearInterval(this.#ticker);
      this.focusNext('[part~="status"], [part~="error"]');
    }
  }

  /** The page's sign-in field, for "Sign in instead". */
  #login(): HTMLElement | null {
    return document.querySelector<HTMLElement>('portal-login input');
  }

  /** The token is single use: off the address, so a reload or a shared link does not try it again. */
  #forgetToken(): void {
    const url = new URL(location.href);
    for (const p of PARAMS) url.searchParams.delete(p);
    history.replaceState(history.state, '', url);
  }

  protected override render() {
    if (!this.portal) return nothing;
    const t = this.t;
    const phase = this.phase;
    return html`<section part="base" aria-labelledby="claim-h">
      ${this.heading(t.claimHeading, 'claim-h')}
      ${phase === 'loading'
        ? spinner(t.loading)
        : phase === 'missing' || phase === 'invalid' || phase === 'claimed'
          ? html`<p class="alert" part="error" tabindex="-1">${t.claimInvalid(phase)}</p>
              ${this.#login() && !this.signedIn ? html`<div class="row"><button @click=${() => this.#login()?.focus()}>${t.claimSignIn}</button></div>` : nothing}`
          : this.#renderOffer()}
    </section>`;
  }

  #renderOffer() {
    const t = this.t;
    const info = this.info;
    const phase = this.phase;
    const working = phase === 'claiming' || phase === 'granting';
    return html`
      ${info ? html`<p>${t.claimOffer(info.product_name, info.organization_name)}</p><p class="hint">${t.claimFor(info.customer_email)}</p>` : nothing}
      ${this.error ? html`<p class="alert" role="alert" part="error" tabindex="-1">${this.error}</p>` : nothing}
      ${working
        ? html`<p class="status" role="status" part="status" tabindex="-1"><span class="spinner" aria-hidden="true"></span> ${t.claimProgress(phase)}</p>
            <progress part="progress" max="15" .value=${(this.now - this.started) / 1000} aria-label=${t.claimProgress(phase)}></progress>`
        : phase === 'done' || phase === 'slow'
          ? html`<p class="done" role="status" part="status" tabindex="-1">${phase === 'done' ? t.claimProgress('done') : t.claimSlow}</p>`
          : html`<div class="row"><button class="primary" part="submit" ?disabled=${!info} @click=${() => void this.#claim()}>${t.claimButton}</button></div>`}
    `;
  }
}

definePortalElement('portal-claim', PortalClaim);

declare global {
  interface HTMLElementTagNameMap {
    'portal-claim': PortalClaim;
  }
}
