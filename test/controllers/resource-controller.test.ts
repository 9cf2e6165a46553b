// The one binding, through a real element against the local Polar: loads follow the element's
// inputs, and a request nobody shows any more is aborted.
import { expect, fixture, html } from '@open-wc/testing';
import { PolarPortal, type PortalOrders } from '../../src/index.js';
import { freshPortal, until } from '../helpers/portal.js';
import { addFault, mintSessionToken } from '../helpers/sandbox.js';

/** Every fetch from now on with its URL and signal, until `restore()`. */
function watchFetches() {
  const seen: { url: string; signal?: AbortSignal | null }[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    seen.push({ url: String(input), signal: init?.signal });
    return original(input, init);
  };
  return { seen, restore: () => (window.fetch = original) };
}

describe('ResourceController', () => {
  let fetches: ReturnType<typeof watchFetches>;
  beforeEach(async () => {
    await freshPortal('solo');
    await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: 'alice' }));
    fetches = watchFetches();
  });
  afterEach(() => fetches.restore());

  const orderLists = () => fetches.seen.filter((f) => /\/orders\/\?/.test(f.url));

  it('aborts the request of an element that leaves the page before the answer', async () => {
    await addFault({ path: '/v1/customer-portal/orders/', method: 'GET', latency_ms: 1500 });
    const el = await fixture<PortalOrders>(html`<portal-orders></portal-orders>`);
    const request = await until(() => orderLists()[0], 'the orders request');
    expect(request.signal?.aborted).to.equal(false);
    el.remove();
    expect(request.signal?.aborted, 'nobody shows it any more').to.equal(true);
  });

  it('aborts the old key when an input changes, and shows the new one', async () => {
    await addFault({ path: '/v1/customer-portal/orders/', method: 'GET', latency_ms: 1500, times: 1 });
    const el = await fixture<PortalOrders>(html`<portal-orders page-size="5"></portal-orders>`);
    const first = await until(() => orderLists()[0], 'the first request');
    el.pageSize = 3;
    await until(() => orderLists().length === 2, 'the request for the new page size');
    expect(first.signal?.aborted).to.equal(true);
    await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 3, 'three orders');
  });

  it('a second element reading the same key keeps the request alive when the first leaves', async () => {
    await addFault({ path: '/v1/customer-portal/orders/', method: 'GET', latency_ms: 800, times: 1 });
    const page = await fixture<HTMLElement>(html`<div><portal-orders id="a"></portal-orders><portal-orders id="b"></portal-orders></div>`);
    const request = await until(() => orderLists()[0], 'the shared request');
    page.querySelector('#a')!.remove();
    expect(request.signal?.aborted).to.equal(false);
    const b = page.querySelector<PortalOrders>('#b')!;
    await until(() => b.shadowRoot!.querySelectorAll('tbody tr').length === 10, 'the orders in the other element');
    expect(orderLists().length, 'one request for both').to.equal(1);
  });
});
