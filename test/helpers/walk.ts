// A walk through every element, every persona, every detail and dialog: nothing on screen or in
// an accessible name may read "false", "true", "undefined", "null", "NaN", "[object …]" or a raw
// translation key (Lit renders `cond && template` as the word "false"; no other test reads the
// screen). On a phone every state also passes axe, and nothing makes the page scroll sideways;
// in a language other than English, no English message is left anywhere.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from './commands.js';
import { en } from '../../src/i18n/en.js';
import { translationFor } from '../../src/i18n/localize.js';
import type { Translation } from '../../src/i18n/translation.js';
import { PolarPortal } from '../../src/index.js';
import { button, maybeButton, textOf } from './dom.js';
import { freshPortal, slack, until } from './portal.js';
import { mintSessionToken } from './sandbox.js';
import { englishText, leakedText } from './visible-text.js';

/** Each persona, with how many dialogs and orders the walk must at least have opened. */
type Persona = { org: 'solo' | 'acme'; customer: string; member?: string; dialogs: number; orders: number; overdue?: number };
export const PERSONAS: Record<string, Persona> = {
  alice: { org: 'solo', customer: 'alice', dialogs: 8, orders: 10, overdue: 1 },
  owner: { org: 'acme', customer: 'globex', member: 'globex-owner', dialogs: 5, orders: 1 },
  billing: { org: 'acme', customer: 'globex', member: 'globex-billing', dialogs: 5, orders: 1 },
  member: { org: 'acme', customer: 'globex', member: 'globex-member', dialogs: 0, orders: 0 },
  carol: { org: 'acme', customer: 'carol', dialogs: 2, orders: 1 },
  big: { org: 'acme', customer: 'initech', member: 'initech-owner', dialogs: 5, orders: 1 },
};
let dialogsOpened = 0;

const TAGS = ['portal-login', 'portal-subscriptions', 'portal-seats', 'portal-team', 'portal-orders', 'portal-billing', 'portal-benefits', 'portal-claim', 'portal-usage'];

async function mountAll(): Promise<HTMLElement> {
  const page = await fixture<HTMLElement>(html`<div>
    <portal-login></portal-login>
    <portal-subscriptions></portal-subscriptions>
    <portal-seats></portal-seats>
    <portal-team></portal-team>
    <portal-orders></portal-orders>
    <portal-billing></portal-billing>
    <portal-benefits></portal-benefits>
    <portal-claim></portal-claim>
    <portal-usage></portal-usage>
  </div>`);
  await settled(page);
  return page;
}

/** Every element drawn and nothing loading. */
async function settled(page: HTMLElement): Promise<void> {
  await until(() => TAGS.every((tag) => page.querySelector(tag)), 'the elements');
  await until(() => {
    const roots = TAGS.map((tag) => page.querySelector(tag)!).map((el) => el.shadowRoot ?? el);
    return roots.every((root) => !root.querySelector('[part~="spinner"], [part~="quote"].status, [aria-busy="true"]'));
  }, 'everything loaded', 8000);
}

/** The app and the elements of its section drawn, nothing loading. */
async function appSettled(app: Element): Promise<void> {
  await until(() => {
    const roots = [app.shadowRoot!, ...[...app.shadowRoot!.querySelectorAll('[part~="section"] > *')].map((el) => el.shadowRoot ?? el)];
    return roots.every((root) => !root.querySelector('[part~="spinner"], [aria-busy="true"]'));
  }, 'the section loaded', 8000);
}

/** The screen being walked: at 390 px every state is also checked for axe and sideways scroll. */
let phone = false;
/** The language being walked, and its messages (the walk finds buttons by their names in it). */
let lang = 'en';
let t: Translation = en;

/**
 * Checks the screen now; `where` says which state it was in, `changed` which element changed
 * since the screen was last checked whole. Axe reads that element only: the rest was checked as
 * it stands, and axe's runs were most of this walk's time.
 */
async function check(page: HTMLElement, where: string, changed: Element = page): Promise<void> {
  expect(leakedText(page), where).to.deep.equal([]);
  if (lang !== 'en') expect(englishText(page), `${where}: English left in ${lang}`).to.deep.equal([]);
  if (!phone) return;
  expect(document.documentElement.scrollWidth, `${where}: the page scrolls sideways`).to.be.at.most(innerWidth);
  await expect(changed, where).to.be.accessible();
}

const shadow = (page: HTMLElement, tag: string) => page.querySelector(tag)!.shadowRoot!;

/** Opens, checks and closes every dialog that `names` open inside `tag`. */
async function eachDialog(page: HTMLElement, tag: string, names: (string | RegExp)[], where: string): Promise<void> {
  const root = shadow(page, tag);
  for (const name of names) {
    for (const opener of [...root.querySelectorAll('button')].filter((b) => b.getClientRects().length && matches(b, name))) {
      opener.click();
      const dialog = await until(() => root.querySelector('dialog')?.open && root.querySelector('dialog'), `the dialog of ${String(name)}`);
      await settled(page);
      // Under the modal dialog the rest of the page is inert and as it was checked: axe reads the dialog.
      await check(page, `${where}, ${tag} dialog of "${textOf(opener)}"`, dialog);
      dialogsOpened++;
      dialog.close();
      await until(() => !root.querySelector('dialog'), 'the dialog to close');
    }
  }
}

const matches = (b: HTMLButtonElement, name: string | RegExp) => {
  const label = b.getAttribute('aria-label') ?? textOf(b);
  return typeof name === 'string' ? label === name : name.test(label);
};

export function describeWalk(walk: { lang: string; width: number; personas: string[] }): void {
describe(`visible text in every element, ${walk.lang}, at ${walk.width} px`, () => {
  const { width } = walk;
  before(async () => {
    phone = width < 600;
    lang = walk.lang;
    await setViewport({ width, height: 844 });
  });
  after(async () => {
    lang = 'en';
    t = en;
    document.documentElement.lang = 'en';
    await setViewport({ width: 1280, height: 800 });
  });
  beforeEach(async () => {
    await freshPortal('solo');
    PolarPortal.configure({ locales: '/dist/locales/' });
    document.documentElement.lang = lang;
  });

  it('signed out, in both organizations', async () => {
    for (const org of ['solo', 'acme'] as const) {
      PolarPortal.configure({ organization: org });
      const page = await mountAll();
      t = translationFor(lang.toLowerCase());
      await check(page, `signed out on ${org}`);
      page.remove();
    }
  });

  for (const name of walk.personas) {
    const persona = PERSONAS[name];
    it(`signed in as ${name}: lists, every detail, every dialog`, async function () {
      this.timeout(slack(120_000));
      dialogsOpened = 0;
      PolarPortal.configure({ organization: persona.org });
      await PolarPortal.session.setToken(await mintSessionToken(persona.org, { external_customer_id: persona.customer, external_member_id: persona.member }));
      const page = await mountAll();
      t = translationFor(lang.toLowerCase());
      await check(page, `${name}, first screen`);

      // Subscriptions: every detail open, then every dialog.
      const subs = shadow(page, 'portal-subscriptions');
      for (const details of subs.querySelectorAll<HTMLElement>('details')) details.setAttribute('open', '');
      for (const toggle of [...subs.querySelectorAll('button')].filter((b) => textOf(b) === t.subDetails)) toggle.click();
      await settled(page);
      await check(page, `${name}, subscription details`, page.querySelector('portal-subscriptions')!);
      // Pay now shows once the overdue orders are known (one request beside the list).
      await until(() => [...subs.querySelectorAll('button')].filter((b) => textOf(b) === t.payNow).length === (persona.overdue ?? 0), 'Pay now on each overdue subscription');
      await eachDialog(page, 'portal-subscriptions', [t.payNow, t.subAction('cancel'), t.subAction('plan'), t.subAction('seats'), t.subAction('pause')], name);

      // Seats, team and billing dialogs (one of each kind is enough: they differ by row only in names).
      await eachDialog(page, 'portal-seats', [t.seatsAssign, t.seatsNeedMore], name);
      const revoke = [...shadow(page, 'portal-seats').querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? '').startsWith(t.forWho(t.seatsRevoke, '')));
      if (revoke) await eachDialog(page, 'portal-seats', [revoke.getAttribute('aria-label')!], name);
      const remove = [...shadow(page, 'portal-team').querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? '').startsWith(t.forWho(t.remove, '')));
      if (remove) await eachDialog(page, 'portal-team', [remove.getAttribute('aria-label')!], name);
      const method = [...shadow(page, 'portal-billing').querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? '').startsWith(t.forWho(t.remove, '')));
      if (method) await eachDialog(page, 'portal-billing', [method.getAttribute('aria-label')!], name);
      // The email change, where the organization allows it: its form, then closed again.
      const billing = shadow(page, 'portal-billing');
      const change = maybeButton(billing as unknown as Element, t.emailChange);
      if (change) {
        change.click();
        await until(() => billing.querySelector('#new-email'), 'the email change form');
        await check(page, `${name}, email change`, page.querySelector('portal-billing')!);
        button(billing as unknown as Element, t.cancel).click();
      }

      // Benefits: every license key shown (they load after the grants), every activation list
      // open, then the rotate confirmation.
      const benefits = shadow(page, 'portal-benefits');
      await until(
        () => [...benefits.querySelectorAll('[part~="item"]')].every((g) => !textOf(g).includes(t.benefitType('license_keys')) || g.querySelector('code.key')),
        'the license keys',
        8000,
      );
      for (const details of benefits.querySelectorAll<HTMLDetailsElement>('details')) details.open = true;
      await settled(page);
      await check(page, `${name}, benefits with activations`, page.querySelector('portal-benefits')!);
      await eachDialog(page, 'portal-benefits', [t.rotateKey], name);

      // Orders: every order of the first page, opened one after the other.
      const orders = shadow(page, 'portal-orders');
      const count = orders.querySelectorAll('tbody button[data-id]').length;
      for (let i = 0; i < count; i++) {
        const link = orders.querySelectorAll<HTMLButtonElement>('tbody button[data-id]')[i];
        const label = textOf(link);
        link.click();
        await until(() => orders.querySelector('[part~="detail"]'), `order ${label}`);
        await settled(page);
        await check(page, `${name}, order ${i + 1} (${label})`, page.querySelector('portal-orders')!);
        if (maybeButton(orders as unknown as Element, t.payNow)) await eachDialog(page, 'portal-orders', [t.payNow], `${name}, order ${label}`);
        button(orders as unknown as Element, t.allOrders).click();
        await until(() => orders.querySelector('tbody button[data-id]'), 'the orders list');
      }
      expect(dialogsOpened, 'dialogs walked').to.be.at.least(persona.dialogs);
      expect(count, 'orders walked').to.be.at.least(persona.orders);
    });

    it(`signed in as ${name}: <portal-app>, every section`, async function () {
      this.timeout(slack(120_000));
      PolarPortal.configure({ organization: persona.org });
      await PolarPortal.session.setToken(await mintSessionToken(persona.org, { external_customer_id: persona.customer, external_member_id: persona.member }));
      const page = await fixture<HTMLElement>(html`<div><portal-app></portal-app></div>`);
      const app = page.querySelector('portal-app')!;
      t = translationFor(lang.toLowerCase());
      await until(() => app.shadowRoot?.querySelector('nav a') && app.shadowRoot.querySelector('.org-name')?.textContent, 'the sections');
      await appSettled(app);
      const links = [...app.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
      for (const link of links) {
        link.click();
        await until(() => link.getAttribute('aria-current') === 'page', `the ${textOf(link)} section`);
        await appSettled(app);
        const where = `${name}, <portal-app> ${textOf(link)}`;
        expect(leakedText(page), where).to.deep.equal([]);
        if (lang !== 'en') expect(englishText(page), `${where}: English left in ${lang}`).to.deep.equal([]);
        if (phone) {
          expect(document.documentElement.scrollWidth, `${where}: the page scrolls sideways`).to.be.at.most(innerWidth);
          await expect(app, where).to.be.accessible();
        }
      }
      history.replaceState(null, '', location.pathname + location.search);
    });
  }
});
}
