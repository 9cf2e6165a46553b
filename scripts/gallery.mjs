// `npm run gallery`: every element in every state the seed reaches, as PNGs to look at.
// Builds nothing itself (the npm script builds first), starts the local Polar and a page on
// another origin that loads dist/portal-elements.js, and for each persona and state (signed
// out, loading, error, empty, ready, every dialog kind) takes a screenshot in light and dark,
// at 1280 px, 390 px and 320 px; then the first screens with `theme: auto` on the four kinds of
// page (light, dark, `light dark` with either visitor), and in German, Japanese, Polish and
// European Portuguese. Writes tmp/gallery/<name>.png and tmp/gallery/index.html, a contact
// sheet. `GALLERY_ONLY=seats` keeps the shots whose name contains "seats"; `GALLERY_LANG=ja`
// takes every shot with the page in that language (dialogs are found by their English names,
// so in another language the gallery shows lists, details and states, not dialogs).
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { listen } from '../sandbox/listen.mjs';
import { SEED } from '../sandbox/seed.mjs';
import { CHROMIUM_ARGS, ENGINES } from './engines.mjs';

const OUT = 'tmp/gallery';
const BUNDLE = readFileSync('dist/portal-elements.js');
const ONLY = process.env.GALLERY_ONLY ?? '';
const LANG = process.env.GALLERY_LANG ?? '';

const VARIANTS = [
  { name: 'light-1280', theme: 'light', width: 1280 },
  { name: 'dark-1280', theme: 'dark', width: 1280 },
  { name: 'light-390', theme: 'light', width: 390 },
  { name: 'dark-390', theme: 'dark', width: 390 },
  { name: 'light-320', theme: 'light', width: 320 },
  // theme auto on the four kinds of page (issue: a light shop, a dark-mode visitor): first screens only.
  { name: 'auto-lightpage-darkvisitor-1280', theme: 'auto', page: 'light', visitor: 'dark', width: 1280, sample: true },
  { name: 'auto-darkpage-lightvisitor-390', theme: 'auto', page: 'dark', visitor: 'light', width: 390, sample: true },
  { name: 'auto-lightdarkpage-darkvisitor-1280', theme: 'auto', page: 'light dark', visitor: 'dark', width: 1280, sample: true },
  { name: 'auto-lightdarkpage-lightvisitor-390', theme: 'auto', page: 'light dark', visitor: 'light', width: 390, sample: true },
  // Other languages (the page's lang; the locale files beside the script): first screens only.
  { name: 'de-light-1280', theme: 'light', width: 1280, lang: 'de', sample: true },
  { name: 'ja-dark-390', theme: 'dark', width: 390, lang: 'ja', sample: true },
  { name: 'pl-light-1280', theme: 'light', width: 1280, lang: 'pl', sample: true, personas: ['big', 'jakub'] },
  { name: 'pt-PT-light-390', theme: 'light', width: 390, lang: 'pt-PT', sample: true },
].flatMap((v) => (LANG ? (v.lang ? [] : [{ ...v, name: `${LANG}-${v.name}`, lang: LANG }]) : [v]));
/** The personas the sampled variants show. */
const SAMPLED = ['alice', 'owner'];

/** Who is signed in: the organization and the merchant's external ids. */
const PERSONAS = {
  alice: { org: 'solo', customer: 'alice' },
  empty: { org: 'solo', customer: 'shared-studio' },
  owner: { org: 'acme', customer: 'globex', member: 'globex-owner' },
  billing: { org: 'acme', customer: 'globex', member: 'globex-billing' },
  member: { org: 'acme', customer: 'globex', member: 'globex-member' },
  carol: { org: 'acme', customer: 'carol' },
  big: { org: 'acme', customer: 'initech', member: 'initech-owner' },
  jakub: { org: 'solo', customer: 'jakub' },
};
const ELEMENTS = ['portal-login', 'portal-subscriptions', 'portal-seats', 'portal-team', 'portal-orders', 'portal-billing', 'portal-benefits', 'portal-usage', 'portal-app'];
/** Each element's first request: delayed for "loading", failed for "error". */
const MAIN = {
  'portal-subscriptions': '/v1/customer-portal/subscriptions/',
  'portal-seats': '/v1/customer-portal/seats',
  'portal-team': '/v1/customer-portal/members',
  'portal-orders': '/v1/customer-portal/orders/',
  'portal-billing': '/v1/customer-portal/customers/me',
  'portal-benefits': '/v1/customer-portal/benefit-grants/',
  'portal-usage': '/v1/customer-portal/meters/',
};
/** Buttons that open a dialog, by accessible name (the first match of a pattern is enough). */
const DIALOGS = {
  'portal-subscriptions': ['Pay now', 'Cancel subscription', 'Change plan', 'Change seats', 'Pause subscription'],
  'portal-seats': ['Assign seats', 'Need more seats?', /^Revoke: /],
  'portal-team': [/^Remove: /],
  'portal-billing': [/^Remove: /, 'Add payment method', 'Change email'],
  'portal-benefits': ['Rotate key'],
};

/** A merchant page that declares `scheme` and paints itself in it (Canvas, CanvasText). */
const page = (org, api, theme, scheme, body, lang) => `<!doctype html>
<html lang="${lang}" style="color-scheme: ${scheme}">
<head><meta charset="utf-8"><title>Gallery</title><link rel="icon" href="data:,">
<style>body { font: 16px system-ui, sans-serif; margin: 16px; background: Canvas; color: CanvasText }</style>
<script src="/portal-elements.js" data-organization="${org}" data-api="${api}" data-theme="${theme}" data-storage="memory"></script>
</head><body>${body}</body></html>`;

const sandbox = await listen({ port: 0, rateLimits: false });
const control = (path, body, method = 'POST') =>
  fetch(`${sandbox.url}/__sandbox/${path}`, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body && JSON.stringify(body) });
const site = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/portal-elements.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(BUNDLE);
  }
  const locale = /^\/locales\/([\w-]+\.js)$/.exec(url.pathname);
  if (locale) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(readFileSync(`dist/locales/${locale[1]}`));
  }
  const q = url.searchParams;
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(page(q.get('org'), sandbox.url, q.get('theme'), q.get('page') ?? q.get('theme'), q.get('body') ?? '', q.get('lang') ?? 'en'));
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${site.address().port}`;

async function mint({ org, customer, member }) {
  const r = await fetch(`${sandbox.url}/v1/customer-sessions/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SEED.accessTokens[org]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ external_customer_id: customer, ...(member ? { external_member_id: member } : {}) }),
  });
  return (await r.json()).token;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const browser = await puppeteer.launch({ executablePath: ENGINES.chromium.binary, headless: true, args: CHROMIUM_ARGS });
const tab = await browser.newPage();
const shots = [];
let failures = 0;

/** Waits until no element shows a spinner or is busy (or `ms` passed). */
const settle = (ms = 8000) =>
  tab
    .waitForFunction(
      () => {
        const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
        return roots.every((r) => !r.querySelector('[part~="spinner"], [aria-busy="true"], [part~="quote"].status'));
      },
      { timeout: ms, polling: 100 },
    )
    .catch(() => undefined);

async function shoot(name, group) {
  await new Promise((resolve) => setTimeout(resolve, 150)); // spinners and transitions settle
  const file = `${name}.png`;
  // A modal dialog sits in the viewport: shoot that; everything else whole, up to 1,600 px tall
  // (long tables repeat themselves; a taller picture is too small to read).
  const dialog = name.includes('-dialog-') || name.includes('-pay-');
  const height = await tab.evaluate(() => document.documentElement.scrollHeight);
  const width = tab.viewport().width;
  await tab.screenshot({ path: `${OUT}/${file}`, ...(dialog ? {} : { clip: { x: 0, y: 0, width, height: Math.min(height, 1600) }, captureBeyondViewport: true }) });
  shots.push({ file, group });
}

/** Opens a page with `tag` for `persona` (or signed out), in `variant`. */
async function open(tag, persona, variant, { fault } = {}) {
  await control('faults', undefined, 'DELETE');
  if (fault) await control('faults', fault);
  const org = persona ? PERSONAS[persona].org : tag === 'portal-seats' || tag === 'portal-team' ? 'acme' : 'solo';
  await tab.setViewport({ width: variant.width, height: 900 });
  await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: variant.visitor ?? 'light' }]);
  await tab.goto(`${origin}/?${new URLSearchParams({ org, theme: variant.theme, page: variant.page ?? variant.theme, lang: variant.lang ?? 'en' })}`);
  if (persona) {
    const token = await mint(PERSONAS[persona]);
    await tab.evaluate((t) => window.PolarPortal.session.setToken(t), token);
  }
  await tab.evaluate((t) => document.body.append(document.createElement(t)), tag);
  if (!fault?.latency_ms) await settle();
}

/** Clicks the first visible button whose accessible name matches, through shadow roots; true when found. */
const click = (name) =>
  tab.evaluate(
    (source, flags) => {
      const pattern = flags === null ? null : new RegExp(source, flags);
      const all = (root) => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
      const button = all(document).find((e) => {
        if (e.tagName !== 'BUTTON' || !e.getClientRects().length) return false;
        const label = e.getAttribute('aria-label') ?? e.textContent.trim();
        return pattern ? pattern.test(label) : label === source;
      });
      button?.click();
      return !!button;
    },
    typeof name === 'string' ? name : name.source,
    typeof name === 'string' ? null : name.flags,
  );

/** In an open plan or seat dialog, makes the choice that brings a quote: the first plan, one seat more. */
const advance = () =>
  tab.evaluate(() => {
    const dialog = [...document.querySelectorAll('*')].map((e) => e.shadowRoot?.querySelector('dialog[open]')).find(Boolean);
    const control = dialog?.querySelector('input[name="plan"]:not(:checked), button[aria-label="One seat more"]');
    control?.click();
    return !!control;
  });

const want = (name) => !ONLY || name.includes(ONLY);

for (const variant of VARIANTS) {
  for (const tag of ELEMENTS) {
    const short = tag.replace('portal-', '');
    if (want(`${short}-signed-out-${variant.name}`)) {
      await open(tag, undefined, variant);
      await shoot(`${short}-signed-out-${variant.name}`, `${short}: signed out`);
    }
    if (MAIN[tag] && !variant.sample) {
      const who = tag === 'portal-seats' || tag === 'portal-team' ? 'owner' : 'alice';
      if (want(`${short}-loading-${variant.name}`)) {
        await open(tag, who, variant, { fault: { path: MAIN[tag], method: 'GET', latency_ms: 20_000, times: 0 } });
        await shoot(`${short}-loading-${variant.name}`, `${short}: loading`);
      }
      if (want(`${short}-error-${variant.name}`)) {
        await open(tag, who, variant, { fault: { path: MAIN[tag], method: 'GET', status: 500, times: 0 } });
        await settle();
        await shoot(`${short}-error-${variant.name}`, `${short}: error`);
      }
    }
    for (const persona of Object.keys(PERSONAS).filter((p) => (variant.sample ? (variant.personas ?? SAMPLED).includes(p) : p !== 'jakub'))) {
      const base = `${short}-${persona}-${variant.name}`;
      if (!want(base)) continue;
      await open(tag, persona, variant);
      await shoot(base, `${short}: ${persona}`);
      if (variant.sample) continue;
      for (const name of DIALOGS[tag] ?? []) {
        if (!(await click(name))) continue;
        await settle();
        const label = String(name).replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
        await shoot(`${short}-${persona}-dialog-${label}-${variant.name}`, `${short}: ${persona}, dialogs`);
        if (await advance()) {
          await settle();
          await shoot(`${short}-${persona}-dialog-${label}-quote-${variant.name}`, `${short}: ${persona}, dialogs`);
        }
        await tab.keyboard.press('Escape');
        await settle();
      }
      if (tag === 'portal-orders' && (await tab.evaluate(() => !!document.querySelector('portal-orders').shadowRoot.querySelector('tbody button')))) {
        // The first order, and the pending one with "Pay now" and its dialog.
        await tab.evaluate(() => document.querySelector('portal-orders').shadowRoot.querySelector('tbody button').click());
        await settle();
        await shoot(`${short}-${persona}-detail-${variant.name}`, `${short}: ${persona}, detail`);
        if ((await click('Generate invoice')) || (await click('Edit invoice'))) {
          await settle();
          await shoot(`${short}-${persona}-dialog-invoice-${variant.name}`, `${short}: ${persona}, dialogs`);
          await tab.keyboard.press('Escape');
        }
      }
      if (tag === 'portal-app') {
        // Every other section, through its link (the overview was the shot above).
        const sections = await tab.evaluate(() => [...document.querySelector('portal-app').shadowRoot.querySelectorAll('nav a')].map((a) => a.getAttribute('href')).slice(1));
        for (const href of sections) {
          await tab.evaluate((h) => (location.hash = h), href);
          await settle();
          await shoot(`${short}-${persona}-${href.replace(/\W/g, '')}-${variant.name}`, `${short}: ${persona}, sections`);
        }
        if (variant.width < 600 && (await click(/^Menu: /))) await shoot(`${short}-${persona}-menu-${variant.name}`, `${short}: ${persona}, sections`);
      }
      if (tag === 'portal-subscriptions' && (await click('Details'))) {
        await settle();
        await shoot(`${short}-${persona}-detail-${variant.name}`, `${short}: ${persona}, detail`);
      }
    }
  }
  // Polar refuses to undo a cancellation without a payment method: the refusal, then the embed's dialog.
  if (!variant.sample && want(`subscriptions-alice-needs-method-${variant.name}`)) {
    const body = { error: 'PaymentMethodRequired', detail: 'Add a payment method before uncancelling this subscription.' };
    await open('portal-subscriptions', 'alice', variant, { fault: { path: '/v1/customer-portal/subscriptions/', method: 'PATCH', status: 409, body, times: 1 } });
    if (await click('Undo cancellation')) {
      await settle();
      await shoot(`subscriptions-alice-needs-method-${variant.name}`, 'subscriptions: alice, dialogs');
      if (await click('Add payment method')) {
        await settle();
        await shoot(`subscriptions-alice-needs-method-dialog-${variant.name}`, 'subscriptions: alice, dialogs');
      }
    } else failures++;
  }
  // Alice's pending order: the pay-now dialog.
  if (!variant.sample && want(`orders-alice-pay-${variant.name}`)) {
    await open('portal-orders', 'alice', variant);
    const opened = await tab.evaluate(() => {
      const rows = [...document.querySelector('portal-orders').shadowRoot.querySelectorAll('tbody tr')];
      const pending = rows.find((r) => r.querySelector('.pill.bad'));
      pending?.querySelector('button')?.click();
      return !!pending;
    });
    if (opened) {
      await settle();
      if (await click('Pay now')) {
        await settle();
        await shoot(`orders-alice-pay-${variant.name}`, 'orders: alice, dialogs');
      }
    } else failures++;
  }
}

await browser.close();
site.close();
sandbox.server.close();

const groups = [...new Set(shots.map((s) => s.group))];
writeFileSync(
  `${OUT}/index.html`,
  `<!doctype html><meta charset="utf-8"><title>Portal Elements gallery</title>
<style>body{font:14px system-ui;margin:16px} section{margin-bottom:24px} figure{display:inline-block;margin:4px;vertical-align:top}
img{max-width:320px;border:1px solid #ccc} figcaption{font-size:12px}</style>
<h1>Portal Elements gallery (${shots.length} screenshots)</h1>
${groups
  .map(
    (g) => `<section><h2>${g}</h2>${shots
      .filter((s) => s.group === g)
      .map((s) => `<figure><a href="${s.file}"><img src="${s.file}" loading="lazy" alt="${s.file}"></a><figcaption>${s.file}</figcaption></figure>`)
      .join('')}</section>`,
  )
  .join('\n')}`,
);
console.log(`gallery: ${shots.length} screenshots in ${OUT}/ (contact sheet: ${OUT}/index.html)`);
if (failures) {
  console.error(`gallery: ${failures} expected state(s) could not be reached`);
  process.exit(1);
}
