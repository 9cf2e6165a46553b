import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { portalContext, type PortalContextValue } from '../context/portal-context.js';
import { StoreController } from '../controllers/store-controller.js';
import { translationFor } from '../i18n/localize.js';
import type { Translation } from '../i18n/translation.js';
import type { SessionState } from '../state/session.js';

/**
 * The base of every portal element: receives configuration and the shared scope through
 * context, follows the session, resolves the locale, and applies the theme.
 */
export class PortalElement extends LitElement {
  /** @internal The nearest provider's configuration and scope. */
  @consume({ context: portalContext, subscribe: true })
  @state()
  protected portal?: PortalContextValue;

  /** @internal */
  protected readonly session = new StoreController<SessionState>(this);

  /** The element's language; falls back to the configured locale, then the page's. */
  @property() override lang = '';

  private readonly internals: ElementInternals | undefined = this.attachInternals?.();

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('portal')) {
      this.session.setStore(this.portal?.scope.session.$state);
      void this.portal?.scope.session.activate();
      this.setState('theme-light', this.portal?.config.theme === 'light');
      this.setState('theme-dark', this.portal?.config.theme === 'dark');
    }
  }

  /** @internal The locale for text, money and dates. */
  protected get resolvedLocale(): string {
    return (
      this.lang ||
      this.portal?.config.locale ||
      this.parentElement?.closest<HTMLElement>('[lang]')?.lang ||
      document.documentElement.lang ||
      navigator.language ||
      'en'
    );
  }

  /** @internal */
  protected get t(): Translation {
    return translationFor(this.resolvedLocale);
  }

  /** @internal Exposes `:state(name)` to the page's CSS. */
  protected setState(name: string, on: boolean): void {
    try {
      if (on) this.internals?.states.add(name);
      else this.internals?.states.delete(name);
    } catch {
      // Engines without CustomStateSet just miss the styling hook.
    }
  }
}
