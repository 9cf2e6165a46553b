import { ContextProvider } from '@lit/context';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { mergeConfig, type PortalConfigInput, type StorageKind, type Theme } from '../../config/config.js';
import { $globalConfig } from '../../config/global-config.js';
import { portalContext } from '../../context/portal-context.js';
import { definePortalElement } from '../../internal/define.js';
import { PortalElement } from '../../internal/portal-element.js';
import { scopeFor } from '../../state/scope.js';

const CONFIG_KEYS = ['organization', 'api', 'theme', 'locale', 'storage'] as const;

/**
 * @summary Gives the elements inside it their own configuration: another organization,
 * API host, theme, locale or storage than the page's script tag.
 * @tag portal-provider
 * @status stable
 * @since 0.1
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
  /** `session`, `local` or `memory`. */
  @property() storage?: StorageKind;

  private readonly provider = new ContextProvider(this, { context: portalContext });
  private unlisten?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten = $globalConfig.listen(() => this.provideValue());
    this.provideValue();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (CONFIG_KEYS.some((key) => changed.has(key))) this.provideValue();
  }

  private provideValue(): void {
    const input: PortalConfigInput = {};
    for (const key of CONFIG_KEYS) if (this[key] != null) input[key] = this[key] as never;
    const config = mergeConfig($globalConfig.get(), input);
    this.provider.setValue({ config, scope: scopeFor(config, () => this) });
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
