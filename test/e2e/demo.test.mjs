// `npm start`'s pages, as a visitor uses them: served by scripts/start-demo.mjs under its strict
// policy, signed in with a persona button and the outbox, checked with axe before and after, in
// every engine installed (test/e2e/browser.mjs). Needs `npm run build` first (dist/portal-elements.js).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startDemo } from '../../scripts/start-demo.mjs';
import { engines, label, launch } from './browser.mjs';
import { recordPage, recorded } from './watch.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** @type {Awaited<ReturnType<typeof startDemo>>} */ let demo;
/** @type {Awaited<ReturnType<typeof launch>>} */ let browser;

before(async () => {
  demo = await startDemo({ port: 0, demoPort: 0, rateLimits: false });
});

after(() => demo?.close());

/**
 * A fresh page recording violations and errors the way the merchant-page test does (in WebKit,
 * from the end of the page's load: its WebDriver can run nothing earlier).
 */
async function open(path) {
  const tab = await browser.newPage({ width: 1280, height: 900, record: recordPage });
  await tab.goto(`${demo.url}${path}`);
  return {
    tab,
    problems: async () => {
      const seen = await recorded(tab);
      return [...tab.errors, ...seen.errors, ...seen.violations.map((v) => `violation: ${v}`)];
    },
    close: () => tab.close(),
  };
}

/** axe's violations, as "rule: targets"; axe is run past the page's CSP, as a browser's extension would. */
async function axeViolations(/** @type {import('./browser.mjs').Page} */ tab) {
  await tab.inject(AXE);
  return tab.evaluate(async () => {
    const { violations } = await /** @type {any} */ (window).axe.run(document);
    return violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target.join(' ')).join(', ')}`);
  });
}

test('the demo serves every page with the strict policy and fills in the local Polar', async () => {
  const response = await fetch(`${demo.url}/`);
  const policy = response.headers.get('content-security-policy') ?? '';
  // Scripts from the page, and Stripe.js's stand-in from the local Polar (3-D Secure on the page).
  assert.ok(policy.includes(`script-src 'self' ${demo.sandboxUrl};`), policy);
  assert.match(policy, /require-trusted-types-for 'script'/);
  assert.ok(policy.includes(`connect-src 'self' ${demo.sandboxUrl}`));
  const html = await response.text();
  assert.ok(html.includes(`data-api="${demo.sandboxUrl}"`));
  assert.ok(html.includes('data-stripe-key="pk_test_local_polar_sandbox"'));
  assert.ok(html.includes(`<meta name="local-polar" content="${demo.sandboxUrl}"`));
  assert.equal((await fetch(`${demo.url}/dist/portal-elements.js`)).status, 200);
  assert.equal((await fetch(`${demo.url}/dist/..%2fpackage.json`)).status, 404);
});

/** The tests in a browser, in one engine. */
function demoPages(engine) {
  before(async () => {
    browser = await launch(engine);
  });
  after(() => browser?.close());

  test('demo: a visitor signs in with a persona and the outbox; axe passes; the log shows the event', async () => {
    const { tab, problems, close } = await open('/');
    try {
      await tab.waitForName('button', 'Send code');
      assert.deepEqual(await axeViolations(tab), [], 'axe, signed out');
      await tab.click('button', 'Fill in alice@example.com');
      await tab.click('button', 'Send code');
      await tab.click('button', 'Fill in code for alice@example.com');
      await tab.click('button', 'Sign in');
      await tab.waitForText('Signed in as Alice Martin');
      await tab.waitFor(() => document.querySelector('#log')?.textContent?.includes('portal-login'));
      const log = await tab.evaluate(() => document.querySelector('#log')?.textContent ?? '');
      assert.match(log, /alice@example\.com/);
      assert.doesNotMatch(log, /polar_(cst|mst)_/);

      await tab.click('radio', 'Dark');
      await tab.click('radio', 'Ocean');
      assert.deepEqual(await axeViolations(tab), [], 'axe, signed in, dark theme');
      assert.deepEqual(await problems(), []);
    } finally {
      await close();
    }
  });

  test('demo: the CMS page works with one script tag; axe passes', async () => {
    const { tab, problems, close } = await open('/embed.html');
    try {
      await tab.waitForName('button', 'Send code');
      assert.deepEqual(await axeViolations(tab), []);
      assert.deepEqual(await problems(), []);
    } finally {
      await close();
    }
  });

  test('demo: the account page is nothing but <portal-app>; it signs in with the outbox and shows the sections; axe passes', async () => {
    const { tab, problems, close } = await open('/app.html');
    try {
      await tab.fill('textbox', 'Email', 'alice@example.com');
      await tab.click('button', 'Send code');
      // The page's outbox shows the code the local Polar "sent": fill it in as a visitor would.
      await tab.click('button', 'Fill in code for alice@example.com');
      await tab.click('button', 'Sign in');
      await tab.waitForName('heading', 'Overview');
      await tab.waitForName('link', 'Billing');
      assert.deepEqual(await axeViolations(tab), []);
      assert.deepEqual(await problems(), []);
    } finally {
      await close();
    }
  });
}

for (const engine of engines()) describe(label(engine), () => demoPages(engine));
