/** What went wrong, in the terms an element needs to pick a message and a next step. */
export type PortalErrorKind =
  | 'http' // the server answered with an error status
  | 'network' // no answer: offline, DNS, CORS refusal, dropped connection
  | 'aborted' // the caller's AbortSignal fired
  | 'config' // refused before any request: a missing organization, a malformed token

export interface PortalApiErrorInit {
  kind: PortalErrorKind;
  status?: number;
  code?: string;
  message: string;
  fieldErrors?: Record<string, string>;
  retryAfter?: number;
  body?: unknown;
}

/**
 * The one error every API failure becomes. `code` is Polar's `error` value
 * (`NotPermitted`, `invalid_token`, `customer_selection_required`, ...), `fieldErrors`
 * maps a 422's `detail[].loc` (without its `body`/`query`/`path` head) to its message.
 */
export class PortalApiError extends Error {
  override readonly name = 'PortalApiError';
  readonly kind: PortalErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly fieldErrors: Record<string, string>;
  /** Seconds to wait before trying again (429), when known. */
  readonly retryAfter?: number;
  /** The parsed error body, for callers that need more (the 409 account list). */
  readonly body?: unknown;

  constructor(init: PortalApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfter = init.retryAfter;
    this.body = init.body;
  }

  /** The session token is no longer accepted: the user has to sign in again. */
  get isInvalidToken(): boolean {
    return this.status === 401 && this.code === 'invalid_token';
  }
}

interface ValidationItem {
  loc?: unknown[];
  msg?: string;
}

/** Builds the typed error from a non-2xx response and its (possibly empty) body. */
export function errorFromResponse(status: number, body: unknown, retryAfter?: number): PortalApiError {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const detail = record.detail;
  const fieldErrors: Record<string, string> = {};
  let message: string;

  if (Array.isArray(detail)) {
    for (const item of detail as ValidationItem[]) {
      const loc = Array.isArray(item.loc) ? item.loc.slice(1).join('.') : '';
      if (item.msg && !(loc in fieldErrors)) fieldErrors[loc] = item.msg;
    }
    message = Object.values(fieldErrors)[0] ?? 'The request was not valid.';
  } else if (typeof detail === 'string') {
    message = detail;
  } else if (typeof record.error_description === 'string') {
    message = record.error_description;
  } else {
    message = status === 429 ? 'Too many requests.' : `The request failed (HTTP ${status}).`;
  }

  const code =
    typeof record.error === 'string' ? record.error : status === 429 ? 'rate_limited' : undefined;
  return new PortalApiError({ kind: 'http', status, code, message, fieldErrors, retryAfter, body });
}
