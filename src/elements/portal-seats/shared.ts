import { html, nothing, type LitElement } from 'lit';
import type { Translation } from '../../i18n/translation.js';

const find = (host: LitElement, id: string) => host.shadowRoot?.querySelector<HTMLDialogElement>(`#${id}`);

/** Opens a modal `<dialog>` of the host after its next render; returns the element to refocus on close. */
export async function showDialog(host: LitElement, id: string): Promise<HTMLElement | undefined> {
  const opener = (host.shadowRoot?.activeElement as HTMLElement | null) ?? undefined;
  await host.updateComplete;
  const dialog = find(host, id);
  if (dialog && !dialog.open) dialog.showModal();
  return opener;
}

export const closeDialog = (host: LitElement, id: string) => find(host, id)?.close();

/** Focus goes back to the opener, or to the element's `[data-focus]` control when the opener is gone. */
export function refocus(host: LitElement, opener: HTMLElement | undefined): void {
  (opener?.isConnected && opener.offsetParent ? opener : host.shadowRoot?.querySelector<HTMLElement>('[data-focus]'))?.focus();
}

/** Previous / page N of M / Next, shared by the seats and team tables (`page` counts from 1). */
export const pager = (t: Translation, page: number, pages: number, go: (page: number) => void) =>
  pages > 1
    ? html`<div class="pager">
        <button ?disabled=${page <= 1} @click=${() => go(page - 1)}>${t.previous}</button>
        <span>${t.pageOf(page, pages)}</span>
        <button ?disabled=${page >= pages} @click=${() => go(page + 1)}>${t.next}</button>
      </div>`
    : nothing;
