import { html, nothing, svg } from 'lit';
import { definePortalElement } from '../../internal/define.js';
import { formatDateRange, formatMoney, formatNumber } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { spinner } from '../../internal/templates.js';
import { grantsResource } from '../../state/benefits.js';
import { isSettled } from '../../state/resource.js';
import { subscriptionsResource } from '../../state/subscriptions.js';
import { meterPeriod, metersResource, showsUsage, type CustomerMeter } from '../../state/usage.js';
import { hostStyles } from '../../styles/host.styles.js';
import { usageStyles } from './portal-usage.styles.js';

/**
 * @summary What the customer consumed on each of the organization's meters: units used, the
 * credits that cover them and what is left, the period they count, and what the usage adds to
 * the next charge.
 * @tag portal-usage
 * @status experimental
 * @since 0.3
 *
 * Shown where the organization's portal settings show usage (Polar's hosted portal hides it
 * otherwise). Polar's customer API gives each meter's running totals, not its events, so the
 * bar compares the units used with the credits; the numbers beside it are the readable version.
 * Every session reads usage, team members too.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading.
 * @csspart body - The meters, once loaded.
 * @csspart list - The meters.
 * @csspart item - One meter.
 * @csspart chart - A meter's bar of credits used.
 * @csspart spinner - Loading indicator.
 * @csspart error - Errors.
 * @csspart empty - No usage yet, or usage not shown.
 * @csspart status - The signed-out hint.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Periods and labels.
 * @cssproperty [--portal-color-surface=#ffffff] - Meter cards.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders and the bar's track.
 * @cssproperty [--portal-color-primary=#0057e0] - The bar: credits used.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors, and the bar beyond the credits.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 * @cssproperty [--portal-color-surface-muted=#f3f4f7] - Read-only fields.
 * @cssproperty [--portal-color-on-danger=#ffffff] - Text on destructive buttons.
 * @cssproperty [--portal-color-success=#17703a] - Confirmations.
 * @cssproperty [--portal-color-warning=#8a5300] - Statuses that ask attention.
 * @cssproperty [--portal-space-xs=0.25rem] - Smallest spacing.
 * @cssproperty [--portal-font-size-heading=1.375rem] - The element's heading.
 * @cssproperty [--portal-font-size-section=1.0625rem] - Meter names.
 * @cssproperty [--portal-font-size-small=0.875rem] - Periods and labels.
 * @cssproperty [--portal-target-size=2.75rem] - Smallest height of buttons (touch targets).
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 */
export class PortalUsage extends PortalElement {
  static override styles = [hostStyles, usageStyles];

  readonly #org = this.watch((scope) => scope.organization, true);
  readonly #shown = (): boolean => showsUsage(this.#org.value?.data);
  readonly #meters = this.watch((scope) => this.#shown() && metersResource(scope));
  /** The periods and charges: subscriptions, and the credits benefits that renew with them. */
  readonly #subs = this.watch((scope) => this.#shown() && subscriptionsResource(scope));
  readonly #grants = this.watch((scope) => this.#shown() && grantsResource(scope));

  protected override render() {
    const t = this.t;
    const gate = this.gate(t.usageSignedOut);
    if (gate) return gate;
    const org = this.#org.value;
    return html`<section part="base" aria-labelledby="usage-h">
      ${this.heading(t.usageTitle, 'usage-h')}
      ${!org?.data
        ? resourceView(t, org, { retry: () => this.#org.retry(), ready: () => nothing })
        : !this.#shown()
          ? html`<p part="empty">${t.usageHidden}</p>`
          : resourceView(t, this.#meters.value, {
              retry: () => this.#meters.retry(),
              isEmpty: (list) => !list.items.length,
              empty: () => html`<p>${t.usageEmpty}</p>`,
              // The periods come with the subscriptions and their credits: wait for both, so cards do not grow.
              ready: (list) => ([this.#subs.value, this.#grants.value].every(isSettled) ? this.#renderMeters(list.items) : spinner(t.loading)),
            })}
    </section>`;
  }

  #renderMeters(meters: CustomerMeter[]) {
    return html`<ul part="list">
      ${meters.map((m) => this.#renderMeter(m))}
    </ul>`;
  }

  #renderMeter(m: CustomerMeter) {
    const t = this.t;
    const locale = this.resolvedLocale;
    const n = (units: number) => formatNumber(locale, units);
    const id = `meter-${m.id}`;
    const period = meterPeriod(m, this.#subs.value?.data?.items ?? [], this.#grants.value?.data ?? []);
    const credited = m.credited_units > 0;
    const over = credited && m.balance < 0;
    return html`<li part="item" class="card" aria-labelledby=${id}>
      <h3 id=${id} aria-level=${this.level(1)}>${m.meter.name}</h3>
      ${period ? html`<p class="hint period">${t.usagePeriod(formatDateRange(locale, period.start, period.end))}</p>` : nothing}
      ${credited ? this.#chart(m) : nothing}
      <dl class="figures">
        <div><dt>${t.usageUsed}</dt><dd>${n(m.consumed_units)}</dd></div>
        ${credited
          ? html`<div><dt>${t.usageCredits}</dt><dd>${n(m.credited_units)}</dd></div>
              <div class=${over ? 'over' : ''}><dt>${over ? t.usageOver : t.usageLeft}</dt><dd>${n(Math.abs(m.balance))}</dd></div>`
          : nothing}
      </dl>
      ${period?.amount && period.currency ? html`<p>${t.usageCharge(formatMoney(locale, period.amount, period.currency))}</p>` : nothing}
    </li>`;
  }

  /** Credits used, as a bar: the numbers below say the same in words. */
  #chart(m: CustomerMeter) {
    const whole = Math.max(m.consumed_units, m.credited_units);
    const used = Math.min(m.consumed_units, m.credited_units) / whole;
    const beyond = Math.max(0, m.consumed_units - m.credited_units) / whole;
    const share = new Intl.NumberFormat(this.resolvedLocale, { style: 'percent' }).format(m.consumed_units / m.credited_units);
    return html`<div class="chart">
      <svg part="chart" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="track" width="100" height="8" rx="2"></rect>
        ${svg`<rect class="used" width=${used * 100} height="8" rx="2"></rect>`}
        ${beyond ? svg`<rect class="beyond" x=${used * 100} width=${beyond * 100} height="8" rx="2"></rect>` : nothing}
      </svg>
      <span class="hint">${this.t.usageShare(share)}</span>
    </div>`;
  }
}

definePortalElement('portal-usage', PortalUsage);

declare global {
  interface HTMLElementTagNameMap {
    'portal-usage': PortalUsage;
  }
}
