import type { ReactiveController, ReactiveElement } from 'lit';
import { PortalApiError } from '../api/errors.js';
import type { Translation } from '../i18n/translation.js';
import { errorMessage } from '../internal/error-message.js';
import { alertAt } from '../internal/templates.js';

interface Alert {
  at: string;
  message: string;
}

/**
 * One action at a time, and its failure at its place: `run('save', …)` ignores a second click
 * while `save` runs, marks the element busy, and turns a failure into the message shown by
 * `alertFor('save')` (a 401 says that what was typed is kept for after sign-in). Actions get an
 * AbortSignal that fires when the element leaves the page.
 */
export class ActionController implements ReactiveController {
  /** The running action, so a second click sends nothing. */
  busy: string | undefined;
  #alert: Alert | undefined;
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
      this.#set(undefined, this.#alert);
    }
  }

  /** Shows `message` at `at`, as if its action had failed. */
  fail(at: string, message: string): void {
    this.#set(this.busy, { at, message });
  }

  /** Forgets the alert of these actions (their dialog closed), or any alert. */
  clear(...ats: string[]): void {
    if (this.#alert && (!ats.length || ats.includes(this.#alert.at))) this.#set(this.busy, undefined);
  }

  /** The alert of `at`, where that action's button is. */
  alertFor(at: string) {
    return alertAt(this.#alert, at);
  }

  #set(busy: string | undefined, alert: Alert | undefined): void {
    this.busy = busy;
    this.#alert = alert;
    this.#host.requestUpdate();
  }
}
