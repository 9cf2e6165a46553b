// Languages as a customer meets them: the built locale files (dist/locales/*.js, `npm run build`
// first) loaded beside the kit when an element needs them, "Loading" in the language meanwhile
// (never a flash of English), the choice following the element, the configuration, the
// customer's own locale at Polar and the page, at run time; a file that cannot load leaves the
// element working in English with a console warning.
import { expect, fixture, html } from '@open-wc/testing';
import { PolarPortal } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import { registerTranslation } from '../../src/i18n/localize.js';
import pl from '../../src/i18n/locales/pl.js';
import type { PortalLogin, PortalSubscriptions } from '../../src/index.js';
import { freshPortal, until } from '../helpers/portal.js';
import { mintSessionToken } from '../helpers/sandbox.js';

const LOCALES = '/dist/locales/';
/** Where an element renders: its shadow root, or itself (the sign-in form lives in light DOM for autofill). */
const root = (el: Element) => el.shadowRoot ?? el;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ').trim();
const heading = (el: Element) => root(el).querySelector('h2')?.textContent?.trim();

/** Collects console warnings while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('languages', () => {
  beforeEach(async () => {
    await freshPortal('solo');
    PolarPortal.configure({ locales: LOCALES });
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('loads a language when an element needs it, showing "Loading" in that language until then, never English', async () => {
    const seen: string[] = [];
    const el = document.createElement('portal-login') as PortalLogin;
    el.lang = 'de';
    // Every text the element ever shows, from its first render on.
    const observer = new MutationObserver(() => seen.push(text(el)));
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    document.body.append(el);
    await el.updateComplete;
    seen.push(text(el));
    await until(() => heading(el) === 'Anmelden', 'German');
    observer.disconnect();
    expect(seen[0]).to.equal('Wird geladen…');
    expect(seen.filter((s) => s.includes(en.signInHeading) && !s.includes('Anmelden'))).to.deep.equal([]);
    expect(text(el)).to.include('E-Mail').and.include('Code senden');
    el.remove();
  });

  it('follows a change of the element’s lang, the configured locale and the page’s lang at run time', async () => {
    const el = await fixture<PortalLogin>(html`<portal-login lang="ja"></portal-login>`);
    await until(() => heading(el) === 'ログイン', 'Japanese');
    el.lang = 'pt-BR';
    await until(() => heading(el) === 'Entrar', 'Brazilian Portuguese, nearest to pt-BR');
    el.removeAttribute('lang');
    await until(() => heading(el) === en.signInHeading, 'English again, as the page says');
    document.documentElement.lang = 'pt-PT';
    await until(() => heading(el) === 'Iniciar sessão', 'European Portuguese from the page');
    PolarPortal.configure({ locale: 'de-AT' });
    await until(() => heading(el) === 'Anmelden', 'German, nearest to the configured de-AT');
    // Screen readers go by the attribute, not the property.
    expect(el.getAttribute('lang'), 'marked for screen readers: German on a Portuguese page').to.equal('de');
    PolarPortal.configure({ locale: '' });
    await until(() => heading(el) === 'Iniciar sessão', 'the page’s language once the configuration names none');
    expect(el.hasAttribute('lang'), 'no mark when the page says the same').to.equal(false);
  });

  it('speaks the signed-in customer’s language, from Polar, when nothing closer names one', async () => {
    const el = await fixture<PortalSubscriptions>(html`<portal-subscriptions></portal-subscriptions>`);
    await until(() => heading(el) === en.subsHeading, 'English while signed out');
    await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: 'jakub' }));
    await until(() => heading(el) === 'Subskrypcje', 'Polish, Jakub’s locale (pl-PL) at Polar');
    expect(text(el)).to.include('Nie masz subskrypcji.');
    expect(el.getAttribute('lang'), 'a Polish portal on an English page is marked Polish').to.equal('pl');
    // The page's own choice for the element still wins, and is what screen readers are told.
    el.lang = 'sv';
    await until(() => heading(el) === 'Prenumerationer', 'Swedish, the element’s own lang');
    expect(el.getAttribute('lang')).to.equal('sv');
  });

  it('an element inside another speaks its host’s language: the benefits in a German subscription’s details', async () => {
    await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: 'alice' }));
    const el = await fixture<PortalSubscriptions>(html`<portal-subscriptions lang="de"></portal-subscriptions>`);
    await until(() => heading(el) === 'Abonnements' && el.shadowRoot!.querySelector('[part~="item"]'), 'Alice’s subscriptions in German');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Details')!.click();
    const nested = await until(() => el.shadowRoot!.querySelector('portal-benefits'), 'the benefits in the details');
    await until(() => text(nested).includes('Schlüssel anzeigen'), 'the benefits in German');
    expect(text(nested)).to.not.include(en.benefitsTitle).and.not.include(en.keyShow);
    // German on an English page is said once, on the outer element; the inner one inherits it.
    expect(nested.hasAttribute('lang')).to.equal(false);
  });

  it('formats money and dates in the locale, with the language’s words', async () => {
    await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: 'alice' }));
    const el = await fixture<PortalSubscriptions>(html`<portal-subscriptions lang="de"></portal-subscriptions>`);
    await until(() => heading(el) === 'Abonnements' && el.shadowRoot!.querySelector('[part~="item"]'), 'Alice’s subscriptions in German');
    const shown = text(el);
    expect(shown).to.match(/\b\d+,\d\d\s\$/, 'German money ("29,00 $")');
    expect(shown).to.match(/\b\d\d\.\d\d\.20\d\d\b/, 'a German date ("14.12.2026")');
    expect(shown).to.not.match(/\b(?:Renews|Cancel|Ends|Active|month)\b/);
  });

  it('falls back to English, with a console warning, when a locale file is missing', async () => {
    PolarPortal.configure({ locales: '/no-such-folder/' });
    const warned = await warnings(async () => {
      const el = await fixture<PortalLogin>(html`<portal-login lang="ko"></portal-login>`);
      await until(() => heading(el) === en.signInHeading, 'English after the failed load');
      expect(text(el)).to.include(en.sendCode);
    });
    expect(warned.some((w) => w.includes('"ko" translation could not be loaded') && w.includes('/no-such-folder/ko.js'))).to.equal(true);
  });

  it('refuses a locale file built for another version of the kit', async () => {
    const warned = await warnings(async () => registerTranslation('xx', ['older', 'Laden…']));
    expect(warned.some((w) => w.includes('built for another version'))).to.equal(true);
    const el = await fixture<PortalLogin>(html`<portal-login lang="xx"></portal-login>`);
    await el.updateComplete;
    expect(heading(el)).to.equal(en.signInHeading);
  });

  it('reads a built locale file exactly as its source', async () => {
    const el = await fixture<PortalLogin>(html`<portal-login lang="pl"></portal-login>`);
    await until(() => heading(el) === pl.signInHeading, 'Polish from dist/locales/pl.js');
    const module = await import('../../src/i18n/localize.js');
    const built = module.translationFor('pl');
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const value = pl[key];
      if (typeof value === 'function') continue;
      expect(built[key], key).to.deep.equal(value);
    }
    expect(built.seats(22)).to.equal(pl.seats(22));
    expect(built.seatsCheck(5, 5, 22)).to.equal(pl.seatsCheck(5, 5, 22));
  });

  it('takes a translation the page registers itself, keeping English for what it leaves out', async () => {
    registerTranslation('en-x-pirate', { signInHeading: 'Come aboard' });
    const el = await fixture<PortalLogin>(html`<portal-login lang="en-x-pirate"></portal-login>`);
    await until(() => heading(el) === 'Come aboard', 'the page’s own words');
    expect(text(el)).to.include(en.sendCode);
  });
});
