// examples/svelte, built as a merchant would (vite build) and served as static files: the customer
// signs in by email code through <portal-login>, sees the subscriptions, cancels one, and the
// Svelte component's onportal-subscription-canceled handler hears it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, aliceSubscriptions, appHeardCancellation, cancelFirstSubscription, openBrowser, run, serveFiles, signInWithCode, startPolar, stopPolar } from './harness.mjs';

const cwd = `${ROOT}examples/svelte`;
/** @type {Awaited<ReturnType<typeof startPolar>>} */ let polar;
/** @type {Awaited<ReturnType<typeof serveFiles>>} */ let app;
/** @type {Awaited<ReturnType<typeof openBrowser>>} */ let chromium;

before(async () => {
  polar = await startPolar();
  await run('npx', ['vite', 'build'], { cwd, env: { VITE_POLAR_API: polar.url, VITE_POLAR_ORGANIZATION: 'solo' } });
  app = await serveFiles(`${cwd}/dist`);
  chromium = await openBrowser();
});

after(async () => {
  await chromium?.close();
  await app?.stop();
  await stopPolar(polar);
});

test('Svelte 5: signs in by email code, cancels a subscription, and the app hears portal-subscription-canceled', async () => {
  const { tab, errors, warnings } = await chromium.open(app.url);
  await signInWithCode(tab, polar, 'alice@example.com');
  await cancelFirstSubscription(tab);
  assert.equal(await appHeardCancellation(tab), 'Your app heard the cancellation (too expensive): time for a win-back email.');
  const pro = (await aliceSubscriptions(polar)).find((s) => s.product.name === 'Pro Monthly');
  assert.equal(pro?.cancel_at_period_end, true, 'Polar holds the cancellation');
  // pageSize={5} reached the element as a property.
  assert.equal(await tab.$eval('portal-orders', (el) => /** @type {any} */ (el).pageSize), 5);
  assert.deepEqual(errors, []);
});
