// The kit on a strict merchant page, end to end: dist/portal-elements.js (run `npm run build`
// first) loaded with ONE script tag on a page served with a strict Content-Security-Policy and
// Trusted Types, on another origin than the local Polar, driven through roles and accessible
// names only, in every engine installed (Chromium, Firefox, WebKit: test/e2e/browser.mjs). Run
// with `node --test test/e2e/` (part of `npm run test:node`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { listen } from '../../sandbox/listen.mjs';
import { SEED } from '../../sandbox/seed.mjs';
import { engines, label, launch } from './browser.mjs';
import { recordPage, recorded, watchRequests } from './watch.mjs';

const BUNDLE = new URL('../../dist/portal-elements.js', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const ALICE = 'alice@example.com';

/** @type {Awaited<ReturnType<typeof listen>>} */ let sandbox;
/** @type {import('node:http').Server} */ let site;
/** @type {string} */ let origin;
/** @type {ReturnType<typeof watchRequests>} */ let requests;

/**
 * A merchant page's policy. `lit-html` is the only Trusted Types policy the bundle creates;
 * `merchant-loader` is the page's own, used only to append the kit's script tag from script
 * (as a single-page app's loader does): under Trusted Types, `script.src = url` needs one.
 */
const csp = (api, stripe = false, scriptSrc = "'self'") =>
  [
    "default-src 'self'",
    // What README "Payments that need the bank" tells a merchant to add for Stripe.js (here the
    // local Polar's stand-in, served from its own origin as Stripe serves js.stripe.com).
    stripe ? `script-src ${scriptSrc} ${api}` : `script-src ${scriptSrc}`,
    "style-src 'self'",
    `connect-src 'self' ${api}`,
    `img-src 'self' data: ${api}`,
    `frame-src ${api}`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types lit-html merchant-loader${stripe ? ' polar-portal-stripe' : ''}`,
  ].join('; ');

const page = (head, body, lang = 'en') => `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <title>My account</title>
    <link rel="icon" href="data:,">
    <script src="/__e2e/record.js"></script>
    ${head}
  </head>
  <body>
    <main>
      <h1>My account</h1>
      ${body}
    </main>
  </body>
</html>`;

const PAGES = {
  // The embed snippet as merchants paste it.
  '/account.html': () =>
    page(`<script src="/dist/portal-elements.js" data-organization="solo" data-api="${sandbox.url}" defer></script>`, '<portal-login></portal-login>'),
  // Elements first; the test appends the kit later.
  '/late.html': () => page('', '<portal-login></portal-login>'),
  // Orders, with Polar's Stripe key and an older API version; the policy does not allow Stripe.js.
  '/orders.html': () => page(ordersScript(), '<portal-orders></portal-orders>'),
  // The same, with the policy README tells merchants to use for 3-D Secure on the page.
  '/orders-stripe.html': () => page(ordersScript(), '<portal-orders></portal-orders>'),
  // A German shop: the kit loads its German beside itself (/dist/locales/de.js).
  '/konto.html': () => page(kitScript(), '<portal-login></portal-login>', 'de'),
  // The same, where the policy admits the kit's one file only (a path in script-src).
  '/konto-strict.html': () => page(kitScript(), '<portal-login></portal-login>', 'de'),
  // The same, with the locale files configured to a folder the server does not have.
  '/konto-missing.html': () => page(kitScript('data-locales="/nowhere/"'), '<portal-login></portal-login>', 'de'),
  // The whole portal in one tag.
  '/app.html': () => page(kitScript(), '<portal-app></portal-app>'),
  // What a customer bought: keys, files, GitHub and Discord access.
  '/benefits.html': () =>
    page(`<script src="/dist/portal-elements.js" data-organization="solo" data-api="${sandbox.url}" defer></script>`, '<portal-benefits></portal-benefits>'),
};

const kitScript = (extra = '') => `<script src="/dist/portal-elements.js" data-organization="solo" data-api="${sandbox.url}" ${extra} defer></script>`;

const ordersScript = () =>
  `<script src="/dist/portal-elements.js" data-organization="solo" data-api="${sandbox.url}" data-api-version="2026-04" data-stripe-key="${SEED.stripePublishableKey}" defer></script>`;

/** The engines these tests run in (none installed: no test, and no server left open). */
const HERE = engines();

before(async () => {
  if (!HERE.length) return; // node:test runs a file's hooks even when it has no test
  try {
    statSync(BUNDLE);
  } catch {
    throw new Error('dist/portal-elements.js is missing: run `npm run build` first.');
  }
  sandbox = await listen({ port: 0, rateLimits: false });
  site = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    // The kit's one file (and the test's recorder), not the folder beside it.
    const scriptSrc = pathname === '/konto-strict.html' ? `${origin}/dist/portal-elements.js ${origin}/__e2e/record.js` : "'self'";
    const headers = { 'Content-Security-Policy': csp(sandbox.url, pathname === '/orders-stripe.html', scriptSrc), 'Cache-Control': 'no-store' };
    if (pathname === '/__e2e/record.js') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(`(${recordPage})();`);
    }
    if (pathname === '/dist/portal-elements.js') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(readFileSync(BUNDLE));
    }
    const locale = /^\/dist\/locales\/([\w-]+\.js)$/.exec(pathname);
    if (locale && existsSync(new URL(`../../dist/locales/${locale[1]}`, import.meta.url))) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(readFileSync(new URL(`../../dist/locales/${locale[1]}`, import.meta.url)));
    }
    const render = PAGES[/** @type {keyof typeof PAGES} */ (pathname)];
    res.writeHead(render ? 200 : 404, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(render ? render() : 'Not Found');
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(undefined)));
  origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (site.address()).port}`;
  requests = watchRequests({ api: sandbox.server, site });
});

after(async () => {
  for (const server of [site, sandbox?.server]) {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(() => resolve(undefined)) : resolve(undefined)));
  }
});

/** @type {Awaited<ReturnType<typeof launch>>} */ let browser;

/**
 * A fresh page (empty storage) on `path` of the merchant's site, with a freshly seeded local
 * Polar and an empty request log.
 */
async function openPage(path) {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await requests.settle();
  requests.clear();
  const tab = await browser.newPage();
  await tab.goto(`${origin}${path}`);
  return {
    tab,
    /** Console errors and uncaught errors: the page's own and, where the protocol tells, the browser's. */
    errors: async () => [...tab.errors, ...(await recorded(tab)).errors],
    warnings: async () => [...tab.warnings, ...(await recorded(tab)).warnings],
    recorded: () => recorded(tab),
    /** Appends `<script src=/dist/portal-elements.js data-…>` as a page's own script would, and waits for it to run. */
    appendKit: () =>
      tab.evaluate(async (api) => {
        const w = /** @type {any} */ (window);
        w.__loader ??= w.trustedTypes.createPolicy('merchant-loader', { createScriptURL: (/** @type {string} */ url) => url });
        const script = document.createElement('script');
        script.dataset.organization = 'solo';
        script.dataset.api = api;
        script.src = w.__loader.createScriptURL('/dist/portal-elements.js');
        await new Promise((resolve, reject) => {
          script.onload = resolve;
          script.onerror = () => reject(new Error('the kit did not load'));
          document.head.append(script);
        });
      }, sandbox.url),
    close: () => tab.close(),
  };
}

/** The newest code the local Polar "emailed" to `email`. */
async function codeFor(email) {
  for (let i = 0; i < 50; i++) {
    const outbox = await (await fetch(`${sandbox.url}/__sandbox/outbox`)).json();
    const entry = outbox.find((item) => item.email === email);
    if (entry) return entry.code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code was sent to ${email}`);
}

/** A customer session token minted the way a merchant's backend does. */
async function mintToken(externalCustomerId) {
  const response = await fetch(`${sandbox.url}/v1/customer-sessions/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SEED.accessTokens.solo}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ external_customer_id: externalCustomerId }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()).token;
}

/** Texts of every <portal-login> on the page. */
const loginTexts = (/** @type {import('./browser.mjs').Page} */ tab) =>
  tab.evaluate(() => [...document.querySelectorAll('portal-login')].map((element) => element.textContent?.replace(/\s+/g, ' ').trim()));

/** The tests, in one engine. */
function merchantPage(engine) {
  before(async () => {
    browser = await launch(engine);
  });
  after(() => browser?.close());

  test('a merchant page with one script tag: sign in by email code under a strict CSP and Trusted Types', async () => {
    const { tab, errors, recorded, appendKit, close } = await openPage('/account.html');
    try {
      await tab.fill('textbox', 'Email', ALICE);
      await tab.click('button', 'Send code');
      const code = await codeFor(ALICE);
      await tab.fill('textbox', 'Sign-in code', code);
      await tab.click('button', 'Sign in');
      await tab.waitForText('Signed in as Alice Martin');
      await tab.waitForName('button', 'Sign out');
      await requests.settle();

      const { violations, policies, defines, events } = await recorded();
      assert.deepEqual(violations, [], 'no CSP or Trusted Types violation');
      assert.deepEqual(await errors(), [], 'no console error, no uncaught error');
      assert.deepEqual(policies, ['lit-html'], 'the bundle creates only the lit-html Trusted Types policy');

      // Each resource once: organization, the code request and check, then introspect + user,
      // and the customer (its language at Polar, kept current by its stream).
      assert.deepEqual(requests.counts(), {
        'GET /v1/customer-portal/organizations/solo': 1,
        'POST /v1/customer-portal/customer-session/request': 1,
        'POST /v1/customer-portal/customer-session/authenticate': 1,
        'GET /v1/customer-portal/customer-session/introspect': 1,
        'GET /v1/customer-portal/customer-session/user': 1,
        'GET /v1/customer-portal/customers/me': 1,
        'GET /v1/customer-portal/customers/stream': 1,
      });

      // The token never travels in a URL, and never in an event's detail.
      const token = await tab.evaluate(() => {
        for (let i = 0; i < sessionStorage.length; i++) {
          const value = sessionStorage.getItem(/** @type {string} */ (sessionStorage.key(i))) ?? '';
          const match = /polar_cst_[A-Za-z0-9_]+/.exec(value);
          if (match) return match[0];
        }
        return null;
      });
      assert.ok(token, 'the session is kept in sessionStorage (the default)');
      assert.deepEqual(requests.log.filter((r) => r.path.includes(token) || /polar_(cst|mst)_/.test(r.path)), []);
      assert.equal(events.length, 1, 'one portal-login event');
      assert.match(events[0], /"type":"portal-login"/);
      assert.doesNotMatch(events[0], /polar_(cst|mst)_/);

      assert.equal(await tab.evaluate(() => /** @type {any} */ (window).PolarPortal.version), version);
      assert.deepEqual(defines.filter((name) => name === 'portal-login'), ['portal-login']);

      // The same script a second time: no error, no second registration, nothing refetched.
      const before = requests.counts();
      await tab.evaluate(() => void (/** @type {any} */ (window).__loginClass = customElements.get('portal-login')));
      await appendKit();
      await requests.settle();
      const again = await recorded();
      assert.deepEqual(again.defines, defines, 'no element defined a second time');
      assert.deepEqual(again.violations, []);
      assert.deepEqual(await errors(), []);
      assert.equal(await tab.evaluate(() => customElements.get('portal-login') === /** @type {any} */ (window).__loginClass), true);
      assert.equal(await tab.evaluate(() => /** @type {any} */ (window).PolarPortal.version), version);
      assert.deepEqual(requests.counts(), before, 'loading the kit again repeats no request');
      assert.deepEqual(await loginTexts(tab), ['Signed in as Alice Martin (alice@example.com) Sign out']);
    } finally {
      await close();
    }
  });

  test('the kit loaded after the elements, and elements added later by script (single-page app)', async () => {
    const { tab, errors, recorded, appendKit, close } = await openPage('/late.html');
    try {
      assert.equal(await tab.evaluate(() => customElements.get('portal-login') === undefined), true);
      await appendKit();
      // The element that was already in the page upgrades and renders.
      await tab.waitForName('button', 'Send code');

      // A route change renders another element: it works too, and shares the page's data.
      await tab.evaluate(() => document.querySelector('main')?.append(document.createElement('portal-login')));
      await tab.waitFor(() => document.querySelectorAll('portal-login button[type="submit"]').length === 2);
      await requests.settle();

      // Sign in with a token from the merchant's backend: every element follows.
      const token = await mintToken('alice');
      await tab.evaluate((t) => /** @type {any} */ (window).PolarPortal.session.setToken(t), token);
      await tab.waitFor(() => [...document.querySelectorAll('portal-login')].every((el) => el.textContent?.includes('Signed in as Alice Martin')));

      // One added after sign-in shows the signed-in user at once, without asking Polar again.
      await tab.evaluate(() => document.querySelector('main')?.append(document.createElement('portal-login')));
      await tab.waitFor(() => document.querySelectorAll('portal-login .signed-in').length === 3);
      await requests.settle();
      const signedIn = 'Signed in as Alice Martin (alice@example.com) Sign out';
      assert.deepEqual(await loginTexts(tab), [signedIn, signedIn, signedIn]);
      assert.equal(await tab.count('button', 'Sign out'), 3);

      const { violations, defines, policies } = await recorded();
      assert.deepEqual(violations, []);
      assert.deepEqual(await errors(), []);
      assert.deepEqual(policies, ['merchant-loader', 'lit-html']);
      assert.equal(defines.filter((name) => name === 'portal-login').length, 1);
      assert.deepEqual(requests.counts(), {
        'GET /v1/customer-portal/organizations/solo': 1,
        'GET /v1/customer-portal/customer-session/introspect': 1,
        'GET /v1/customer-portal/customer-session/user': 1,
        'GET /v1/customer-portal/customers/me': 1,
        'GET /v1/customer-portal/customers/stream': 1,
      });
    } finally {
      await close();
    }
  });

  /**
   * Signs alice in, opens her order with a payment due and starts paying it with the card that
   * asks for 3-D Secure (the order's row and the card are found by what they say).
   */
  async function payWith3ds(/** @type {import('./browser.mjs').Page} */ tab) {
    await tab.evaluate((t) => /** @type {any} */ (window).PolarPortal.session.setToken(t), await mintToken('alice'));
    await tab.waitForText('Payment due');
    await tab.evaluate(() => {
      const rows = [...(document.querySelector('portal-orders')?.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
      rows.find((r) => r.textContent?.includes('Payment due'))?.querySelector('button')?.click();
    });
    await tab.click('button', 'Pay now');
    await tab.waitForText('Visa ending in 3184');
    await tab.evaluate(() => {
      const labels = [...(document.querySelector('portal-orders')?.shadowRoot?.querySelectorAll('dialog label') ?? [])];
      labels.find((l) => l.textContent?.includes('3184'))?.querySelector('input')?.click();
      const buttons = [...(document.querySelector('portal-orders')?.shadowRoot?.querySelectorAll('dialog button') ?? [])];
      /** @type {HTMLButtonElement} */ (buttons.find((b) => /^Pay \$/.test(b.textContent?.trim() ?? ''))).click();
    });
  }

  test('3-D Secure on a page whose CSP refuses Stripe.js: a clear message and Polar’s page instead; every request asks for the configured API version', async () => {
    const { tab, recorded, close } = await openPage('/orders.html');
    try {
      await payWith3ds(tab);
      await tab.waitForText('this page’s security settings block its check');
      await tab.waitForName('link', 'Open this order on Polar');
      const { violations } = await recorded();
      assert.ok(violations.length > 0 && violations.every((v) => /trusted-types|script-src/.test(v)), `only the refused Stripe.js: ${violations.join(' | ')}`);
      const versions = new Set(requests.log.filter((r) => r.server === 'api' && r.path.startsWith('/v1/') && r.method !== 'OPTIONS').map((r) => r.version));
      assert.deepEqual([...versions], ['2026-04'], 'data-api-version on the script tag');
    } finally {
      await close();
    }
  });

  test('3-D Secure on a page that allows Stripe.js (README’s policy): the bank’s check on the page, then paid', async () => {
    const { tab, errors, recorded, close } = await openPage('/orders-stripe.html');
    try {
      await payWith3ds(tab);
      // The bank's page is another origin's frame: its button found by id, and clicked there.
      const pressed = await tab.inFrame('iframe[title="3D Secure authentication"]', () => {
        const complete = /** @type {HTMLButtonElement | null} */ (document.querySelector('#complete:not([disabled])'));
        // Clicked once this check has answered: the click closes the frame it runs in.
        if (complete) setTimeout(() => complete.click());
        return complete?.textContent;
      });
      assert.equal(pressed, 'Complete authentication');
      await tab.waitForText('Payment received. Thank you!');
      const { violations, policies } = await recorded();
      assert.deepEqual(violations, []);
      assert.deepEqual(await errors(), []);
      assert.deepEqual(policies, ['lit-html', 'polar-portal-stripe'], 'Stripe.js comes through the kit’s own policy, which allows only it');
    } finally {
      await close();
    }
  });

  test('linking a Discord account goes through Polar’s OAuth in a real tab; back on the merchant page, the invitation is there', async () => {
    const { tab, errors, recorded, close } = await openPage('/benefits.html');
    try {
      await tab.evaluate((t) => /** @type {any} */ (window).PolarPortal.session.setToken(t), await mintToken('alice'));
      await tab.waitForText('Connect your Discord account to get access.');
      const provider = await tab.popup(() => tab.click('button', 'Connect a Discord account'));
      await provider.waitForText('signed in to Discord as');
      assert.equal(await provider.evaluate(() => window.opener === null), true, 'the new tab cannot reach back into the merchant page');
      const authorizeAt = await provider.url();
      await provider.click('button', 'Authorize Polar');
      await provider.waitFor((at) => location.href !== at && document.readyState === 'complete', authorizeAt);
      // Polar returns only to its own pages: the tab ends on the local Polar's, not the merchant's.
      const returned = await provider.url();
      assert.equal(new URL(returned).origin, sandbox.url);
      assert.ok(!returned.includes(origin), returned);
      await provider.close();
      await tab.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await tab.waitForName('link', 'Accept the invitation: Discord');
      const { violations } = await recorded();
      assert.deepEqual(violations, []);
      assert.deepEqual(await errors(), []);
    } finally {
      await close();
    }
  });

  test('a German shop: the elements speak German, loaded beside the kit under the same strict policy; English with a warning when the file cannot load', async () => {
    {
      const { tab, errors, warnings, recorded, close } = await openPage('/konto.html');
      try {
        await tab.waitForName('button', 'Code senden');
        assert.equal(await tab.evaluate(() => document.querySelector('portal-login h2')?.textContent?.trim()), 'Anmelden');
        assert.equal(await tab.count('textbox', 'E-Mail'), 1, 'the field is labelled in German');
        const { violations } = await recorded();
        assert.deepEqual(violations, [], 'script-src \'self\' admits the locale file beside the kit');
        assert.deepEqual([...(await errors()), ...(await warnings())], []);
        assert.deepEqual(requests.log.filter((r) => r.path.includes('/locales/')).map((r) => r.path), ['/dist/locales/de.js'], 'one file, once');
      } finally {
        await close();
      }
    }
    for (const [path, why] of /** @type {const} */ ([['/konto-strict.html', /could not be loaded/], ['/konto-missing.html', /could not be loaded from .*\/nowhere\/de\.js/]])) {
      const { tab, errors, warnings, close } = await openPage(path);
      try {
        // English, fully working: the form is there and sends a code.
        await tab.waitForName('button', 'Send code');
        assert.equal(await tab.evaluate(() => document.querySelector('portal-login h2')?.textContent?.trim()), 'Sign in');
        const said = await warnings();
        assert.ok(said.some((w) => /"de" translation/.test(w) && why.test(w)), `${path}: a console warning says why (${said.join(' | ')})`);
        const broken = (await errors()).filter((e) => !/Failed to load resource|Content.Security.Policy|404|disallowed MIME type/i.test(e));
        assert.deepEqual(broken, [], `${path}: nothing broken beyond the refused file`);
        await tab.fill('textbox', 'Email', ALICE);
        await tab.click('button', 'Send code');
        await tab.waitForName('textbox', 'Sign-in code');
      } finally {
        await close();
      }
    }
  });

  test('<portal-app> alone on a strict merchant page: sign in, sections by link, Back and reload, each resource asked for once', async () => {
    const { tab, errors, recorded, close } = await openPage('/app.html');
    try {
      await tab.fill('textbox', 'Email', ALICE);
      await tab.click('button', 'Send code');
      await tab.fill('textbox', 'Sign-in code', await codeFor(ALICE));
      await tab.click('button', 'Sign in');
      await tab.waitForName('heading', 'Overview');
      await tab.waitForText('Next charge: Pro Monthly');
      await requests.settle();
      assert.equal(await tab.title(), 'Overview · My account');

      await tab.click('link', 'Orders');
      await tab.waitFor(() => location.hash === '#/orders');
      await tab.waitForName('heading', 'Orders');
      await tab.click('link', 'Billing');
      await tab.waitForName('heading', 'Account balance');
      await requests.settle();
      assert.equal(await tab.title(), 'Billing · My account');
      // Focus is on the section's heading, for the keyboard and the screen reader.
      const focused = await tab.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return `${active?.tagName} ${active?.textContent?.trim()}`;
      });
      assert.equal(focused, 'H2 Billing');

      // Every resource once, across three sections: the elements share one session and one cache.
      // (The same path with another query is another resource: the benefits' purchases, the orders' page.)
      const gets = requests.log.filter((r) => r.server === 'api' && r.method === 'GET').map((r) => r.path);
      const repeated = gets.filter((call, i) => gets.indexOf(call) !== i && !call.endsWith('/stream'));
      assert.deepEqual(repeated, [], 'no GET asked twice');

      await tab.back();
      await tab.waitFor(() => location.hash === '#/orders');
      await tab.waitForName('heading', 'Orders');
      await tab.reload();
      await tab.waitForName('heading', 'Orders');
      assert.equal(await tab.title(), 'Orders · My account');

      const { violations } = await recorded();
      assert.deepEqual(violations, [], 'no CSP or Trusted Types violation');
      assert.deepEqual(await errors(), [], 'no console error, no uncaught error');
    } finally {
      await close();
    }
  });
}

for (const engine of HERE) describe(label(engine), () => merchantPage(engine));
