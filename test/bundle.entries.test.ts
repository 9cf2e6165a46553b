// The per-element ES entries npm users import: one element, with the page-wide configuration,
// and none of the others; and a language imported the same way, registering itself with that
// element, no request for a locale file. (Built by `npm run build`, which `npm test` runs first.)
import { expect, fixture, html } from '@open-wc/testing';

// No test helpers here: they import src/index.ts, which would register every element.
const SANDBOX = (window as unknown as { __SANDBOX_URL__: string }).__SANDBOX_URL__;
async function until<T>(predicate: () => T | null | undefined, message: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = predicate();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  throw new Error(`Timed out waiting for: ${message}`);
}

describe('per-element entry points', () => {
  it('dist/portal-login.mjs defines <portal-login> alone, and it works', async () => {
    // @ts-expect-error: a built file, without type declarations beside it
    await import('../dist/portal-login.mjs');
    expect(customElements.get('portal-login')).to.exist;
    for (const other of ['portal-seats', 'portal-team', 'portal-orders', 'portal-billing', 'portal-subscriptions']) {
      expect(customElements.get(other), other).to.equal(undefined);
    }
    const polar = (window as unknown as { PolarPortal: { configure(c: object): void } }).PolarPortal;
    polar.configure({ organization: 'solo', api: SANDBOX });
    const el = await fixture<HTMLElement>(html`<portal-login></portal-login>`);
    await until(() => el.querySelector('input[type="email"]'), 'the sign-in form');
  });

  it('dist/locales/ja.mjs, imported by an app, gives that element Japanese without fetching a locale file', async () => {
    // @ts-expect-error: a built file, without type declarations beside it
    await import('../dist/locales/ja.mjs');
    const el = await fixture<HTMLElement>(html`<portal-login lang="ja"></portal-login>`);
    await until(() => el.querySelector('h2')?.textContent?.trim() === 'ログイン' && el, 'Japanese');
    expect(el.querySelector('button[type="submit"]')?.textContent?.trim()).to.equal('コードを送信');
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('/locales/ja.js'))).to.deep.equal([]);
  });
});
