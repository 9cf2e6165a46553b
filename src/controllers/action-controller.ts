import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { PortalApiError } from '../api/errors.js';
import type { Translation } from '../i18n/translation.js';
import { errorMessage } from '../internal/error-message.js';
import { keepFocus } from '../internal/focus.js';

/** The last outcome, shown where its action is: an error, or a confirmation. */
interface Outcome {
  at: string;
  message: string;
  ok?: boolean;
}

/**
 * One action at a time, and its outcome at its place: `run('save', …)` ignores a second click
 * while `save` runs, marks the element busy, and turns a failure into the message shown by
 * `outcomeAt('save')` (a 401 says that what was typed is kept for after sign-in); `succeed`
 * puts a confirmation there instead. Errors are alerts, confirmations are status messages:
 * each is announced once, beside the control it is about. Actions get an AbortSignal that
 * fires when the element leaves the page.
 */
export class ActionController implements ReactiveController {
  /** The running action, so a second click sends nothing. */
  busy: string | undefined;
  #outcome: Outcome | undefined;
  #stop = new AbortController();
  readonly #host: ReactiveElement;
  readonly #t: () => Translation;

  constructor(host: ReactiveElement, t: () => Translation) {
    this.#host = host;
    this.#t = t;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#stop.signal.aborted) this.#stop = new AbortController();
  }

  hostDisconnected(): void {
    this.#stop.abort();
  }

  /**
   * Runs `action` unless one is running; true when it succeeded. `invalid` may take a 422 whose
   * fields a form shows (return true), instead of the alert.
   */
  async run(at: string, action: (signal: AbortSignal) => Promise<unknown>, invalid?: (error: PortalApiError) => boolean): Promise<boolean> {
    if (this.busy) return false;
    this.#set(at, undefined);
    try {
      await action(this.#stop.signal);
      return true;
    } catch (error) {
      const e = error instanceof PortalApiError ? error : undefined;
      if (e?.kind === 'aborted' || (e?.status === 422 && invalid?.(e))) return false;
      const t = this.#t();
      this.fail(at, e?.status === 401 ? t.keptForRetry : (e?.code && t.payError(e.code)) || errorMessage(t, error));
      return false;
    } finally {
      this.#set(undefined, this.#outcome);
      // The pressed button may be gone with what it acted on (a removed card): its outcome takes focus.
      void keepFocus(this.#host, () => this.#host.renderRoot.querySelector<HTMLElement>('[data-outcome]'));
    }
  }

  /** Shows `message` at `at`, as if its action had failed. */
  fail(at: string, message: string): void {
    this.#set(this.busy, { at, message });
  }

  /**
   * Confirms at `at` what an action did; `focus` moves focus to the confirmation (the pressed
   * control now stands for something else, like another card's "Make default").
   */
  succeed(at: string, message: string, focus = false): void {
    this.#set(this.busy, { at, message, ok: true });
    if (focus) void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('[data-outcome]')?.focus());
  }

  /** Forgets the outcome of these actions (their dialog closed), or any outcome. */
  clear(...ats: string[]): void {
    if (this.#outcome && (!ats.length || ats.includes(this.#outcome.at))) this.#set(this.busy, undefined);
  }

  /** The outcome of `at`, where that action's button is: nothing while there is none. */
  outcomeAt(at: string) {
    const o = this.#outcome?.at === at ? this.#outcome : undefined;
    if (!o) return nothing;
    return o.ok
      ? html`<p class="done" role="status" part="status" tabindex="-1" data-outcome>${o.message}</p>`
      : html`<p class="alert" role="alert" part="error" tabindex="-1" data-outcome>${o.message}</p>`;
  }

  #set(busy: string | undefined, outcome: Outcome | undefined): void {
    this.busy = busy;
    this.#outcome = outcome;
    this.#host.requestUpdate();
  }
}
