// `npm start`'s pages, as a visitor uses them: served by scripts/start-demo.mjs under its strict
// policy, signed in with a persona button and the outbox, checked with axe before and after.
// Needs `npm run build` first (dist/portal-elements.js).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { startDemo } from '../../scripts/start-demo.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = { timeout: 10_000, visible: true };

/** @type {Awaited<ReturnType<typeof startDemo>>} */ let demo;
/** @type {import('puppeteer-core').Browser} */ let browser;

before(async () => {
  demo = await startDemo({ port: 0, demoPort: 0, rateLimits: false });
  browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** A fresh context recording violations and errors the way the merchant-page test does. */
async function open(path) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  /** @type {string[]} */ const problems = [];
  tab.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await tab.exposeFunction('__violation', (text) => problems.push(`violation: ${text}`));
  await tab.evaluateOnNewDocument(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      /** @type {any} */ (window).__violation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    ),
  );
  await tab.setViewport({ width: 1280, height: 900 });
  await tab.goto(`${demo.url}${path}`, { waitUntil: 'networkidle0' });
  return { tab, problems, close: () => context.close() };
}

/** axe's violations, as "rule: targets". Injected over the DevTools protocol (the page's CSP allows no injected script). */
async function axeViolations(tab) {
  const session = await tab.createCDPSession();
  await session.send('Runtime.evaluate', { expression: AXE });
  await session.detach();
  return tab.evaluate(async () => {
    const { violations } = await /** @type {any} */ (window).axe.run(document);
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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

test('demo: a visitor signs in with a persona and the outbox; axe passes; the log shows the event', async () => {
  const { tab, problems, close } = await open('/');
  try {
    assert.deepEqual(await axeViolations(tab), [], 'axe, signed out');
    await tab.locator('::-p-aria(Fill in alice@example.com)').click();
    await tab.locator('::-p-aria([name="Send code"][role="button"])').click();
    await tab.locator('::-p-aria(Fill in code for alice@example.com)').click();
    await tab.locator('::-p-aria([name="Sign in"][role="button"])').click();
    await tab.waitForSelector('::-p-text(Signed in as Alice Martin)', WAIT);
    await tab.waitForSelector('#log ::-p-text(portal-login)', WAIT);
    const log = await tab.$eval('#log', (element) => element.textContent ?? '');
    assert.match(log, /alice@example\.com/);
    assert.doesNotMatch(log, /polar_(cst|mst)_/);

    await tab.locator('::-p-aria(Dark)').click();
    await tab.locator('::-p-aria(Ocean)').click();
    assert.deepEqual(await axeViolations(tab), [], 'axe, signed in, dark theme');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('demo: the CMS page works with one script tag; axe passes', async () => {
  const { tab, problems, close } = await open('/embed.html');
  try {
    await tab.waitForSelector('::-p-aria([name="Send code"][role="button"])', WAIT);
    assert.deepEqual(await axeViolations(tab), []);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('demo: the account page is nothing but <portal-app>; it signs in with the outbox and shows the sections; axe passes', async () => {
  const { tab, problems, close } = await open('/app.html');
  try {
    await tab.locator('::-p-aria(Email)').fill('alice@example.com');
    await tab.locator('::-p-aria([name="Send code"][role="button"])').click();
    // The page's outbox shows the code the local Polar "sent": fill it in as a visitor would.
    await tab.locator('::-p-aria([name="Fill in code for alice@example.com"][role="button"])').click();
    await tab.locator('::-p-aria([name="Sign in"][role="button"])').click();
    await tab.waitForSelector('::-p-aria([name="Overview"][role="heading"])', WAIT);
    await tab.waitForSelector('::-p-aria([name="Billing"][role="link"])', WAIT);
    assert.deepEqual(await axeViolations(tab), []);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
