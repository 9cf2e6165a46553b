// Any element, imported on its own, brings the page-wide configuration and provider with it.
import '../bootstrap.js';
import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalConfig } from '../config/config.js';
import { portalContext, type PortalContextValue } from '../context/portal-context.js';
import { ResourceController, type ResourceSelector } from '../controllers/resource-controller.js';
import { PortalEvent, type PortalEventDetails, type PortalEventName } from '../events/portal-event.js';
import { translationFor } from '../i18n/localize.js';
import type { Translation } from '../i18n/translation.js';
import type { PortalScope } from '../state/scope.js';
import type { SessionState } from '../state/session.js';
import { pageScheme, watchScheme, type Scheme } from './color-scheme.js';
import { keepFocus } from './focus.js';
import { spinner } from './templates.js';

/** What a controller of an element needs from it, read fresh each time it asks. */
export interface ElementContext {
  scope: PortalScope | undefined;
  t: Translation;
  locale: string;
  signedIn: boolean;
  emit<K extends PortalEventName>(type: K, detail: PortalEventDetails[K]): boolean;
}

/**
 * The base of every portal element: receives configuration and the shared scope through
 * context, follows the session, binds resources (`watch`), emits typed events (`emit`),
 * resolves the locale, and applies the theme.
 */
export class PortalElement extends LitElement {
  /** @internal The nearest provider's configuration and scope. */
  @consume({ context: portalContext, subscribe: true })
  @state()
  protected portal?: PortalContextValue;

  /** The element's language; falls back to the configured locale, then the page's. */
  @property() override lang = '';
  /** The level of the element's heading (2 unless the page's outline needs another). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  readonly #bindings: ResourceController<unknown>[] = [];
  #unlistenSession: (() => void) | undefined;
  #followed: PortalScope | undefined;
  #focusNext: string | undefined;
  #unwatchScheme: (() => void) | undefined;

  /** @internal The shared scope: API client, session, resources. */
  protected get scope(): PortalScope | undefined {
    return this.portal?.scope;
  }

  /** @internal The scheme the element draws in: the configured theme, or for `auto` the page's. */
  protected get scheme(): Scheme {
    const theme = this.config?.theme;
    return theme === 'light' || theme === 'dark' ? theme : pageScheme(this);
  }

  /** Exposes the scheme as `:state(theme-light)` or `:state(theme-dark)`, which set `color-scheme`. */
  readonly #applyScheme = (): void => {
    const dark = this.scheme === 'dark';
    this.setState('theme-dark', dark);
    this.setState('theme-light', !dark);
  };

  /** @internal Presentation settings of the nearest provider (theme, locale). */
  protected get config(): PortalConfig | undefined {
    return this.portal?.config;
  }

  /** @internal Who is signed in; the element re-renders on every change. */
  protected get session(): SessionState | undefined {
    return this.#followed?.session.state;
  }

  /** @internal True while a user is signed in. */
  protected get signedIn(): boolean {
    return this.session?.status === 'signed-in';
  }

  /**
   * @internal False for elements that only hand configuration on (`<portal-provider>`):
   * they must not start the session of the scope they sit in.
   */
  protected get followsSession(): boolean {
    return true;
  }

  /**
   * @internal Binds a shared resource: `select` names it from the scope (and the element's
   * inputs) and runs before every render. User data is bound only while signed in.
   */
  protected watch<T>(select: ResourceSelector<T>, anonymous = false): ResourceController<T> {
    const binding = new ResourceController<T>(this, select, anonymous);
    this.#bindings.push(binding as ResourceController<unknown>);
    return binding;
  }

  /** @internal The element as its controllers see it. */
  protected context(): ElementContext {
    return { scope: this.scope, t: this.t, locale: this.resolvedLocale, signedIn: this.signedIn, emit: (type, detail) => this.emit(type, detail) };
  }

  /**
   * @internal What every data element shows before its content: nothing without a provider, the
   * spinner while a remembered session is checked, `signedOut` while nobody is signed in.
   * Undefined once someone is.
   */
  protected gate(signedOut: unknown): TemplateResult | typeof nothing | undefined {
    if (!this.portal) return nothing;
    if (this.session?.status === 'restoring') return spinner(this.t.loading);
    if (!this.signedIn) return html`<p class="hint" role="status" part="status">${signedOut}</p>`;
    return undefined;
  }

  /**
   * @internal The `aria-level` for a heading `depth` below the element's own (`h2` is 0, `h3`
   * is 1): the outline moves with `heading-level`; the sizes stay.
   */
  protected level(depth = 0): number | typeof nothing {
    const level = this.headingLevel + depth;
    return this.headingLevel !== 2 && level > 0 && level < 7 ? level : nothing;
  }

  /** @internal The element's heading: the same size everywhere, at the level the page asks for. */
  protected heading(text: unknown, id: string) {
    return html`<h2 id=${id} part="header heading" tabindex="-1" aria-level=${this.level()}>${text}</h2>`;
  }

  /** @internal Focuses the first match of `selector` once it has rendered (it may still be loading). */
  protected focusNext(selector: string): void {
    this.#focusNext = selector;
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.#focusNext && this.renderRoot.querySelector<HTMLElement>(this.#focusNext);
    if (target) {
      target.focus();
      this.#focusNext = undefined;
    }
  }

  /** @internal After the next render, focuses `target` if the focused control went away. */
  protected keepFocus(target: () => HTMLElement | null | undefined): Promise<void> {
    return keepFocus(this, target);
  }

  /** @internal Dispatches a portal-* event; false when a `portal-before-*` event was prevented. */
  protected emit<K extends PortalEventName>(type: K, detail: PortalEventDetails[K]): boolean {
    return this.dispatchEvent(new PortalEvent(type, detail));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow(this.followsSession ? this.scope : undefined);
    this.#unwatchScheme = watchScheme(this.#applyScheme);
    this.#applyScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(undefined);
    this.#unwatchScheme?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('portal')) {
      this.#follow(this.followsSession ? this.scope : undefined);
      this.#applyScheme();
    }
    this.#syncBindings();
  }

  protected override update(changed: PropertyValues): void {
    // Again after the subclass's willUpdate, which may have changed what its selectors read.
    this.#syncBindings();
    super.update(changed);
  }

  /** @internal The locale for text, money and dates. */
  protected get resolvedLocale(): string {
    return (
      this.lang ||
      this.config?.locale ||
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
      if (on) this.#internals?.states.add(name);
      else this.#internals?.states.delete(name);
    } catch {
      // Engines without CustomStateSet just miss the styling hook.
    }
  }

  #syncBindings(): void {
    for (const binding of this.#bindings) binding.sync(this.scope, this.signedIn);
  }

  /** Follows the session of `scope` (none when disconnected) and starts its token check. */
  #follow(scope: PortalScope | undefined): void {
    if (scope === this.#followed && (this.#unlistenSession || !scope)) return;
    this.#unlistenSession?.();
    this.#unlistenSession = scope?.session.$state.listen(() => this.requestUpdate());
    this.#followed = scope;
    void scope?.session.activate();
  }
}
