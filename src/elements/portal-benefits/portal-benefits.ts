import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { definePortalElement } from '../../internal/define.js';
import { formatDate } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { confirmDialog, pager, pill, searchField, spinner } from '../../internal/templates.js';
import {
  accountLinked, accountsOf, authorizeUrl, deactivate, downloadablesResource, downloadUrl, grantsResource, licenseKeyResource, licenseKeysResource,
  platformOf, rotateLicenseKey, updateGrant, type Downloadable, type Grant, type LicenseKeyRead, type Platform,
} from '../../state/benefits.js';
import { canManageBilling } from '../../state/billing.js';
import { ordersResource } from '../../state/orders.js';
import { isSettled } from '../../state/resource.js';
import { subscriptionsResource } from '../../state/subscriptions.js';
import { hostStyles } from '../../styles/host.styles.js';
import { grantBody, type GrantView } from './grant-body.js';
import { benefitsStyles } from './portal-benefits.styles.js';

/** Grants a page shows; more than this gets a search box and pages, as Polar's portal does. */
const PAGE = 10;
type Confirm = { kind: 'rotate'; key: LicenseKeyRead } | { kind: 'deactivate'; key: LicenseKeyRead; activationId: string; label: string };

/**
 * @summary What the customer bought: every benefit grant with what it gives, license keys
 * (show, copy, rotate, activations), downloads, GitHub and Discord invitations, Slack
 * channels, notes, credits and features.
 * @tag portal-benefits
 * @status experimental
 * @since 0.2
 *
 * Grouped by the purchase each came from. A customer sees all their grants; a team member sees
 * the grants of their seat. `subscription-id` or `order-id` shows one purchase's grants (the
 * subscription and order details of the other elements use it). Linking a GitHub or Discord
 * account happens on Polar's site, in a new tab: Polar sends the browser back only to its own
 * pages, so the element reads the grants again when the customer returns to this tab.
 *
 * @csspart base - The wrapper.
 * @csspart header - Headings.
 * @csspart body - The grants, once loaded.
 * @csspart list - A list of grants.
 * @csspart item - One grant.
 * @csspart status - Type pills and confirmations.
 * @csspart key-status - A license key's status.
 * @csspart file-status - "Earlier version" on a file.
 * @csspart pager - Previous / next page.
 * @csspart dialog - The rotate and deactivate confirmations.
 * @csspart spinner - Loading indicator.
 * @csspart error - Errors.
 * @csspart empty - No benefits.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints and dates.
 * @cssproperty [--portal-color-surface=#ffffff] - Grant cards, dialogs and inputs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons and links.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors and destructive buttons.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 * @cssproperty [--portal-color-surface-muted=#f3f4f7] - Read-only fields and license keys.
 * @cssproperty [--portal-color-on-danger=#ffffff] - Text on destructive buttons.
 * @cssproperty [--portal-color-success=#17703a] - Confirmations and good statuses.
 * @cssproperty [--portal-color-warning=#8a5300] - Statuses that ask attention (ends soon, paused).
 * @cssproperty [--portal-space-xs=0.25rem] - Smallest spacing.
 * @cssproperty [--portal-font-size-heading=1.375rem] - The element's heading.
 * @cssproperty [--portal-font-size-section=1.0625rem] - Section and dialog headings.
 * @cssproperty [--portal-font-size-small=0.875rem] - Hints, statuses and table headers.
 * @cssproperty [--portal-target-size=2.75rem] - Smallest height of buttons and fields (touch targets).
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 *
 * @event {PortalEvent<'portal-benefit-grant-updated'>} portal-benefit-grant-updated - An invite was asked for, or started over (detail: grantId, benefitId, benefitType).
 * @event {PortalEvent<'portal-before-license-key-rotate'>} portal-before-license-key-rotate - Before the rotate confirmation; cancelable, continue with `detail.proceed()`.
 * @event {PortalEvent<'portal-license-key-rotated'>} portal-license-key-rotated - A key was rotated (detail: licenseKeyId).
 * @event {PortalEvent<'portal-before-license-key-deactivate'>} portal-before-license-key-deactivate - Before the deactivate confirmation; cancelable, continue with `detail.proceed()`.
 * @event {PortalEvent<'portal-license-key-deactivated'>} portal-license-key-deactivated - An activation was freed (detail: licenseKeyId, activationId).
 */
export class PortalBenefits extends PortalElement {
  static override styles = [hostStyles, benefitsStyles];

  readonly #grants = this.watch(grantsResource);
  readonly #keys = this.watch((scope) => this.#has('license_keys') && licenseKeysResource(scope));
  readonly #activations = this.watch((scope) => this.openActivations && licenseKeyResource(scope, this.openActivations));
  readonly #files = this.watch((scope) => this.#has('downloadables') && downloadablesResource(scope));
  /** Product names for the groups: subscriptions, and orders for those who may read them. */
  readonly #subs = this.watch((scope) => !this.#scoped && subscriptionsResource(scope));
  readonly #orders = this.watch((scope) => this.#needsOrders() && ordersResource(scope, { page: 1, limit: 100 }));

  #needsOrders(): boolean {
    return !this.#scoped && canManageBilling(this.session) && !!this.#grants.value?.data?.some((g) => g.order_id);
  }

  /** Grouping waits for the purchases it names, so grants do not jump under headings that arrive late. */
  #sourcesPending(): boolean {
    return !this.#scoped && (!isSettled(this.#subs.value) || (this.#needsOrders() && !isSettled(this.#orders.value)));
  }
  readonly #actions = new ActionController(this, () => this.t);
  readonly #modal = new ModalController(this, {
    fallback: () => this.renderRoot.querySelector<HTMLElement>('[data-outcome], [part~="heading"]'),
    busy: () => !!this.#actions.busy,
  });

  /** Shows only this subscription's grants. */
  @property({ attribute: 'subscription-id' }) subscriptionId = '';
  /** Shows only this order's grants (when no `subscription-id` is set). */
  @property({ attribute: 'order-id' }) orderId = '';

  @state() private query = '';
  @state() private page = 0;
  @state() private openActivations: string | undefined;
  @state() private shownKeys = new Set<string>();
  @state() private chosen: Record<string, string> = {};
  @state() private connecting: Platform | undefined;
  @state() private confirming: Confirm | undefined;

  get #scoped(): boolean {
    return !!(this.subscriptionId || this.orderId);
  }

  /** The grants this element shows: its purchase's, or all. */
  get #mine(): Grant[] {
    const all = this.#grants.value?.data ?? [];
    return this.subscriptionId ? all.filter((g) => g.subscription_id === this.subscriptionId) : this.orderId ? all.filter((g) => g.order_id === this.orderId) : all;
  }

  #has(type: string): boolean {
    return this.#mine.some((g) => g.benefit.type === type);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onReturn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onReturn);
  }

  /**
   * Back from Polar's OAuth tab: the account is linked, and Polar's callback hands it to the
   * grants that waited for one, in a background job. The list is read again (for the account),
   * and the grant until the job has granted it.
   */
  readonly #onReturn = (): void => {
    const scope = this.scope;
    const g = this.#grants.value?.data?.find((x) => x.id === this.#connectingGrant);
    if (document.visibilityState !== 'visible' || !this.connecting || !scope) return;
    this.connecting = undefined;
    void accountLinked(scope, g);
  };
  #connectingGrant: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('subscriptionId') || changed.has('orderId')) this.page = 0;
  }

  #run(at: string, action: () => Promise<unknown>): void {
    if (this.scope) void this.#actions.run(at, action);
  }

  /** Copies `text`; where the clipboard is refused (permissions, an engine without it), says how to copy by hand. */
  #copy(text: string, at: string): void {
    navigator.clipboard.writeText(text).then(
      () => this.#actions.succeed(at, this.t.copied),
      () => this.#actions.fail(at, this.t.copyByHand),
    );
  }

  /** Asks for a confirmation after the page's cancelable `portal-before-*` event. */
  #ask(confirm: Confirm): void {
    const proceed = () => (this.confirming = confirm);
    const detail = { licenseKeyId: confirm.key.id, ...(confirm.kind === 'deactivate' ? { activationId: confirm.activationId } : {}), proceed };
    if (this.emit(confirm.kind === 'rotate' ? 'portal-before-license-key-rotate' : 'portal-before-license-key-deactivate', detail)) proceed();
  }

  #confirm(): void {
    const c = this.confirming;
    const scope = this.scope;
    if (!c || !scope) return;
    const rotate = c.kind === 'rotate';
    void this.#actions
      .run('confirm', () => (rotate ? rotateLicenseKey(scope, c.key.id) : deactivate(scope, c.key, c.activationId)))
      .then((done) => {
        if (!done) return;
        // Closed once the request is over (a running one holds the dialog open).
        this.#modal.close();
        if (rotate) this.shownKeys = new Set([...this.shownKeys, c.key.id]);
        this.emit(rotate ? 'portal-license-key-rotated' : 'portal-license-key-deactivated', { licenseKeyId: c.key.id, ...(rotate ? {} : { activationId: c.activationId }) });
        this.#actions.succeed(`key:${c.key.id}`, rotate ? this.t.rotated : this.t.deactivated(c.label), true);
      });
  }

  /** Asks Polar to act on a grant (invite this account or email; `account_id: null` starts over) and awaits its job. */
  #act(g: Grant, properties: { account_id: string | null } | { invited_email: string }): void {
    const at = `grant:${g.id}`;
    this.#run(at, async () => {
      const after = await updateGrant(this.scope!, g, properties);
      this.emit('portal-benefit-grant-updated', { grantId: g.id, benefitId: g.benefit_id, benefitType: g.benefit.type });
      if (after.error) this.#actions.fail(at, this.t.grantProblem(after.error.type === 'BenefitActionRequiredError' ? (platformOf(after) ?? '') : '', after.error.message));
    });
  }

  /**
   * Opens Polar's OAuth flow in a new tab (Polar returns only to its own site). The tab opens at
   * the click, before Polar answers with the address, so no popup blocker stops it.
   */
  #connect(g: Grant, platform: Platform): void {
    const tab = open('', '_blank');
    if (tab) tab.opener = null;
    const at = `grant:${g.id}`;
    void this.#actions.run(at, async () => {
      try {
        const url = await authorizeUrl(this.scope!, platform);
        if (tab) tab.location.href = url;
        else location.assign(url);
        this.connecting = platform;
        this.#connectingGrant = g.id;
      } catch (error) {
        tab?.close();
        throw error;
      }
    });
  }

  #download(d: Downloadable): void {
    const at = `file:${d.id}`;
    this.#run(at, async () => {
      const url = await downloadUrl(this.scope!, d);
      if (!url) return this.#actions.fail(at, this.t.genericError);
      // Polar's link redirects to the file, served as an attachment: the page stays.
      const link = document.createElement('a');
      link.href = url;
      link.rel = 'noopener';
      link.click();
    });
  }

  #view(): GrantView {
    const files = this.#files.value?.data;
    const keys = this.#keys.value?.data;
    return {
      t: this.t,
      locale: this.resolvedLocale,
      key: (id) => keys?.find((k) => k.id === id),
      activations: this.#activations.value?.data,
      openActivations: this.openActivations,
      files: (benefitId) => files?.filter((d) => d.benefit_id === benefitId),
      shownKeys: this.shownKeys,
      chosen: this.chosen,
      connecting: this.connecting,
      email: this.session?.user?.email ?? '',
      busy: (at) => this.#actions.busy === at,
      outcome: (at) => this.#actions.outcomeAt(at),
      toggleKey: (id) => {
        const next = new Set(this.shownKeys);
        if (!next.delete(id)) next.add(id);
        this.shownKeys = next;
      },
      toggleActivations: (id) => (this.openActivations = this.openActivations === id ? undefined : id),
      copy: (text, at) => this.#copy(text, at),
      rotate: (key) => this.#ask({ kind: 'rotate', key }),
      deactivate: (key, activationId, label) => this.#ask({ kind: 'deactivate', key, activationId, label }),
      download: (d) => this.#download(d),
      choose: (g, id) => (this.chosen = { ...this.chosen, [g.id]: id }),
      request: (g, id) => this.#act(g, { account_id: id }),
      connect: (g, platform) => this.#connect(g, platform),
      slack: (g, email) => (email ? this.#act(g, { invited_email: email }) : this.#actions.fail(`grant:${g.id}`, this.t.emailRequired)),
    };
  }

  /** The group a grant belongs to: its purchase's product, by name. */
  #source(g: Grant): string {
    const t = this.t;
    if (g.subscription_id) return this.#subs.value?.data?.items.find((s) => s.id === g.subscription_id)?.product.name ?? '';
    const o = this.#orders.value?.data?.items.find((x) => x.id === g.order_id);
    return o ? t.fromOrder(o.product?.name ?? o.description, formatDate(this.resolvedLocale, o.created_at)) : '';
  }

  protected override render() {
    const t = this.t;
    const gate = this.gate(t.benefitsSignedOut);
    if (gate) return gate;
    // One purchase's benefits (in a subscription's or an order's detail) are part of that
    // purchase's region, pager included: a second region named "Benefits" on the page could not
    // be told apart from the list of them all.
    return html`<section part="base" aria-labelledby=${this.subscriptionId || this.orderId ? nothing : 'benefits-h'}>
      ${this.heading(t.benefitsTitle, 'benefits-h')}
      ${resourceView(t, this.#grants.value, {
        retry: () => this.#grants.retry(),
        isEmpty: () => !this.#mine.length,
        empty: () => html`<p>${t.benefitsEmpty}</p>`,
        ready: () => (this.#sourcesPending() ? spinner(t.loading) : this.#renderGrants()),
      })}
      ${this.#renderConfirm()}
    </section>`;
  }

  #renderGrants() {
    const t = this.t;
    const mine = this.#mine;
    const needle = this.query.trim().toLowerCase();
    const found = needle ? mine.filter((g) => g.benefit.description.toLowerCase().includes(needle)) : mine;
    const pages = Math.max(1, Math.ceil(found.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = found.slice(page * PAGE, page * PAGE + PAGE);
    const view = this.#view();
    // Consecutive grants of one purchase share a heading (Polar sorts them by purchase).
    const groups: { label: string; grants: Grant[] }[] = [];
    for (const g of shown) {
      const label = this.#scoped ? '' : this.#source(g);
      if (groups.at(-1)?.label === label) groups.at(-1)!.grants.push(g);
      else groups.push({ label, grants: [g] });
    }
    return html`
      ${mine.length > PAGE
        ? html`<div class="row">${searchField('benefits-q', t.benefitsSearch, this.query, 'benefits-shown', (query) => {
              this.query = query;
              this.page = 0;
            })}</div>
            <p class="hint" id="benefits-shown" role="status">${t.shownOf(page * PAGE + 1, page * PAGE + shown.length, found.length)}</p>`
        : nothing}
      ${groups.map(
        (group) => html`${group.label ? html`<h3 aria-level=${this.level(1)}>${group.label}</h3>` : nothing}
          <ul part="list">${group.grants.map((g) => this.#renderGrant(view, g, group.label ? 2 : 1))}</ul>`,
      )}
      ${pager(
        t,
        t.benefitsTitle,
        page + 1,
        pages,
        (p) => {
          this.page = p - 1;
          this.focusNext('[part~="item"] h4');
        },
        !(this.subscriptionId || this.orderId),
      )}
    `;
  }

  /** `depth` is 2 under a purchase heading, 1 when the purchase is unknown (its list still loading). */
  #renderGrant(view: GrantView, g: Grant, depth: number) {
    const t = this.t;
    const id = `grant-${g.id}`;
    const platform = platformOf(g);
    return html`<li part="item" class="grant card" aria-labelledby=${id}>
      <div class="row spread">
        <h4 id=${id} aria-level=${Math.min(6, this.headingLevel + depth)} tabindex="-1">${g.benefit.description}</h4>
        ${pill(t.benefitType(g.benefit.type), '')}
      </div>
      ${g.error
        ? // Waiting for an account the customer already linked: the picker below is the way on.
          platform && accountsOf(g, platform).length && g.error.type === 'BenefitActionRequiredError'
          ? nothing
          : html`<p class="alert">${t.grantProblem(g.error.type === 'BenefitActionRequiredError' ? (platform ?? '') : '', g.error.message)}</p>`
        : g.granted_at
          ? html`<p class="hint">${t.grantedOn(formatDate(this.resolvedLocale, g.granted_at))}</p>`
          : nothing}
      ${grantBody(view, g)}
    </li>`;
  }

  #renderConfirm() {
    const c = this.confirming;
    if (!c) return nothing;
    const t = this.t;
    const rotate = c.kind === 'rotate';
    const busy = this.#actions.busy === 'confirm';
    return confirmDialog({
      id: 'confirm', title: rotate ? t.rotateHeading : t.deactivateHeading(c.label), body: rotate ? t.rotateBody : t.deactivateBody,
      confirm: busy ? t.working : rotate ? t.rotateKey : t.deactivate, cancel: t.cancel, danger: true, busy,
      outcome: this.#actions.outcomeAt('confirm'), onConfirm: () => this.#confirm(), onCancel: () => this.#modal.close(),
      onClose: () => {
        this.confirming = undefined;
        this.#actions.clear('confirm');
      },
    });
  }
}

definePortalElement('portal-benefits', PortalBenefits);

declare global {
  interface HTMLElementTagNameMap {
    'portal-benefits': PortalBenefits;
  }
}
