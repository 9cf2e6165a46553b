import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { CONFIG_KEYS, mergeConfig, type PortalConfigInput, type StorageKind, type Theme } from '../../config/config.js';
import { portalContext } from '../../context/portal-context.js';
import { definePortalElement } from '../../internal/define.js';
import { PortalElement } from '../../internal/portal-element.js';
import { scopeFor } from '../../state/scope.js';

/**
 * @summary Gives the elements inside it their own configuration: another organization,
 * API host, theme, locale or storage than the page's script tag.
 * @tag portal-provider
 * @status stable
 * @since 0.1
 *
 * Its attributes override the configuration it sits in: the page's (script tag and
 * `PolarPortal.configure()`), or an enclosing `<portal-provider>`'s. It starts no session of
 * its own: the elements inside it do, when they first show it.
 *
 * @slot - Portal elements that use this configuration.
 */
export class PortalProvider extends PortalElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The organization's slug on Polar. */
  @property() organization?: string;
  /** `production`, `sandbox` or an API base URL. */
  @property() api?: string;
  /** `light`, `dark` or `auto`. */
  @property() theme?: Theme;
  /** BCP 47 locale for the elements inside. */
  @property() locale?: string;
  /** The folder with the locale files (`de.mjs`, ...). */
  @property() locales?: string;
  /** `session`, `local` or `memory`. */
  @property() storage?: StorageKind;
  /** The Polar API version (`YYYY-MM`). */
  @property({ attribute: 'api-version' }) apiVersion?: string;
  /** Polar's Stripe publishable key, for 3-D Secure on this page. */
  @property({ attribute: 'stripe-key' }) stripeKey?: string;

  readonly #provider = new ContextProvider(this, { context: portalContext });

  /** It hands configuration on; the elements inside follow the session. */
  protected override get followsSession(): boolean {
    return false;
  }

  override connectedCallback(): void {
    // The parent's value arrives while connecting: provide before any child asks.
    super.connectedCallback();
    this.#provideValue();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('portal') || CONFIG_KEYS.some((key) => changed.has(key))) this.#provideValue();
  }

  #provideValue(): void {
    const parent = this.portal?.config;
    if (!parent) return;
    const input: PortalConfigInput = {};
    for (const key of CONFIG_KEYS) if (this[key] != null) input[key] = this[key] as never;
    const config = mergeConfig(parent, input);
    this.#provider.setValue({ config, scope: scopeFor(config, () => this) });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

definePortalElement('portal-provider', PortalProvider);

declare global {
  interface HTMLElementTagNameMap {
    'portal-provider': PortalProvider;
  }
}
