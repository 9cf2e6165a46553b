import { expect } from '@open-wc/testing';
import { PortalApiClient, POLAR_API_VERSION } from '../../src/api/client.js';
import { PortalApiError } from '../../src/api/errors.js';
import { addFault, clearFaults, configureSandbox, mintSessionToken, resetSandbox, SANDBOX } from '../helpers/sandbox.js';

function client(token?: string, onInvalidToken?: (token: string) => void) {
  return new PortalApiClient({ baseUrl: SANDBOX, getToken: () => token, getVersion: () => POLAR_API_VERSION, onInvalidToken, retryDelays: [50, 100] });
}

async function failure(promise: Promise<unknown>): Promise<PortalApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PortalApiError);
    return error as PortalApiError;
  }
  throw new Error('expected the request to fail');
}

describe('PortalApiClient', () => {
  beforeEach(async () => {
    await resetSandbox();
    await clearFaults();
    await configureSandbox({ rate_limits: false });
  });

  it('reads a customer’s data with their token, across origins', async () => {
    const token = await mintSessionToken('solo', { external_customer_id: 'alice' });
    const me = await client(token).get('/v1/customer-portal/customers/me');
    expect(me.email).to.equal('alice@example.com');
  });

  it('never sends a token to anonymous operations, so a stale one cannot break them', async () => {
    const stale = 'polar_cst_' + 'A'.repeat(43);
    const organization = await client(stale).get('/v1/customer-portal/organizations/{slug}', { path: { slug: 'solo' } });
    expect(organization.organization.slug).to.equal('solo');
    const error = await failure(client(stale).get('/v1/customer-portal/customers/me'));
    expect(error.isInvalidToken).to.equal(true);
  });

  it('tells the session when Polar rejects its token', async () => {
    const rejected: string[] = [];
    const stale = 'polar_cst_' + 'B'.repeat(43);
    await failure(client(stale, (token) => rejected.push(token)).get('/v1/customer-portal/subscriptions/'));
    expect(rejected).to.deep.equal([stale]);
  });

  it('fills path parameters and repeats array query parameters', () => {
    const url = client().url('/v1/customer-portal/orders/{id}', { id: 'a b' }, { product_id: ['x', 'y'], page: 2, query: undefined });
    expect(url).to.equal(`${SANDBOX}/v1/customer-portal/orders/a%20b?product_id=x&product_id=y&page=2`);
    expect(() => client().url('/v1/customer-portal/orders/{id}', {})).to.throw('Missing path parameter "id"');
  });

  it('turns a 422 into field errors', async () => {
    const error = await failure(
      client().post('/v1/customer-portal/customer-session/request', {
        body: { email: 'not-an-email', organization_id: 'not-a-uuid' },
      }),
    );
    expect(error.status).to.equal(422);
    expect(Object.keys(error.fieldErrors)).to.include.members(['email', 'organization_id']);
  });

  it('retries a GET after a server error, and succeeds', async () => {
    // The first answer is a 503; only a second request can bring the data.
    await addFault({ path: '/v1/customer-portal/organizations/solo', method: 'GET', status: 503, times: 1 });
    const data = await client().get('/v1/customer-portal/organizations/{slug}', { path: { slug: 'solo' } });
    expect(data.organization.slug).to.equal('solo');
  });

  it('gives up on a GET after its retries with the last error', async () => {
    await addFault({ path: '/v1/customer-portal/organizations/solo', method: 'GET', status: 500, times: 0 });
    const error = await failure(client().get('/v1/customer-portal/organizations/{slug}', { path: { slug: 'solo' } }));
    expect(error.status).to.equal(500);
  });

  it('never retries a mutation', async () => {
    // Only the first answer fails: a retry would have succeeded and hidden the 500.
    await addFault({ path: '/v1/customer-portal/customer-session/request', method: 'POST', status: 500, times: 1 });
    const send = () =>
      client().post('/v1/customer-portal/customer-session/request', {
        body: { email: 'alice@example.com', organization_id: '00000000-0000-4000-8000-000000000000' },
      });
    expect((await failure(send())).status).to.equal(500);
    await send();
  });

  it('reports a dropped connection as a network error', async () => {
    await addFault({ path: '/v1/customer-portal/organizations/solo', method: 'GET', drop: true, times: 0 });
    const error = await failure(client().get('/v1/customer-portal/organizations/{slug}', { path: { slug: 'solo' } }));
    expect(error.kind).to.equal('network');
  });

  it('stops when its AbortSignal fires', async () => {
    await addFault({ path: '/v1/customer-portal/organizations/solo', method: 'GET', latency_ms: 2000 });
    const controller = new AbortController();
    const pending = client().get('/v1/customer-portal/organizations/{slug}', { path: { slug: 'solo' }, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).kind).to.equal('aborted');
  });

  it('reports the rate limit, whose Retry-After a cross-origin page cannot read', async () => {
    await configureSandbox({ rate_limits: true });
    const api = client();
    let error: PortalApiError | undefined;
    for (let i = 0; i < 8 && !error; i++) {
      await api
        .post('/v1/customer-portal/customer-session/authenticate', { body: { code: 'AAAAAA' } })
        .catch((e: PortalApiError) => {
          if (e.status === 429) error = e;
        });
    }
    expect(error).to.include({ status: 429, code: 'rate_limited', retryAfter: undefined });
  });

  it('asks for the configured API version; one Polar no longer supports fails as a network error (a 404 outside CORS, kit/versioning.py)', async () => {
    const seen: (string | null)[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('Polar-Version'));
      return original(input, init);
    };
    try {
      const org = { path: { slug: 'solo' } } as const;
      const versioned = (version: string) => new PortalApiClient({ baseUrl: SANDBOX, getToken: () => undefined, getVersion: () => version, retryDelays: [] });
      expect((await versioned(POLAR_API_VERSION).get('/v1/customer-portal/organizations/{slug}', org)).organization.slug).to.equal('solo');
      expect((await versioned('2026-04').get('/v1/customer-portal/organizations/{slug}', org)).organization.slug).to.equal('solo');
      const error = await failure(versioned('2025-01').get('/v1/customer-portal/organizations/{slug}', org));
      expect(error.kind).to.equal('network');
      expect(seen).to.deep.equal([POLAR_API_VERSION, '2026-04', '2025-01']);
      expect(POLAR_API_VERSION, 'the newest in server/polar/version.py').to.equal('2026-10');
    } finally {
      window.fetch = original;
    }
  });
});
