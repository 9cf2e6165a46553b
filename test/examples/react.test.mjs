// examples/react, built and served as a merchant would (vite build, then its own backend,
// server.mjs, which mints the customer's session with an organization token): the customer is
// signed in through getToken with no code, sees the subscriptions, cancels one, and the React
// app's on<event> handler hears it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, APP_HEARD, appHeardCancellation, assertPolarHoldsCancel, cancelFirstSubscription, openBrowser, run, start, startPolar, stopPolar } from './harness.mjs';

const cwd = `${ROOT}examples/react`;
/** @type {Awaited<ReturnType<typeof startPolar>>} */ let polar;
/** @type {Awaited<ReturnType<typeof start>>} */ let app;
/** @type {Awaited<ReturnType<typeof openBrowser>>} */ let chromium;

before(async () => {
  polar = await startPolar();
  await run('npx', ['vite', 'build'], { cwd, env: { VITE_POLAR_API: polar.url, VITE_POLAR_ORGANIZATION: 'solo' } });
  app = await start('node', ['server.mjs'], { cwd, env: { PORT: '0', POLAR_API: polar.url } });
  chromium = await openBrowser();
});

after(async () => {
  await chromium?.close();
  await app?.stop();
  await stopPolar(polar);
});

test('React 19: signed in by the app backend, cancels a subscription, and the app hears portal-subscription-canceled', async () => {
  const { tab, errors, warnings } = await chromium.open(app.url);
  await cancelFirstSubscription(tab);
  assert.equal(await appHeardCancellation(tab), APP_HEARD);
  await assertPolarHoldsCancel(polar);
  // pageSize={5} reached the element as a property.
  assert.equal(await tab.$eval('portal-orders', (el) => /** @type {any} */ (el).pageSize), 5);
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings, []);
});
