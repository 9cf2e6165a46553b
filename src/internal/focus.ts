import type { ReactiveElement } from 'lit';

/** Whether focus fell to the page: the focused control went away (a button that an action removed). */
const focusLost = () => !document.activeElement || document.activeElement === document.body;

/**
 * After `host`'s next render, gives focus to `target` if the control that had it went away, so
 * a keyboard user continues from what changed instead of the top of the page. When `target`
 * finds nothing: an open dialog's first button, else the element's heading. Focus the user
 * moved elsewhere is left alone.
 */
export async function keepFocus(host: ReactiveElement, target: () => HTMLElement | null | undefined): Promise<void> {
  await host.updateComplete;
  if (!focusLost()) return;
  const dialog = host.renderRoot.querySelector('dialog[open]');
  (target() ?? (dialog ?? host.renderRoot).querySelector<HTMLElement>(dialog ? 'button' : '[part~="heading"]'))?.focus();
}
