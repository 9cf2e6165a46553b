// examples/vue and examples/svelte, each built as a merchant would (vite build) and served as
// static files: the customer signs in by email code through <portal-login>, sees the
// subscriptions, cancels one, and the component's own listener (Vue's @portal-…, Svelte's
// onportal-… attribute) hears portal-subscription-canceled.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, APP_HEARD, appHeardCancellation, assertPolarHoldsCancel, cancelFirstSubscription, openBrowser, run, serveFiles, signInWithCode, startPolar, stopPolar } from './harness.mjs';

for (const { example, framework } of [
  { example: 'vue', framework: 'Vue 3' },
  { example: 'svelte', framework: 'Svelte 5' },
]) {
  describe(`examples/${example}`, () => {
    const cwd = `${ROOT}examples/${example}`;
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

    test(`${framework}: signs in by email code, cancels a subscription, and the app hears portal-subscription-canceled`, async () => {
      const { tab, errors, warnings } = await chromium.open(app.url);
      await signInWithCode(tab, polar, 'alice@example.com');
      await cancelFirstSubscription(tab);
      assert.equal(await appHeardCancellation(tab), APP_HEARD);
      await assertPolarHoldsCancel(polar);
      // The template's page size (5) reached the element as a number, not an attribute's string.
      assert.equal(await tab.$eval('portal-orders', (el) => /** @type {any} */ (el).pageSize), 5);
      assert.deepEqual(errors, []);
      assert.deepEqual(warnings, []);
    });
  });
}
