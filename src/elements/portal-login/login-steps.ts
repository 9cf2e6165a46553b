import { PortalApiError } from '../../api/errors.js';
import { formatWait } from '../../i18n/localize.js';
import type { Translation } from '../../i18n/translation.js';

/** Polar blocks a login identity for 15 minutes once it exceeds 6/min or 12/h (polar-api.md §4). */
const LOGIN_BLOCK_SECONDS = 900;

export type Field = 'email' | 'pick' | 'code';
export interface AccountChoice {
  id: string;
  name: string | null;
}

/**
 * What tells the accounts of a 409 apart: Polar sends only id and name, so an account without
 * a name, or with a name another one has too, gets its place in the list ("Account 2").
 */
export function accountLabels(t: Translation, accounts: AccountChoice[]): string[] {
  const names = accounts.map((a) => a.name?.trim() ?? '');
  return names.map((name, i) => (!name ? t.accountN(i + 1) : names.indexOf(name) !== names.lastIndexOf(name) ? `${name} (${t.accountN(i + 1)})` : name));
}

/** Letters and digits only, upper case, at most 6: what Polar compares exactly. */
export function normalizeCode(raw: string): string {
  const upper = raw.toUpperCase();
  // A pasted sentence ("Your code is ABC123.") carries the code as a 6-character word.
  const word = raw.length > 6 ? /(?:^|[^A-Z0-9])([A-Z0-9]{6})(?![A-Z0-9])/.exec(upper) : null;
  return (word ? word[1] : upper.replace(/[^A-Z0-9]/g, '')).slice(0, 6);
}

/** What a failed sign-in step means for the form. */
export type LoginFailure =
  | { kind: 'pick'; accounts: AccountChoice[] }
  | { kind: 'blocked'; seconds: number; message: string }
  | { kind: 'field'; field: Field; message: string }
  | { kind: 'alert'; message: string };

/**
 * Turns a failed code request or sign-in into what the form shows: the account picker (409),
 * a wait (429), a message at the field it is about, or one above the form.
 */
export function loginFailure(t: Translation, locale: string, error: unknown, field: Field, organization: string | undefined): LoginFailure {
  if (!(error instanceof PortalApiError)) return { kind: 'alert', message: t.genericError };
  if (error.code === 'customer_selection_required') {
    const body = error.body as { customers?: AccountChoice[] } | undefined;
    return { kind: 'pick', accounts: body?.customers ?? [] };
  }
  if (error.status === 429) {
    const seconds = error.retryAfter ?? LOGIN_BLOCK_SECONDS;
    return { kind: 'blocked', seconds, message: t.rateLimited(formatWait(locale, seconds)) };
  }
  if (error.code === 'CustomerSessionCodeInvalidOrExpired') return { kind: 'field', field: 'code', message: t.codeInvalid };
  if (error.code === 'missing_organization') return { kind: 'alert', message: t.notConfigured };
  if (error.status === 404 && organization) return { kind: 'alert', message: t.organizationNotFound(organization) };
  if (error.status === 422) {
    const message = error.fieldErrors[field] ?? Object.values(error.fieldErrors)[0];
    return { kind: 'field', field, message: field === 'email' && message ? `${t.emailInvalid} (${message})` : (message ?? error.message) };
  }
  return { kind: 'alert', message: error.kind === 'network' ? t.networkError : error.message || t.genericError };
}
