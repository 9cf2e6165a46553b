import type { ReactiveController, ReactiveElement } from 'lit';

export interface ModalOptions {
  /** Where focus goes when the control that opened the dialog is gone (a row that was removed). */
  fallback: () => HTMLElement | null | undefined;
  /** While true, Escape does not close the dialog (a request is running). */
  busy?: () => boolean;
}

/** A row's controls name their row ("Remove: Max Miller"); other buttons may change their words. */
const nameOf = (element: HTMLElement | undefined) => element?.getAttribute('aria-label') ?? '';

/** The focused element, looking through shadow roots. */
function activeElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return (active as HTMLElement | null) ?? undefined;
}

/**
 * The one way an element shows a dialog. The element renders its `<dialog>` only while it is
 * open and clears its own state on the dialog's `close` event (Escape, or its own code); this
 * controller opens each rendered dialog as a modal, keeps Escape from closing it while a
 * request runs, and when the dialog goes away gives focus back to the control that opened it,
 * or to `fallback` when that control is gone.
 */
export class ModalController implements ReactiveController {
  #dialog: HTMLDialogElement | undefined;
  #opener: HTMLElement | undefined;
  /** What the opener said when it opened the dialog (its accessible name). */
  #openerName = '';

  readonly #host: ReactiveElement;
  readonly #options: ModalOptions;

  constructor(host: ReactiveElement, options: ModalOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Closes the open dialog, which fires its `close` event; not while a request runs. */
  close(): void {
    if (!this.#options.busy?.()) this.#dialog?.close();
  }

  /**
   * Lets a layer the page adds above everything (Stripe's bank check, appended to the body) take
   * focus and clicks: a modal dialog makes the rest of the document inert, which WebKit enforces
   * on that frame. `false` keeps the dialog open without the modal; `true` makes it modal again.
   * The `close` event this fires finds the dialog open again, and the element ignores it.
   */
  setModal(modal: boolean): void {
    const dialog = this.#dialog;
    if (!dialog?.open || dialog.matches(':modal') === modal) return;
    dialog.close();
    if (modal) dialog.showModal();
    else dialog.show();
  }

  hostUpdated(): void {
    const dialog = this.#host.renderRoot.querySelector('dialog') ?? undefined;
    if (dialog === this.#dialog) return;
    if (dialog) {
      if (!this.#opener) {
        this.#opener = activeElement();
        this.#openerName = nameOf(this.#opener);
      }
      dialog.addEventListener('cancel', (event) => this.#options.busy?.() && event.preventDefault());
      if (!dialog.open) dialog.showModal();
    } else {
      // Lit reuses a removed row's buttons for the next row: a row control whose label changed
      // is another row's now, so the one that opened the dialog is gone.
      const opener = this.#opener;
      const same = opener?.isConnected && opener.getClientRects().length > 0 && nameOf(opener) === this.#openerName;
      (same ? opener : this.#options.fallback())?.focus();
      this.#opener = undefined;
    }
    this.#dialog = dialog;
  }

  hostDisconnected(): void {
    this.#dialog = this.#opener = undefined;
  }
}
