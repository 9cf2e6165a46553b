// @ts-check
// Response helpers and the error bodies Polar's exception handlers produce (polar-api.md §6).
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {unknown} body JSON body; `undefined` = empty body, a string = text/plain, a Buffer as it is
   * @param {Record<string, string>} [headers]
   */
  constructor(status, body, headers = {}) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** `PolarError` subclasses: `{error: ClassName, detail}`. */
export const polarError = (/** @type {number} */ status, /** @type {string} */ error, /** @type {string} */ detail, /** @type {Record<string,string>} */ headers = {}) =>
  new HttpError(status, { error, detail }, headers);

export const notFound = (detail = 'Not found') => polarError(404, 'ResourceNotFound', detail);
export const notPermitted = (/** @type {string} */ detail) => polarError(403, 'NotPermitted', detail);
export const unauthorized = () => polarError(401, 'Unauthorized', 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="polar"' });

/**
 * @typedef {{type: string, loc: (string|number)[], msg: string, input: unknown, ctx?: Record<string, unknown>}} FieldError
 */

/** FastAPI request validation (framework-level, before the handler runs). */
export const requestValidationError = (/** @type {FieldError[]} */ detail) => new HttpError(422, { error: 'RequestValidationError', detail });

/** Business-rule validation raised from services (`PolarRequestValidationError`), one or more errors. */
export const polarValidationErrors = (/** @type {FieldError[]} */ detail) => new HttpError(422, { error: 'PolarRequestValidationError', detail });

/** One business-rule error; `type` as the service writes it (`value_error`, `missing`, `invalid`). */
export const polarValidationError = (/** @type {(string|number)[]} */ loc, /** @type {string} */ msg, /** @type {unknown} */ input, type = 'value_error') =>
  polarValidationErrors([{ type, loc, msg, input }]);

/** The Authlib OAuth2 error for a token that is unknown, expired or malformed. */
export function invalidTokenError() {
  const description = 'The access token provided is expired, revoked, malformed, or invalid for other reasons.';
  return new HttpError(401, { error: 'invalid_token', error_description: description }, {
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'WWW-Authenticate': `Bearer realm="polar", error="invalid_token", error_description="${description}"`,
  });
}

/**
 * Write a response. JSON unless the body is a string (text/plain) or undefined (empty).
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} headers
 */
export function writeResponse(res, status, body, headers) {
  if (res.headersSent || res.destroyed) return;
  /** @type {Record<string, string>} */
  const h = { ...headers };
  /** @type {string|Buffer} */
  let payload = '';
  if (Buffer.isBuffer(body)) {
    payload = body;
  } else if (body === undefined) {
    // nothing: 204, 429 and 202-without-body responses carry no content-type
  } else if (typeof body === 'string') {
    payload = body;
    h['Content-Type'] ??= 'text/plain; charset=utf-8';
  } else {
    payload = JSON.stringify(body);
    h['Content-Type'] ??= 'application/json';
  }
  if (status !== 204 && status !== 304) h['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(status, STATUS_CODES[status] ?? '', h);
  res.end(status === 204 ? undefined : payload);
}

/**
 * Read and JSON-parse the request body. Returns `undefined` for an empty body.
 * @param {import('node:http').IncomingMessage} req
 */
export async function readJsonBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 10 * 1024 * 1024) throw new HttpError(413, { detail: 'Request Entity Too Large' });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw requestValidationError([{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: String(/** @type {Error} */ (e).message) } }]);
  }
}

/** Starlette's not-found / method-not-allowed bodies. */
export const routeNotFound = () => new HttpError(404, { detail: 'Not Found' });
export const methodNotAllowed = (/** @type {string[]} */ allow) => new HttpError(405, { detail: 'Method Not Allowed' }, { Allow: allow.join(', ') });
