import { PortalApiError } from '../api/errors.js';
import type { Translation } from '../i18n/translation.js';

/** The sentence to show for a failed request: ours for the common cases, Polar's otherwise. */
export function errorMessage(t: Translation, error: unknown): string {
  if (!(error instanceof PortalApiError)) return t.genericError;
  if (error.kind === 'network') return t.networkError;
  if (error.status === 401) return t.sessionExpired;
  if (error.status === 403 && error.code === 'NotPermitted') return t.notPermitted;
  if (error.status === 429) return t.tooManyRequests;
  if (error.status && error.status >= 500) return t.serverError;
  return error.message || t.genericError;
}
