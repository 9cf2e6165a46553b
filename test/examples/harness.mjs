// What every example's browser test shares: a local Polar on a free port, the example's own
// commands (build, start) run as a merchant runs them, Debian's Chromium, and the one flow the
// examples exist for: sign in, see the subscriptions, cancel one, see the app hear the event.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { listen } from '../../sandbox/listen.mjs';
import { SEED } from '../../sandbox/seed.mjs';
import { CHROMIUM_ARGS, ENGINES } from '../../scripts/engines.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
// Longer when the suites share the machine (PORTAL_TIME_SLACK, set by scripts/test-all.mjs).
export const WAIT = { timeout: 15_000 * (Number(process.env.PORTAL_TIME_SLACK) || 1) };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The local Polar on a free port. */
export const startPolar = () => listen({ port: 0, rateLimits: false });

/** Runs an example's command to its end; fails with its output. */
export function run(command, args, { cwd, env = {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/**
 * Starts an example's server and resolves, once `ready` matches its output, with `stop()` and
 * the URL it printed (`ready`'s first group; a test that chose the port knows the URL itself).
 */
export function start(command, args, { cwd, env = {}, ready = /(http:\/\/(?:127\.0\.0\.1|localhost):\d+)/ }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once('close', () => resolve(undefined));
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} printed no URL in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop, output: () => output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited ${code} before it listened:\n${output}`));
    });
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };

/** A plain static server for a built app (`routes` first: path -> body or [type, body]). */
export async function serveFiles(dir, routes = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    if (route) {
      const [type, body] = Array.isArray(route) ? route : ['text/html; charset=utf-8', route];
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      return response.end(typeof body === 'function' ? await body() : body);
    }
    if (path.includes('..')) return response.writeHead(400).end();
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve(undefined)))),
  };
}

/** Chromium with a page that records console errors and warnings and uncaught errors. */
export async function openBrowser() {
  const browser = await puppeteer.launch({ executablePath: ENGINES.chromium.binary, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    async open(url) {
      const tab = await browser.newPage();
      /** @type {string[]} */ const errors = [];
      /** @type {string[]} */ const warnings = [];
      tab.on('console', (message) => {
        // A failed load is reported by its response (with its address) below.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
        if (message.type() === 'warn') warnings.push(message.text());
      });
      tab.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      tab.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
      await tab.goto(url, { waitUntil: 'load' });
      return { tab, errors, warnings };
    },
    close: () => browser.close(),
  };
}

/** Signs in through <portal-login> by its field labels and button names, with the code the local Polar "emailed". */
export async function signInWithCode(tab, polar, email) {
  await tab.locator('::-p-aria(Email)').fill(email);
  await tab.locator('::-p-aria([name="Send code"][role="button"])').click();
  let code;
  for (let i = 0; i < 100 && !code; i++) {
    const outbox = await (await fetch(`${polar.url}/__sandbox/outbox`)).json();
    code = outbox.find((entry) => entry.email === email)?.code;
    if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(code, `the local Polar sent ${email} a code`);
  await tab.locator('::-p-aria(Sign-in code)').fill(code);
  await tab.locator('::-p-aria([name="Sign in"][role="button"])').click();
}

/**
 * Alice's subscriptions are on screen (axe passes): cancels the first one that offers it (Pro
 * Monthly: the list leads with it) through the element's dialog, by accessible names only.
 */
export async function cancelFirstSubscription(tab) {
  await tab.waitForSelector('::-p-aria([name="Pro Monthly"][role="heading"])', { ...WAIT, visible: true });
  assert.deepEqual(await axeViolations(tab), [], 'axe, signed in with the subscriptions on screen');
  await tab.locator('::-p-aria([name="Cancel subscription"][role="button"])').click();
  await tab.locator('::-p-aria([name="Too expensive"][role="radio"])').click();
  // The dialog is modal: the page behind it is inert, so its own button is the only one named so.
  await tab.locator('::-p-aria([name="Cancel subscription"][role="button"])').click();
}

/** The line each example app writes when its own listener hears the cancel (the same in all four). */
export const APP_HEARD = 'Your app heard the cancellation (too expensive): time for a win-back email.';

/** Polar holds the cancel: alice's Pro Monthly ends at the period's end (read with a token minted as a merchant's backend does). */
export async function assertPolarHoldsCancel(polar) {
  const minted = await fetch(`${polar.url}/v1/customer-sessions/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SEED.accessTokens.solo}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ external_customer_id: 'alice' }),
  });
  const { token } = await minted.json();
  const response = await fetch(`${polar.url}/v1/customer-portal/subscriptions/?limit=100`, { headers: { Authorization: `Bearer ${token}` } });
  const { items } = /** @type {{items: {product: {name: string}, cancel_at_period_end: boolean}[]}} */ (await response.json());
  assert.equal(items.find((s) => s.product.name === 'Pro Monthly')?.cancel_at_period_end, true, 'Polar holds the cancellation');
}

/** A port nothing listens on now (for servers that want a number, as `next start -p`). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/** Every file under `dir` whose text contains `needle` (to prove a secret stayed on the server). */
export async function filesContaining(dir, needle) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hits = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if ((await readFile(file, 'utf8')).includes(needle)) hits.push(file);
  }
  return hits;
}

/** Stops the local Polar. */
export async function stopPolar(polar) {
  polar?.server.closeAllConnections();
  await new Promise((resolve) => (polar ? polar.server.close(() => resolve(undefined)) : resolve(undefined)));
}

/**
 * Waits for the app's own status line to say it heard the cancellation (axe passes then too),
 * and returns it.
 * (Polled: frameworks that rewrite a text node in place change no child list, which is what
 * puppeteer's text selectors wait for.)
 */
export async function appHeardCancellation(tab) {
  const status = await tab.waitForFunction(() => {
    const text = document.querySelector('[role="status"]')?.textContent ?? '';
    return text.includes('heard the cancellation') && text;
  }, WAIT);
  assert.deepEqual(await axeViolations(tab), [], 'axe, after the cancel');
  return status.jsonValue();
}

/** axe's violations on the whole page, elements' shadow roots included, as "rule: targets". */
export async function axeViolations(tab) {
  if (!(await tab.evaluate(() => 'axe' in window))) await tab.addScriptTag({ content: AXE });
  return tab.evaluate(async () => {
    const { violations } = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] });
    return violations.map((/** @type {any} */ v) => `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target.join(' > ')).join(', ')}`);
  });
}
