import type { PortalApiClient } from '../api/client.js';
import { PortalApiError } from '../api/errors.js';
import type { PortalSession } from './session.js';

const PATH = '/v1/customer-portal/customers/stream';
/** Waits before reconnecting after a failure: 1 s, doubling, at most 30 s. */
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16_000, 30_000];

/** One event of the customer's stream: Polar's `{id, key, payload}` (server/polar/eventstream/service.py). */
export interface StreamEvent {
  key: string;
  payload: Record<string, unknown>;
}
type Listener = (event: StreamEvent) => void;

/**
 * Reads the `data:` lines of a server-sent event stream, message by message, as the
 * EventSource spec parses them (any of CRLF, LF, CR ends a line; a blank line ends a message;
 * `:` starts a comment). Polar's stream carries only unnamed events, so `event:`, `id:` and
 * `retry:` are read past. Ours rather than a library: this is all Polar's stream needs.
 */
export function sseParser(onData: (data: string) => void) {
  let buffer = '';
  let data: string[] = [];
  let endedWithCR = false;
  return (chunk: string) => {
    // A CRLF split between two chunks: its CR already ended the line.
    if (endedWithCR && chunk[0] === '\n') chunk = chunk.slice(1);
    endedWithCR = chunk.endsWith('\r');
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    // The last piece is half a line until its end arrives.
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length) onData(data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line[5] === ' ' ? 6 : 5));
      }
    }
  };
}

/**
 * The customer's event stream for one scope: one connection while anything holds it and
 * someone is signed in, reconnecting with backoff, closed on sign-out. `fetch` and a stream
 * reader rather than EventSource, which cannot send the Bearer header.
 */
export class CustomerStream {
  readonly #api: PortalApiClient;
  readonly #session: PortalSession;
  readonly #listeners = new Set<Listener>();
  #holds = 0;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  readonly #unlisten: () => void;
  /** True while a connection is open and reading. */
  connected = false;

  constructor(api: PortalApiClient, session: PortalSession) {
    this.#api = api;
    this.#session = session;
    this.#unlisten = session.$state.listen(() => this.#sync());
  }

  /** Closes the connection for good (the scope is being thrown away). */
  dispose(): void {
    this.#unlisten();
    this.#holds = 0;
    this.#close();
  }

  /** Keeps the stream open until the returned function is called. */
  hold(): () => void {
    this.#holds++;
    this.#sync();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#holds--;
      this.#sync();
    };
  }

  /** Calls `listener` for every event; returns the function that stops it. */
  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The first event of `key` whose payload passes `match`, while holding the stream; rejects
   * when `signal` aborts. Listen before causing the event, so a fast one is not missed.
   */
  next(key: string, match: (payload: Record<string, unknown>) => boolean, signal: AbortSignal): Promise<StreamEvent> {
    const release = this.hold();
    return new Promise<StreamEvent>((resolve, reject) => {
      const done = () => {
        off();
        release();
        signal.removeEventListener('abort', abort);
      };
      const off = this.on((event) => {
        if (event.key !== key || !match(event.payload)) return;
        done();
        resolve(event);
      });
      const abort = () => {
        done();
        reject(new PortalApiError({ kind: 'aborted', message: 'Stopped waiting.' }));
      };
      signal.addEventListener('abort', abort, { once: true });
      if (signal.aborted) abort();
    });
  }

  #sync(): void {
    const wanted = this.#holds > 0 && this.#session.state.status === 'signed-in';
    if (wanted && !this.#abort) this.#connect();
    if (!wanted && this.#abort) this.#close();
  }

  #close(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
    this.connected = false;
  }

  #connect(): void {
    const abort = (this.#abort = new AbortController());
    void this.#read(abort.signal).then(
      // Polar ends a stream after ten minutes with `{"type": "reconnect"}`: go straight back.
      () => this.#again(abort, 0),
      (error: unknown) => {
        // A rejected token has ended the session: #sync closes the stream.
        if (abort.signal.aborted || (error instanceof PortalApiError && error.status === 401)) return;
        this.#again(abort, BACKOFF_MS[Math.min(this.#failures++, BACKOFF_MS.length - 1)]);
      },
    );
  }

  #again(abort: AbortController, delay: number): void {
    this.connected = false;
    if (abort !== this.#abort || abort.signal.aborted) return;
    this.#abort = undefined;
    this.#timer = setTimeout(() => this.#sync(), delay);
  }

  async #read(signal: AbortSignal): Promise<void> {
    const response = await this.#api.stream(PATH, signal);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    this.connected = true;
    this.#failures = 0;
    const parse = sseParser((data) => {
      let event: StreamEvent & { type?: string };
      try {
        event = JSON.parse(data);
      } catch {
        return;
      }
      if (typeof event?.key !== 'string') return;
      for (const listener of [...this.#listeners]) listener({ key: event.key, payload: event.payload ?? {} });
    });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parse(value);
    }
  }
}
