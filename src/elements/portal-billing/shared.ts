import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { Translation } from '../../i18n/translation.js';
import type { PaymentMethod } from '../../state/billing.js';

/**
 * Opens the element's one native `<dialog>` as a modal when it renders, and gives focus back
 * to the control that opened it when it goes away.
 */
export class DialogFocus implements ReactiveController {
  private opener: HTMLElement | undefined;
  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }
  hostUpdated(): void {
    const root = this.host.renderRoot as ShadowRoot;
    const dialog = root.querySelector('dialog');
    if (dialog && !dialog.open) {
      this.opener = (root.activeElement as HTMLElement | null) ?? undefined;
      dialog.showModal();
    } else if (!dialog && this.opener) {
      this.opener.focus();
      this.opener = undefined;
    }
  }
}

/** "Visa ending in 4242", or the method's type ("link"). */
export const methodLabel = (t: Translation, pm: PaymentMethod) =>
  'method_metadata' in pm && pm.method_metadata ? t.card(pm.method_metadata.brand, pm.method_metadata.last4) : pm.type;

/** The card's expiry as the locale writes month and year ("12/2029"). */
export const expiry = (locale: string, pm: PaymentMethod) =>
  'method_metadata' in pm && pm.method_metadata
    ? new Intl.DateTimeFormat(locale, { month: '2-digit', year: 'numeric' }).format(new Date(pm.method_metadata.exp_year, pm.method_metadata.exp_month - 1))
    : '';

/** The configured theme, `auto` resolved from the page's color scheme (for Polar's embed). */
export const themeOf = (theme: string | undefined): 'light' | 'dark' =>
  theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light';

/** A message at the place of an action; `at` says which action the element's alert belongs to. */
export const alertAt = (alert: { at: string; message: string } | undefined, at: string) =>
  alert?.at === at ? html`<p class="alert" role="alert" part="error">${alert.message}</p>` : nothing;
