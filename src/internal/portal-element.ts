// Any element, imported on its own, brings the page-wide configuration and provider with it.
import '../bootstrap.js';
import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalConfig } from '../config/config.js';
import { portalContext, type PortalContextValue } from '../context/portal-context.js';
import { ResourceController, type ResourceSelector } from '../controllers/resource-controller.js';
import { PortalEvent, type PortalEventDetails, type PortalEventName } from '../events/portal-event.js';
import { loadingLabel, nearestLocale, onTranslations, translationFor } from '../i18n/localize.js';
import type { Translation } from '../i18n/translation.js';
import { customerResource } from '../state/billing.js';
import type { PortalScope } from '../state/scope.js';
import type { SessionState } from '../state/session.js';
import { pageScheme, type Scheme } from './color-scheme.js';
import { watchPage } from './watch-page.js';
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

  /**
   * The element's language; falls back to the configured locale, then the page's. Kept as the
   * `lang` attribute too (screen readers go by the attribute), which is left off when empty:
   * `lang=""` would say the language is unknown.
   */
  @property({ reflect: true, converter: { toAttribute: (value: string) => value || null } })
  override lang = '';
  /** The level of the element's heading (2 unless the page's outline needs another). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  readonly #bindings: ResourceController<unknown>[] = [];
  /** The signed-in customer's language as Polar keeps it, when nothing closer names one. */
  readonly #customer = this.watch((scope) => !this.#ownLang && !this.config?.locale && customerResource(scope));
  #unlistenSession: (() => void) | undefined;
  #followed: PortalScope | undefined;
  #focusNext: string | undefined;
  #unwatchPage: (() => void) | undefined;
  #unwatchTranslations: (() => void) | undefined;
  /** The `lang` this element put on itself (see `updated`), told apart from the page's own. */
  #markedLang: string | undefined;
  /** The language of the last render. */
  #renderedCode: string | undefined;
  /** The locale, worked out once per update (messages ask for it hundreds of times a render). */
  #locale: string | undefined;

  constructor() {
    super();
    // While the element's language loads, it shows "Loading" in that language, not English.
    // (A provider only passes its children through.)
    const render = this.render;
    if (this.followsSession) {
      this.render = () => {
        void this.t; // asks for the language, which starts loading it
        const label = loadingLabel((this.#renderedCode = this.#code));
        return label ? spinner(label) : render.call(this);
      };
    }
  }

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
    this.#unwatchPage = watchPage(this.#pageChanged);
    this.#unwatchTranslations = onTranslations(() => this.requestUpdate());
    this.#applyScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(undefined);
    this.#unwatchPage?.();
    this.#unwatchTranslations?.();
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
    this.#locale = undefined;
    // Again after the subclass's willUpdate, which may have changed what its selectors read.
    this.#syncBindings();
    // Before the render commits, so the mark is part of this update rather than a second one.
    this.#markLang();
    super.update(changed);
  }

  #markLang(): void {
    // Screen readers speak text in the language it is marked with: when ours is not the one
    // around us (a German customer on an English shop), say so on the host.
    if (this.lang && this.lang !== this.#markedLang) return;
    const code = this.#code;
    const marked = code === (nearestLocale(this.#inheritedLang) ?? 'en') ? undefined : code;
    if (marked !== this.#markedLang) {
      this.#markedLang = marked;
      this.lang = marked ?? '';
    }
  }

  /** The page changed its scheme or language: follow it. */
  readonly #pageChanged = (): void => {
    this.#applyScheme();
    this.#locale = undefined;
    if (this.#code !== this.#renderedCode) this.requestUpdate();
  };

  /**
   * @internal The locale for money and dates (`de-AT`), the first with a translation of: the
   * element's `lang`, the configured locale, the customer's locale from Polar, the page's
   * language, the browser's languages; English last.
   */
  protected get resolvedLocale(): string {
    return (this.#locale ??= this.#resolveLocale());
  }

  #resolveLocale(): string {
    const host = (this.getRootNode() as ShadowRoot).host;
    // An element inside another (benefits in a subscription's details) speaks as its host.
    if (host instanceof PortalElement && !this.#ownLang) return host.resolvedLocale;
    // Polar stores "en" for every customer of an organization without checkout localization
    // (polar/checkout/service.py hardcodes it), so a bare "en" says nothing about the customer.
    const customer = this.#customer.value?.data?.locale;
    const candidates = [this.#ownLang, this.config?.locale, customer === 'en' ? '' : customer, this.#inheritedLang, ...navigator.languages];
    return candidates.find((c) => nearestLocale(c)) ?? 'en';
  }

  /** The `lang` the page put on this element, if any. */
  get #ownLang(): string {
    return this.lang === this.#markedLang ? '' : this.lang;
  }

  /** The `lang` of the nearest ancestor that has one, across shadow roots. */
  get #inheritedLang(): string | undefined {
    for (let node = this.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
      if (node instanceof HTMLElement && node.lang) return node.lang;
    }
    return undefined;
  }

  /** The language of the text: the supported one nearest to the locale (`de-AT` → `de`). */
  get #code(): string {
    return nearestLocale(this.resolvedLocale) ?? 'en';
  }

  /** @internal */
  protected get t(): Translation {
    return translationFor(this.#code, this.config?.locales);
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
