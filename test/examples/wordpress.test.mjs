// examples/wordpress: the plugin's [polar_portal] shortcode, run by PHP as WordPress runs it
// (test/examples/wordpress-shortcode.php stands in for WordPress's shortcode API), in a page with
// a CMS theme's global CSS (examples/wordpress/theme.css). The customer signs in by email code,
// cancels a subscription, the site's own script hears it, and every part of the elements looks
// as it does on a plain page: the theme's button, input, label and h2 rules do not reach them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, WAIT, assertPolarHoldsCancel, axeViolations, cancelFirstSubscription, openBrowser, serveFiles, signInWithCode, startPolar, stopPolar } from './harness.mjs';

const dir = `${ROOT}examples/wordpress/`;
/** @type {Awaited<ReturnType<typeof startPolar>>} */ let polar;
/** @type {Awaited<ReturnType<typeof serveFiles>>} */ let site;
/** @type {Awaited<ReturnType<typeof openBrowser>>} */ let chromium;

/** The page as WordPress would serve it: every [polar_portal …] replaced by the plugin's output. */
const renderPage = (page, attributes) =>
  execFileSync('php', [`${ROOT}test/examples/wordpress-shortcode.php`, `${dir}polar-portal.php`, page, JSON.stringify(attributes)], { encoding: 'utf8' });

before(async () => {
  polar = await startPolar();
  const themed = renderPage(`${dir}theme.html`, { organization: 'solo', api: polar.url, script: '/portal-elements.js' });
  site = await serveFiles(dir, {
    '/theme.html': themed,
    // The same page without the theme's stylesheet: what the elements look like on their own.
    '/plain.html': themed.replace(/<link rel="stylesheet"[^>]*>/, ''),
    '/portal-elements.js': ['text/javascript', readFileSync(`${ROOT}dist/portal-elements.js`)],
  });
  chromium = await openBrowser();
});

after(async () => {
  await chromium?.close();
  await site?.stop();
  await stopPolar(polar);
});

test('the shortcode prints the script tag once and the elements asked for, with its attributes escaped', () => {
  const page = join(mkdtempSync(join(tmpdir(), 'shortcodes-')), 'page.html');
  writeFileSync(page, '[polar_portal]\n[polar_portal elements="login subscriptions nonsense orders"]\n');
  const html = renderPage(page, { organization: 'acme"><script>alert(1)</script>' });
  assert.equal(
    html,
    '<script src="https://your-cdn.example/portal-elements/portal-elements.js" data-organization="acme&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" data-api="production" defer></script>\n' +
      '<portal-app></portal-app>\n\n' +
      '<portal-login></portal-login>\n<portal-subscriptions></portal-subscriptions>\n<portal-orders></portal-orders>\n\n',
  );
});

/** Computed styles a theme's global rules would change, of the element with this accessible name. */
async function looks(tab, selector) {
  const handle = await tab.waitForSelector(selector, { ...WAIT, visible: true });
  return handle.evaluate((el) => {
    const style = getComputedStyle(el);
    const props = ['display', 'text-transform', 'letter-spacing', 'font-weight', 'box-shadow', 'background-color', 'color', 'border-top-width', 'border-top-style', 'border-bottom-width', 'border-radius', 'padding-top', 'padding-left', 'margin-top', 'margin-bottom'];
    return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  });
}

const SIGNED_OUT = {
  'Sign in heading': '::-p-aria([name="Sign in"][role="heading"])',
  'Email field': '::-p-aria([name="Email"][role="textbox"])',
  'Send code button': '::-p-aria([name="Send code"][role="button"])',
};
const SIGNED_IN = {
  'Sign out button': '::-p-aria([name="Sign out"][role="button"])',
  'Subscriptions heading': '::-p-aria([name="Subscriptions"][role="heading"])',
  'Details button': '::-p-aria([name="Details"][role="button"])',
  'Cancel subscription button': '::-p-aria([name="Cancel subscription"][role="button"])',
  'Orders heading': '::-p-aria([name="Orders"][role="heading"])',
};

/** Signs alice in on `path` and returns how each part looked before and after. */
async function lookOf(path) {
  await fetch(`${polar.url}/__sandbox/reset`, { method: 'POST' });
  const { tab, errors } = await chromium.open(`${site.url}${path}`);
  /** @type {Record<string, Record<string, string>>} */ const seen = {};
  for (const [name, selector] of Object.entries(SIGNED_OUT)) seen[name] = await looks(tab, selector);
  await signInWithCode(tab, polar, 'alice@example.com');
  for (const [name, selector] of Object.entries(SIGNED_IN)) seen[name] = await looks(tab, selector);
  return { tab, errors, seen };
}

test('in a CMS theme: sign in by email code, cancel, and the site hears portal-subscription-canceled', async () => {
  const { tab, errors } = await chromium.open(`${site.url}/theme.html`);
  await signInWithCode(tab, polar, 'alice@example.com');
  await cancelFirstSubscription(tab);
  const heard = await tab.waitForFunction(() => document.getElementById('heard')?.textContent || false, WAIT);
  assert.equal(await heard.jsonValue(), 'Your site heard the cancellation (too expensive).');
  assert.deepEqual(await axeViolations(tab), [], 'axe, after the cancel');
  await assertPolarHoldsCancel(polar);
  assert.deepEqual(errors, []);
});

test("in a CMS theme the elements keep their look: the theme's button, input, label and h2 rules do not reach them", async () => {
  const plain = await lookOf('/plain.html');
  const themed = await lookOf('/theme.html');
  // The theme does reach the page's own h2 (the check can see a theme's rules).
  const pageHeading = await themed.tab.$eval('h2:not(portal-login h2)', (h) => getComputedStyle(h).textTransform);
  assert.equal(pageHeading, 'uppercase');
  // Headings and text take the site's text color and font on purpose (font is not compared;
  // color is, on controls, which set their own).
  for (const name of Object.keys(plain.seen)) {
    const text = name.endsWith('heading');
    const { color: plainColor, ...expected } = plain.seen[name];
    const { color: themedColor, ...actual } = themed.seen[name];
    assert.deepEqual(actual, expected, `${name} looks the same in the theme`);
    if (!text) assert.equal(themedColor, plainColor, `${name} keeps its color`);
  }
  assert.deepEqual([...plain.errors, ...themed.errors], []);
});
