import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Resource, ResourceCache, ResourceState } from '../state/resource.js';

/**
 * Shows one shared resource in an element: subscribes to it, loads it on first use, and
 * follows it when the element asks for another key or the user changes (the cache then
 * hands out a fresh resource for the same key).
 */
export class ResourceController<T> implements ReactiveController {
  private resource: Resource<T> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get value(): ResourceState<T> | undefined {
    return this.resource?.$state.get();
  }

  get current(): Resource<T> | undefined {
    return this.resource;
  }

  /** Call from `willUpdate`: which resource to show now, or none (signed out). */
  use(cache: ResourceCache | undefined, key: string | undefined, fetcher: (signal: AbortSignal) => Promise<T>): void {
    const next = cache && key ? cache.get(key, fetcher) : undefined;
    if (next === this.resource) return;
    this.unsubscribe?.();
    this.resource = next;
    this.unsubscribe = next?.$state.listen(() => this.host.requestUpdate());
    void next?.load();
  }

  /** Fetches again (the Retry button). */
  retry(): void {
    void this.resource?.refresh();
  }

  hostConnected(): void {
    if (this.resource && !this.unsubscribe) this.unsubscribe = this.resource.$state.listen(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
