import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { embedOrigin } from '../state/billing.js';
import type { PortalScope } from '../state/scope.js';

/** Polar's payment-method embed protocol (`@polar-sh/checkout` payment-method module, polar-api.md §10). */
export type EmbedMessage =
  | { event: 'loaded' | 'close' | 'confirmed' }
  | { event: 'success'; paymentMethodId: string }
  | { event: 'error'; code: 'invalid_request' | 'unauthorized' | 'processing_failed' | 'unknown' };

export interface EmbedOptions {
  theme: 'light' | 'dark';
  locale: string;
  setDefault: boolean;
}

/**
 * Mounts Polar's payment-method page in an iframe (inline mode) and turns its postMessage
 * events into calls of `onMessage`. Our own implementation of the embed protocol, rather than
 * `@polar-sh/checkout` (which builds its iframe with inline styles and fixes its origins at
 * build time): card data stays inside Polar's frame either way.
 *
 * Messages are accepted only from the embed's origin and only from our own iframe.
 */
export class PaymentMethodEmbed implements ReactiveController {
  /** The iframe's URL while open. */
  url: string | undefined;
  #origin = '';

  readonly #host: ReactiveElement;
  readonly #onMessage: (message: EmbedMessage) => void;

  constructor(host: ReactiveElement, onMessage: (message: EmbedMessage) => void) {
    this.#host = host;
    this.#onMessage = onMessage;
    host.addController(this);
  }

  /** Opens the embed for the scope's signed-in customer; false when nobody is signed in. */
  open(scope: PortalScope, o: EmbedOptions): boolean {
    const token = scope.session.currentToken();
    if (!token) return false;
    this.#origin = embedOrigin(scope.api.baseUrl);
    const url = new URL('/embed/payment-method', this.#origin);
    // Polar's embed takes the session token in its URL: that is Polar's own design
    // (@polar-sh/checkout does the same). The URL goes only into this iframe's src; it is
    // never logged, stored, put in an event detail or exposed as an attribute of ours.
    const params = {
      session_token: token,
      embed_origin: location.origin,
      embed_return_url: location.href,
      theme: o.theme,
      mode: 'inline',
      set_default: String(o.setDefault),
      locale: o.locale,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    this.url = url.href;
    addEventListener('message', this.#listener);
    this.#host.requestUpdate();
    return true;
  }

  close(): void {
    removeEventListener('message', this.#listener);
    this.url = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.close();
  }

  /** The iframe, while open; starts at no height and follows the page's `resize` messages. */
  render(title: string) {
    return this.url
      ? html`<iframe part="embed" class="embed" title=${title} src=${this.url} allow="payment ${this.#origin}"></iframe>`
      : nothing;
  }

  readonly #listener = (event: MessageEvent) => {
    const frame = this.#host.renderRoot.querySelector<HTMLIFrameElement>('iframe.embed');
    const data = event.data as (EmbedMessage & { type?: string; height?: number }) | null;
    if (event.origin !== this.#origin || !frame || event.source !== frame.contentWindow || data?.type !== 'POLAR_PAYMENT_METHOD') return;
    if ((data.event as string) === 'resize') frame.style.height = `${Math.max(0, Math.ceil(Number(data.height) || 0))}px`;
    else this.#onMessage(data);
  };
}
