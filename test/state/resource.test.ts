import { expect } from '@open-wc/testing';
import { PortalApiError } from '../../src/api/errors.js';
import { createResource, ResourceCache } from '../../src/state/resource.js';

/** A fetcher whose answers the test gives by hand, recording each call's signal. */
function manual<T>() {
  const calls: { signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const fetcher = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new PortalApiError({ kind: 'aborted', message: 'aborted' })));
    });
  return { calls, fetcher };
}

describe('state/resource', () => {
  it('shares one request between readers and keeps data on screen while refreshing', async () => {
    const { calls, fetcher } = manual<number>();
    const r = createResource('n', fetcher);
    const a = r.load();
    const b = r.load();
    expect(calls.length).to.equal(1);
    calls[0].resolve(1);
    await Promise.all([a, b]);
    expect(r.$state.get()).to.deep.equal({ data: 1, loading: false });
    void r.refresh();
    expect(r.$state.get()).to.deep.equal({ data: 1, loading: true });
    calls[1].resolve(2);
    await r.refresh();
    expect(r.$state.get().data).to.equal(2);
  });

  it('aborts the request when its last reader leaves, and loads again for the next one', async () => {
    const { calls, fetcher } = manual<string>();
    const r = createResource('x', fetcher);
    const stopA = r.subscribe(() => undefined);
    const stopB = r.subscribe(() => undefined);
    void r.load();
    stopA();
    expect(calls[0].signal.aborted, 'another reader is still there').to.equal(false);
    stopB();
    expect(calls[0].signal.aborted).to.equal(true);
    expect(r.$state.get()).to.deep.equal({ loading: false });
    await Promise.resolve();
    expect(r.$state.get().error, 'an abort is not an error').to.equal(undefined);

    const stop = r.subscribe(() => undefined);
    const loading = r.load();
    expect(calls.length, 'a new reader asks again').to.equal(2);
    calls[1].resolve('fresh');
    await loading;
    expect(r.$state.get().data).to.equal('fresh');
    stop();
  });

  it('keeps an error for Retry, then loads again', async () => {
    const { calls, fetcher } = manual<number>();
    const r = createResource('e', fetcher);
    const first = r.load();
    calls[0].reject(new PortalApiError({ kind: 'http', status: 500, message: 'boom' }));
    await first;
    expect(r.$state.get().error?.status).to.equal(500);
    const again = r.load();
    calls[1].resolve(3);
    await again;
    expect(r.$state.get()).to.deep.equal({ data: 3, loading: false });
  });

  it('invalidates and updates a whole family of keys, and only what was shown', async () => {
    const cache = new ResourceCache();
    let fetched: string[] = [];
    const make = (key: string) => cache.get(key, async () => (fetched.push(key), [key]));
    await make('orders:all:10:1').load();
    await make('orders:all:10:2').load();
    make('orders:all:10:3'); // never shown
    await make('order:1').load();
    fetched = [];
    await cache.invalidate('orders');
    expect(fetched.sort()).to.deep.equal(['orders:all:10:1', 'orders:all:10:2']);
    cache.update<string[]>('orders', (list) => [...list, 'x']);
    expect(make('orders:all:10:1').$state.get().data).to.deep.equal(['orders:all:10:1', 'x']);
    expect(make('order:1').$state.get().data, 'order is another family').to.deep.equal(['order:1']);
  });
});
