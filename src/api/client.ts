import { errorFromResponse, PortalApiError } from './errors.js';
import { ANONYMOUS_OPERATIONS } from './operations.js';
import type { paths } from './schema.js';

export { POLAR_API_VERSION } from '../config/config.js';

type Method = 'get' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** Paths of the contract that have an operation for method M. */
export type PathsFor<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

type Params<Op, Where extends 'path' | 'query'> = Op extends { parameters: infer Ps }
  ? Where extends keyof Ps
    ? Exclude<Ps[Where], undefined>
    : never
  : never;
type JsonBody<Op> = Op extends { requestBody?: infer R }
  ? [Exclude<R, undefined>] extends [never]
    ? never
    : Exclude<R, undefined> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;
type BodyOption<Op> = [JsonBody<Op>] extends [never]
  ? { body?: never }
  : Op extends { requestBody: object }
    ? { body: JsonBody<Op> }
    : { body?: JsonBody<Op> };
type Success<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201 | 202 | 204
        ? R[S] extends { content: { 'application/json': infer B } }
          ? B
          : undefined
        : never;
    }[keyof R]
  : never;

/** Only the fields an operation has: `path` and `body` are required where the contract requires them. */
export type RequestOptions<Op> = {
  signal?: AbortSignal;
} & ([Params<Op, 'path'>] extends [never] ? { path?: never } : { path: Params<Op, 'path'> }) &
  ([Params<Op, 'query'>] extends [never] ? { query?: never } : { query?: Params<Op, 'query'> }) &
  BodyOption<Op>;

export type ResponseOf<P extends keyof paths, M extends Method> = Success<Operation<P, M>>;

export interface ApiClientOptions {
  /** Base URL without a trailing slash, e.g. https://api.polar.sh */
  baseUrl: string;
  /** The current session token, if any. */
  getToken: () => string | undefined;
  /** The `Polar-Version` to send (the configuration may change it at run time). */
  getVersion: () => string;
  /** Called when Polar rejects the token (401 invalid_token): the session is over. */
  onInvalidToken?: (token: string) => void;
  /** Delays between retries of a failed GET; mutations are never retried. */
  retryDelays?: readonly number[];
}

/** Waits `ms`; rejects with an `aborted` PortalApiError as soon as `signal` aborts. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const abortedError = () => new PortalApiError({ kind: 'aborted', message: 'The request was cancelled.' });

/**
 * A thin, typed client for every `/v1/customer-portal/` operation in Polar's contract.
 * Sends only CORS-allowed headers, never cookies, never a token to an anonymous operation.
 */
export class PortalApiClient {
  readonly baseUrl: string;
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl;
  }

  get<P extends PathsFor<'get'>>(path: P, options?: RequestOptions<Operation<P, 'get'>>) {
    return this.#request<P, 'get'>('get', path, options);
  }

  post<P extends PathsFor<'post'>>(path: P, options?: RequestOptions<Operation<P, 'post'>>) {
    return this.#request<P, 'post'>('post', path, options);
  }

  patch<P extends PathsFor<'patch'>>(path: P, options: RequestOptions<Operation<P, 'patch'>>) {
    return this.#request<P, 'patch'>('patch', path, options);
  }

  delete<P extends PathsFor<'delete'>>(path: P, options?: RequestOptions<Operation<P, 'delete'>>) {
    return this.#request<P, 'delete'>('delete', path, options);
  }

  /** The absolute URL of an operation, with path parameters and the query filled in. */
  url(path: string, pathParams?: Record<string, unknown>, query?: Record<string, unknown>): string {
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = pathParams?.[name];
      if (value === undefined || value === null || value === '') {
        throw new TypeError(`Missing path parameter "${name}" for ${path}`);
      }
      return encodeURIComponent(String(value));
    });
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) search.append(key, String(item));
      }
    }
    const qs = search.toString();
    return `${this.baseUrl}${filled}${qs ? `?${qs}` : ''}`;
  }

  /**
   * Opens the customer's server-sent event stream (`GET customers/stream`, which Polar keeps out
   * of its contract). The response body is the stream; failures are PortalApiErrors as usual.
   */
  stream(path: string, signal: AbortSignal): Promise<Response> {
    return this.#send('get', path, { signal }, 'text/event-stream', []);
  }

  async #request<P extends keyof paths, M extends Method>(method: M, path: P, options: SendOptions = {}): Promise<ResponseOf<P, M>> {
    const response = await this.#send(method, path as string, options, 'application/json', method === 'get' ? (this.#options.retryDelays ?? [300, 1200]) : []);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as ResponseOf<P, M>;
  }

  /** One call: CORS-safe headers, the token unless anonymous, retries of network errors and 5xx. */
  async #send(method: Method, path: string, options: SendOptions, accept: string, retryDelays: readonly number[]): Promise<Response> {
    const { signal } = options;
    const url = this.url(path, options.path as Record<string, unknown> | undefined, options.query as Record<string, unknown> | undefined);
    const headers: Record<string, string> = { Accept: accept, 'Polar-Version': this.#options.getVersion() };
    const anonymous = ANONYMOUS_OPERATIONS.has(`${method.toUpperCase()} ${path}`);
    const token = anonymous ? undefined : this.#options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortedError();
      let response: Response;
      try {
        response = await fetch(url, { method: method.toUpperCase(), headers, body, signal, credentials: 'omit' });
      } catch (cause) {
        if (signal?.aborted) throw abortedError();
        if (attempt < retryDelays.length) {
          await sleep(retryDelays[attempt], signal);
          continue;
        }
        throw new PortalApiError({
          kind: 'network',
          message: 'Could not reach the server. Check your connection and try again.',
          body: cause,
        });
      }
      if (response.ok) return response;
      if (response.status >= 500 && attempt < retryDelays.length) {
        await sleep(retryDelays[attempt], signal);
        continue;
      }
      const error = errorFromResponse(response.status, await readJson(response), retryAfterOf(response));
      if (error.isInvalidToken && token) this.#options.onInvalidToken?.(token);
      throw error;
    }
  }
}

interface SendOptions {
  path?: unknown;
  query?: unknown;
  body?: unknown;
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After is readable only where CORS exposes it (same origin); Polar's does not. */
function retryAfterOf(response: Response): number | undefined {
  const value = Number(response.headers.get('Retry-After'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
