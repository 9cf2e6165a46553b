import { atom, type ReadableAtom } from 'nanostores';
import type { PortalApiError } from '../api/errors.js';

export interface ResourceState<T> {
  data?: T;
  error?: PortalApiError;
  /** True while a request is in flight; `data` from before stays readable meanwhile. */
  loading: boolean;
}

export interface Resource<T> {
  readonly $state: ReadableAtom<ResourceState<T>>;
  /** Loads once; later calls share the first request or its result. */
  load(): Promise<void>;
  /** Fetches again, keeping the current data on screen until the answer arrives. */
  refresh(): Promise<void>;
}

/**
 * A remote value shared by every element that shows it: N readers cost one request.
 */
export function createResource<T>(fetcher: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const $state = atom<ResourceState<T>>({ loading: false });
  let inflight: Promise<void> | undefined;
  let loaded = false;

  const refresh = () => {
    if (inflight) return inflight;
    const controller = new AbortController();
    $state.set({ ...$state.get(), loading: true });
    inflight = fetcher(controller.signal)
      .then(
        (data) => $state.set({ data, loading: false }),
        (error: PortalApiError) => $state.set({ data: $state.get().data, error, loading: false }),
      )
      .finally(() => {
        inflight = undefined;
        loaded = true;
      });
    return inflight;
  };

  return {
    $state,
    load: () => (loaded && !$state.get().error ? Promise.resolve() : refresh()),
    refresh,
  };
}
