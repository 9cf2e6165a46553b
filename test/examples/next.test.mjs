// examples/next, built and started as a merchant would (next build, which also type-checks it
// against the kit's declarations and fails on any error; then next start): the route
// handler mints the customer's session with an organization token the browser never receives;
// the customer is signed in with no code, cancels a subscription, and the client component's
// on<event> handler hears it. No hydration warning, no error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED } from '../../sandbox/seed.mjs';
import { ROOT, APP_HEARD, appHeardCancellation, assertPolarHoldsCancel, cancelFirstSubscription, filesContaining, freePort, openBrowser, run, start, startPolar, stopPolar } from './harness.mjs';

const cwd = `${ROOT}examples/next`;
/** @type {Awaited<ReturnType<typeof startPolar>>} */ let polar;
/** @type {Awaited<ReturnType<typeof start>>} */ let app;
/** Where next start listens (it prints its URL before it is ready, so the test names the port). */ let url;
/** @type {Awaited<ReturnType<typeof openBrowser>>} */ let chromium;
const env = { NEXT_TELEMETRY_DISABLED: '1' };

before(async () => {
  polar = await startPolar();
  await run('npx', ['next', 'build'], { cwd, env });
  const port = String(await freePort());
  url = `http://127.0.0.1:${port}`;
  app = await start('npx', ['next', 'start', '-H', '127.0.0.1', '-p', port], { cwd, env: { ...env, POLAR_API: polar.url, POLAR_ORGANIZATION: 'solo' }, ready: /Ready in/ });
  chromium = await openBrowser();
});

after(async () => {
  await chromium?.close();
  await app?.stop();
  await stopPolar(polar);
});

test('Next.js App Router: signed in by a route handler, cancels a subscription, the client component hears it, no hydration warning', async () => {
  const { tab, errors, warnings } = await chromium.open(url);
  await cancelFirstSubscription(tab);
  assert.equal(await appHeardCancellation(tab), APP_HEARD);
  await assertPolarHoldsCancel(polar);
  assert.deepEqual(errors, [], 'no error (React reports a hydration mismatch as one)');
  assert.deepEqual(warnings, [], 'no warning, hydration or other');
  // The organization token is on the server only: in no file the browser can load.
  assert.deepEqual(await filesContaining(`${cwd}/.next/static`, SEED.accessTokens.solo), []);
});
