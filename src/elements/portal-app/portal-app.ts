import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { definePortalElement } from '../../internal/define.js';
import { hasEmailLink } from '../../internal/email-link.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { spinner } from '../../internal/templates.js';
import { canManageBilling, customerResource, walletsResource } from '../../state/billing.js';
import { ordersResource } from '../../state/orders.js';
import { isSettled } from '../../state/resource.js';
import { chargePreviewResource, hasUpcomingCharge, subscriptionsResource, type Subscription } from '../../state/subscriptions.js';
import { showsUsage } from '../../state/usage.js';
import { hostStyles } from '../../styles/host.styles.js';
import '../portal-benefits/portal-benefits.js';
import '../portal-billing/portal-billing.js';
import '../portal-login/portal-login.js';
import '../portal-orders/portal-orders.js';
import '../portal-seats/portal-seats.js';
import '../portal-subscriptions/portal-subscriptions.js';
import '../portal-team/portal-team.js';
import '../portal-usage/portal-usage.js';
import { appStyles } from './portal-app.styles.js';
import { addressOf, SECTIONS, sectionFromAddress, type Section } from './routes.js';

/** Next-charge cards on the overview; more subscriptions are in the list below them. */
const CARDS = 4;

/** When a renewing subscription charges next: a paused one when it resumes, a trial when it ends. */
const chargeDate = (s: Subscription): string =>
  (s.status === 'paused' ? s.resumes_at : s.status === 'trialing' ? (s.trial_end ?? s.current_period_end) : s.current_period_end) ?? '';

/**
 * @summary The whole customer portal in one tag: sign-in, then the organization's header and
 * sections (overview, orders, usage, benefits, team and seats, billing), each with its own
 * address.
 * @tag portal-app
 * @status experimental
 * @since 0.3
 *
 * The sections are the kit's own elements, sharing one session: `<portal-app>` adds the layout
 * and the routes. Each section has an address the visitor can bookmark and share, and Back
 * follows it: `#/orders` by default (no server routes needed), or `/account/orders` with
 * `base-path="/account"`. On every change the document title and the focus move to the section's
 * heading. Sections show by role and by the organization's settings: orders and billing for
 * those who pay, usage where the organization shows it, team and seats for a team's owner and
 * billing managers. A page opened with an email-change link opens on billing, which confirms it.
 *
 * @slot header - Beside the organization's name (a logo link, a help link).
 * @slot overview - After the overview's own content; likewise `orders`, `usage`, `benefits`,
 * `team` and `billing` after theirs.
 *
 * @csspart base - The wrapper.
 * @csspart header - The organization, the user and sign out.
 * @csspart nav - The section links.
 * @csspart menu - The menu button on narrow screens.
 * @csspart section - The current section.
 * @csspart card - An overview card: a next charge, the balance, the latest purchase.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints and secondary text.
 * @cssproperty [--portal-color-surface=#ffffff] - Cards.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders.
 * @cssproperty [--portal-color-primary=#0057e0] - The current section's link.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 * @cssproperty [--portal-color-surface-muted=#f3f4f7] - The current section's link background.
 * @cssproperty [--portal-color-on-danger=#ffffff] - Text on destructive buttons.
 * @cssproperty [--portal-color-success=#17703a] - Confirmations.
 * @cssproperty [--portal-color-warning=#8a5300] - Statuses that ask attention.
 * @cssproperty [--portal-space-xs=0.25rem] - Smallest spacing.
 * @cssproperty [--portal-font-size-heading=1.375rem] - Section headings.
 * @cssproperty [--portal-font-size-section=1.0625rem] - Card headings.
 * @cssproperty [--portal-font-size-small=0.875rem] - Hints.
 * @cssproperty [--portal-target-size=2.75rem] - Smallest height of links and buttons (touch targets).
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 */
export class PortalApp extends PortalElement {
  static override styles = [hostStyles, appStyles];

  /** The sections to offer, space-separated (`overview orders billing`); all by default. */
  @property() sections = SECTIONS.join(' ');
  /** Path routes under this base (`/account`) instead of hash routes. */
  @property({ attribute: 'base-path' }) basePath = '';

  @state() private section: Section = 'overview';
  @state() private menuOpen = false;

  readonly #org = this.watch((scope) => scope.organization, true);
  readonly #customer = this.watch((scope) => customerResource(scope));
  readonly #subs = this.watch((scope) => subscriptionsResource(scope));
  readonly #wallets = this.watch((scope) => this.#billing && walletsResource(scope));
  /** The latest purchase, for a customer without subscriptions. */
  readonly #latest = this.watch((scope) => this.#billing && this.#subs.value?.data?.items.length === 0 && ordersResource(scope, { page: 1, limit: 1 }));
  /** The next charge of the first few renewing subscriptions. */
  readonly #previews = Array.from({ length: CARDS }, (_, i) => this.watch((scope) => this.#renewing[i] && chargePreviewResource(scope, this.#renewing[i])));

  /** The title of the page before the app changed it, put back when the app leaves. */
  #pageTitle = '';
  /** Set by navigation, not by the first render: focus moves only when the visitor moved. */
  #moved = false;
  /** Opened with an email-change link: billing confirms it, signed out too (the link signs in). */
  #emailLink = false;

  get #billing(): boolean {
    return canManageBilling(this.session);
  }

  /** The subscriptions that will charge again, soonest first. */
  get #renewing(): Subscription[] {
    const items = this.#subs.value?.data?.items.filter(hasUpcomingCharge) ?? [];
    return items.sort((a, b) => chargeDate(a).localeCompare(chargeDate(b)));
  }

  /** The sections this visitor sees, in order: asked for, allowed by role and by the organization. */
  get #visible(): Section[] {
    const asked = this.sections.split(/\s+/);
    const user = this.session?.user;
    const team = this.#customer.value?.data?.type === 'team' && user?.type === 'member' && user.role !== 'member';
    return SECTIONS.filter(
      (s) =>
        asked.includes(s) &&
        (s === 'orders' || s === 'billing' ? this.#billing : s === 'usage' ? showsUsage(this.#org.value?.data) : s === 'team' ? team : true),
    );
  }

  #follow = (): void => {
    const next = sectionFromAddress(this.basePath);
    if (next === this.section) return;
    this.section = next;
    this.menuOpen = false;
    this.#moved = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#pageTitle = document.title;
    // An email-change link opens on billing, where it is confirmed.
    if ((this.#emailLink = hasEmailLink())) history.replaceState(history.state, '', addressOf(this.basePath, 'billing') + (this.basePath ? location.search : ''));
    this.section = sectionFromAddress(this.basePath);
    addEventListener('hashchange', this.#follow);
    addEventListener('popstate', this.#follow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#follow);
    removeEventListener('popstate', this.#follow);
    document.title = this.#pageTitle;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.signedIn) return;
    const label = this.t.appSection(this.#shown);
    const title = this.#pageTitle ? this.t.appTitle(label, this.#pageTitle) : label;
    if (document.title !== title) document.title = title;
    if (this.#moved) {
      this.#moved = false;
      void this.#focusHeading();
    }
  }

  /** The current section, or the overview when it is not one this visitor sees. */
  get #shown(): Section {
    return this.#visible.includes(this.section) ? this.section : 'overview';
  }

  /** Focus to the section's heading: the app's own, or the one of the element that makes the section. */
  async #focusHeading(): Promise<void> {
    const section = this.renderRoot.querySelector<HTMLElement>('[part~="section"]');
    const own = section?.querySelector<HTMLElement>(':scope > h2');
    if (own) return own.focus();
    const element = section?.querySelector<PortalElement>(':scope > *');
    await element?.updateComplete;
    (element?.shadowRoot?.querySelector<HTMLElement>('[part~="heading"]') ?? section)?.focus();
  }

  /** Path routes move without a page load; hash links need nothing. */
  #go(event: MouseEvent, to: Section): void {
    if (!this.basePath || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, '', addressOf(this.basePath, to));
    this.#follow();
  }

  protected override render() {
    const t = this.t;
    if (!this.signedIn && !(this.session?.status === 'restoring')) {
      return html`<div part="base" class="signed-out">
        ${this.#emailLink ? html`<portal-billing heading-level=${this.headingLevel}></portal-billing>` : nothing}
        <portal-login heading-level=${this.headingLevel}></portal-login>
      </div>`;
    }
    if (!this.signedIn) return this.gate('');
    // The organization's settings and the customer's type decide the sections: until both are
    // in, no navigation that would grow, and no bookmarked section replaced by the overview.
    if (![this.#org.value, this.#customer.value].every(isSettled)) return spinner(t.loading);
    const shown = this.#shown;
    // The section is no landmark of its own: the merchant's page has its <main>, and each element
    // in a section is already a region named by its heading.
    return html`<div part="base" class="app">
      ${this.#renderHeader()}
      <div class="layout">
        <nav part="nav" aria-label=${t.appNav}>
          <button type="button" part="menu" class="menu" aria-expanded=${this.menuOpen} aria-controls="sections"
            @click=${() => (this.menuOpen = !this.menuOpen)}>${t.appMenu(t.appSection(shown))}</button>
          <ul id="sections" class=${this.menuOpen ? 'open' : ''} @keydown=${this.#closeOnEscape}>
            ${this.#visible.map(
              (s) => html`<li><a href=${addressOf(this.basePath, s)} aria-current=${s === shown ? 'page' : nothing} @click=${(e: MouseEvent) => this.#go(e, s)}>${t.appSection(s)}</a></li>`,
            )}
          </ul>
        </nav>
        <div part="section" class="section" tabindex="-1">${this.#renderSection(shown)}</div>
      </div>
    </div>`;
  }

  #closeOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="menu"]')?.focus();
  };

  #renderHeader() {
    const t = this.t;
    const org = this.#org.value?.data?.organization;
    const back = this.session?.returnUrl;
    return html`<header part="header" class="header">
      <div class="org">
        ${org?.avatar_url?.startsWith('https://') ? html`<img src=${org.avatar_url} alt="" width="32" height="32" @error=${(e: Event) => ((e.target as HTMLElement).hidden = true)} />` : nothing}
        <span class="org-name">${org?.name ?? ''}</span>
        <slot name="header"></slot>
      </div>
      ${back && org ? html`<a class="back" href=${back}>${t.appBack(org.name)}</a>` : nothing}
      <portal-login class="user"></portal-login>
    </header>`;
  }

  #renderSection(section: Section) {
    const level = this.headingLevel;
    const slot = html`<slot name=${section}></slot>`;
    switch (section) {
      case 'orders':
        return html`<portal-orders heading-level=${level}></portal-orders>${slot}`;
      case 'usage':
        return html`<portal-usage heading-level=${level}></portal-usage>${slot}`;
      case 'benefits':
        return html`<portal-benefits heading-level=${level}></portal-benefits>${slot}`;
      case 'team':
        return html`<portal-seats heading-level=${level}></portal-seats><portal-team heading-level=${level}></portal-team>${slot}`;
      case 'billing':
        return html`<portal-billing heading-level=${level}></portal-billing>${slot}`;
      default:
        return this.#renderOverview(slot);
    }
  }

  #renderOverview(slot: unknown) {
    const t = this.t;
    const inner = Math.min(6, this.headingLevel + 1);
    return html`<h2 tabindex="-1" aria-level=${this.level()}>${t.appSection('overview')}</h2>
      <ul class="cards" aria-label=${t.appSummary}>
        ${this.#renewing.slice(0, CARDS).map((s, i) => this.#renderCharge(s, i))} ${this.#renderWallet()} ${this.#renderLatest()}
      </ul>
      <portal-subscriptions heading-level=${inner}></portal-subscriptions>
      <portal-benefits heading-level=${inner}></portal-benefits>
      ${slot}`;
  }

  #renderCharge(s: Subscription, i: number) {
    const t = this.t;
    const locale = this.resolvedLocale;
    const preview = this.#previews[i].value?.data;
    const date = chargeDate(s);
    return html`<li part="card" class="card">
      <span class="label">${t.appNextCharge(s.product.name)}</span>
      <strong class="amount">${preview ? formatMoney(locale, preview.due_amount, s.currency) : formatMoney(locale, s.amount, s.currency)}</strong>
      <span class="hint">${t.appOn(formatDate(locale, date))}</span>
    </li>`;
  }

  #renderWallet() {
    const wallet = this.#wallets.value?.data?.items.find((w) => w.balance !== 0);
    if (!wallet) return nothing;
    const t = this.t;
    return html`<li part="card" class="card">
      <span class="label">${t.walletTitle}</span>
      <strong class="amount">${formatMoney(this.resolvedLocale, wallet.balance, wallet.currency)}</strong>
      ${this.#visible.includes('billing') ? html`<a href=${addressOf(this.basePath, 'billing')} @click=${(e: MouseEvent) => this.#go(e, 'billing')}>${t.appSection('billing')}</a>` : nothing}
    </li>`;
  }

  #renderLatest() {
    const order = this.#latest.value?.data?.items[0];
    if (!order) return nothing;
    const t = this.t;
    const locale = this.resolvedLocale;
    return html`<li part="card" class="card">
      <span class="label">${t.appLatest}</span>
      <strong>${order.product?.name ?? order.description}</strong>
      <span class="hint">${formatMoney(locale, order.total_amount, order.currency)} · ${formatDate(locale, order.created_at)}</span>
      <a href=${addressOf(this.basePath, 'orders')} @click=${(e: MouseEvent) => this.#go(e, 'orders')}>${t.appSection('orders')}</a>
    </li>`;
  }
}

definePortalElement('portal-app', PortalApp);

declare global {
  interface HTMLElementTagNameMap {
    'portal-app': PortalApp;
  }
}
