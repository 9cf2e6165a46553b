import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Resource, ResourceState } from '../state/resource.js';
import type { PortalScope } from '../state/scope.js';

/** Which resource to show now, given the element's scope; nothing (`undefined`, `false`) for none. */
export type ResourceSelector<T> = (scope: PortalScope) => Resource<T> | undefined | false | '';

export interface ResourceBinding {
  sync(scope: PortalScope | undefined, signedIn: boolean): void;
}

/**
 * Shows one shared resource in an element, the `args` idea of `@lit/task`: the selector runs
 * on every update (it only builds a key), and when it names another resource the controller
 * follows it: unsubscribes the old one (which aborts its request if nobody else reads it),
 * subscribes and loads the new one. While it shows user data it holds the scope's customer
 * event stream, which refreshes what Polar's background work changes.
 * `PortalElement.watch()` creates these; elements never call `load()` themselves.
 */
export class ResourceController<T> implements ReactiveController, ResourceBinding {
  #resource: Resource<T> | undefined;
  #scope: PortalScope | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  readonly #host: ReactiveControllerHost;
  readonly #select: ResourceSelector<T>;
  readonly #anonymous: boolean;

  constructor(
    host: ReactiveControllerHost,
    select: ResourceSelector<T>,
    /** `anonymous`: also while signed out (the organization); user data needs a session. */
    anonymous = false,
  ) {
    this.#host = host;
    this.#select = select;
    this.#anonymous = anonymous;
    host.addController(this);
  }

  /** The resource's state: data, error, loading. Undefined while there is nothing to show. */
  get value(): ResourceState<T> | undefined {
    return this.#resource?.$state.get();
  }

  sync(scope: PortalScope | undefined, signedIn: boolean): void {
    const next = (scope && (signedIn || this.#anonymous) && this.#select(scope)) || undefined;
    if (next === this.#resource) return;
    this.#stop();
    this.#resource = next;
    this.#scope = scope;
    if (this.#connected) this.#start();
  }

  /** Fetches again (the Retry button). */
  retry(): void {
    void this.#resource?.refresh();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    if (!this.#resource || this.#unsubscribe) return;
    const unsubscribe = this.#resource.subscribe(() => this.#host.requestUpdate());
    const release = this.#anonymous ? undefined : this.#scope?.stream.hold();
    this.#unsubscribe = () => {
      unsubscribe();
      release?.();
    };
    void this.#resource.load();
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
