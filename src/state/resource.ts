import { atom, type ReadableAtom } from 'nanostores';
import { PortalApiError } from '../api/errors.js';

export interface ResourceState<T> {
  data?: T;
  error?: PortalApiError;
  /** True while a request is in flight; `data` from before stays readable meanwhile. */
  loading: boolean;
}

/** Whether a resource has answered, with data or an error (not still on its first load). */
export const isSettled = (state: ResourceState<unknown> | undefined): boolean => !!state && (state.data !== undefined || !!state.error);

export interface Resource<T> {
  readonly key: string;
  readonly $state: ReadableAtom<ResourceState<T>>;
  /** Loads once; later calls share the first request or its result. Retries after an error. */
  load(): Promise<void>;
  /** Fetches again, keeping the current data on screen until the answer arrives. */
  refresh(): Promise<void>;
  /** Replaces the data with what a mutation returned, without a request. */
  set(data: T): void;
  /**
   * Calls `listener` on every change, as a reader. When the last reader leaves, a request
   * still in flight is aborted (nobody is left to show it); the next reader loads again.
   */
  subscribe(listener: () => void): () => void;
}

/**
 * A remote value shared by every element that shows it: N readers cost one request.
 * (Our own 60 lines rather than @nanostores/query, which measured 2.8 KB gzip more.)
 */
export function createResource<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const $state = atom<ResourceState<T>>({ loading: false });
  let inflight: { promise: Promise<void>; abort: AbortController } | undefined;
  let loaded = false;
  let readers = 0;

  const refresh = () => {
    if (inflight) return inflight.promise;
    const abort = new AbortController();
    $state.set({ ...$state.get(), loading: true });
    const promise = fetcher(abort.signal)
      .then(
        (data) => {
          if (!abort.signal.aborted) $state.set({ data, loading: false });
        },
        (error: PortalApiError) => {
          if (!abort.signal.aborted) $state.set({ data: $state.get().data, error, loading: false });
        },
      )
      .finally(() => {
        if (abort.signal.aborted) return;
        inflight = undefined;
        loaded = true;
      });
    inflight = { promise, abort };
    return promise;
  };

  return {
    key,
    $state,
    load: () => (loaded && !$state.get().error ? Promise.resolve() : refresh()),
    refresh,
    set: (data) => $state.set({ data, loading: !!inflight }),
    subscribe(listener) {
      readers++;
      const unlisten = $state.listen(listener);
      return () => {
        unlisten();
        if (--readers === 0 && inflight) {
          // Nothing happened: what was on screen stays, and the next reader asks again.
          inflight.abort.abort(new PortalApiError({ kind: 'aborted', message: 'No element shows it any more.' }));
          inflight = undefined;
          $state.set({ ...$state.get(), loading: false });
        }
      };
    },
  };
}

/**
 * The signed-in user's resources, keyed by what they hold (`subscriptions`,
 * `seats:subscription:<id>`, `orders:all:10:1`, ...). A key constant of a domain file names a
 * family: `invalidate('orders')` reaches every `orders:…` key. Emptied when the user changes,
 * so one customer's data is never shown to the next.
 */
export class ResourceCache {
  readonly #resources = new Map<string, Resource<unknown>>();

  /** The resource for `key`, created with `fetcher` on first use. */
  get<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): Resource<T> {
    let resource = this.#resources.get(key) as Resource<T> | undefined;
    if (!resource) {
      resource = createResource(key, fetcher);
      this.#resources.set(key, resource as Resource<unknown>);
    }
    return resource;
  }

  /** The data of `key` when loaded, without loading it. */
  peek<T>(key: string): T | undefined {
    return this.#resources.get(key)?.$state.get().data as T | undefined;
  }

  /** True when the data of some loaded resource of `family` passes `test`. */
  some<T>(family: string, test: (data: T) => boolean): boolean {
    return this.#matching<T>([family]).some((r) => {
      const data = r.$state.get().data;
      return data !== undefined && test(data);
    });
  }

  /** Replaces the data of every loaded resource of `family` with what `change` makes of it. */
  update<T>(family: string, change: (data: T) => T): void {
    for (const resource of this.#matching<T>([family])) {
      const data = resource.$state.get().data;
      if (data !== undefined) resource.set(change(data));
    }
  }

  /**
   * Fetches again every resource of these families that has been shown (loaded or failed);
   * the others load fresh when first shown. An action calls this for exactly what it changed.
   */
  invalidate(...families: string[]): Promise<void[]> {
    const shown = this.#matching(families).filter((r) => r.$state.get().data !== undefined || r.$state.get().error);
    return Promise.all(shown.map((r) => r.refresh()));
  }

  clear(): void {
    this.#resources.clear();
  }

  #matching<T>(families: string[]): Resource<T>[] {
    return [...this.#resources]
      .filter(([key]) => families.some((k) => key === k || key.startsWith(`${k}:`)))
      .map(([, resource]) => resource as Resource<T>);
  }
}
