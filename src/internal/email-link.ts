import { confirmEmailChange, EMAIL_TOKEN } from '../state/billing.js';
import type { PortalScope } from '../state/scope.js';

/** The confirmation of the email-change link this page was opened with: once per page, shared by every element. */
let fromAddress: Promise<string> | undefined;

/** The confirmation under way or done, once an element took the link from the address. */
export const emailLinkTaken = (): Promise<string> | undefined => fromAddress;

/** Whether the page was opened with an email-change link (`?token=polar_cev_…`), not yet taken. */
export const hasEmailLink = (): boolean => EMAIL_TOKEN.test(new URL(location.href).searchParams.get('token') ?? '');

/**
 * Confirms the email-change link in the page address, if any: takes the token out of the address
 * at once (spent or not, it has no business in the history), then checks and verifies it, which
 * signs the customer in. Resolves to the new address; every caller gets the same promise, until
 * the address carries another link.
 */
export function confirmEmailLink(scope: PortalScope): Promise<string> | undefined {
  if (hasEmailLink()) {
    const url = new URL(location.href);
    const token = url.searchParams.get('token')!;
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url);
    fromAddress = confirmEmailChange(scope, token);
  }
  return fromAddress;
}
