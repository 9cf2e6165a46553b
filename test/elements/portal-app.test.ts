import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '../helpers/commands.js';
import { PolarPortal, type PortalApp } from '../../src/index.js';
import { button, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { signIn } from '../helpers/session.js';
import { mintSessionToken, setPortalSettings } from '../helpers/sandbox.js';

const root = (el: PortalApp) => el.shadowRoot!;
const links = (el: PortalApp) => [...root(el).querySelectorAll<HTMLAnchorElement>('nav a')];
const link = (el: PortalApp, name: string) => links(el).find((a) => textOf(a) === name)!;
const current = (el: PortalApp) => textOf(root(el).querySelector('nav a[aria-current="page"]')!);
const section = (el: PortalApp) => root(el).querySelector<HTMLElement>('[part~="section"]')!;
/** The focused element, through shadow roots. */
function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function mount(template = html`<portal-app></portal-app>`) {
  const el = await fixture<PortalApp>(template);
  await until(() => root(el).querySelector('nav, portal-login'), 'the app');
  return el;
}

/** Puts the test page back at its own address after a test moved it. */
const start = location.pathname + location.search;
/** The merchant page's own title, which the app's titles end with. */
const title = 'Solo Studio shop';

describe('<portal-app>', () => {
  beforeEach(async () => {
    await freshPortal('solo');
    document.title = title;
  });
  afterEach(async () => {
    history.replaceState(null, '', start);
    await setViewport({ width: 1280, height: 800 });
  });

  it('is the sign-in form when signed out; axe', async () => {
    const el = await mount();
    const login = root(el).querySelector('portal-login')!;
    await until(() => login.querySelector('input[name="email"]'), 'the email field');
    expect(root(el).querySelector('nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signed in: the organization, who is signed in, the sections they may see, and the overview’s next charges and balance; axe', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await until(() => textOf(root(el).querySelector('.org-name')!) === 'Solo Studio', 'the organization');
    const user = root(el).querySelector('portal-login')!;
    await until(() => textOf(user.querySelector('[part~="signed-in"]') ?? document.body).includes('Signed in as Alice Martin'), 'who is signed in');
    // The header's user is laid out by the app, at the header's end: who, and Sign out flush
    // right under or beside it (the login's own rules weigh more than a page's; the app's rule
    // must weigh more still, or the login's left-aligned column comes back).
    const who = user.querySelector('[part~="signed-in"] p')!.getBoundingClientRect();
    const signOut = button(user, 'Sign out').getBoundingClientRect();
    expect(Math.abs(signOut.right - user.getBoundingClientRect().right), 'Sign out at the header’s end').to.be.below(2);
    expect(Math.abs(who.right - user.getBoundingClientRect().right), 'the name at the header’s end').to.be.below(2);
    expect(links(el).map(textOf)).to.deep.equal(['Overview', 'Orders', 'Usage', 'Benefits', 'Billing']);
    expect(current(el)).to.equal('Overview');
    const cards = await until(() => root(el).querySelectorAll('[part~="card"]').length >= 3 && [...root(el).querySelectorAll('[part~="card"]')].map(textOf), 'the cards');
    // Pro Monthly renews; the paused Starter Monthly resumes by itself; Starter Yearly ends, so no charge.
    expect(cards.find((c) => c.startsWith('Next charge: Pro Monthly'))).to.match(/\$\d+\.\d\d on \w+ \d+, \d{4}$/);
    expect(cards.some((c) => c.startsWith('Next charge: Starter Monthly'))).to.equal(true);
    expect(cards.some((c) => c.includes('Starter Yearly'))).to.equal(false);
    expect(cards.find((c) => c.startsWith('Account balance'))).to.contain('$12.50');
    expect(document.title).to.equal(`Overview · ${title}`);
    await until(() => section(el).querySelector('portal-subscriptions')?.shadowRoot?.querySelector('[part~="item"]'), 'the subscriptions');
    await expect(el).to.be.accessible();
  });

  it('each section has an address: a click, Back, a deep link and a reload land on it, with the title and the focus on its heading', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    link(el, 'Orders').click();
    await until(() => location.hash === '#/orders' && current(el) === 'Orders', 'the orders section');
    const orders = section(el).querySelector('portal-orders')!;
    await until(() => focused() === orders.shadowRoot!.querySelector('[part~="heading"]'), 'focus on the Orders heading');
    expect(document.title).to.equal(`Orders · ${title}`);
    link(el, 'Billing').click();
    await until(() => current(el) === 'Billing', 'billing');
    history.back();
    await until(() => current(el) === 'Orders', 'back to orders');
    history.back();
    await until(() => current(el) === 'Overview', 'back to the overview');
    await until(() => textOf(focused() ?? document.body) === 'Overview', 'focus on the Overview heading');
    // A bookmarked address, and a reload on a section: the same section, focus left where the page put it.
    el.remove();
    history.replaceState(null, '', '#/usage');
    const deep = await mount();
    expect(current(deep)).to.equal('Usage');
    await until(() => section(deep).querySelector('portal-usage')?.shadowRoot?.querySelector('[part~="item"]'), 'the meters');
    expect(document.title).to.equal(`Usage · ${title}`);
  });

  it('keyboard only: Tab reaches the section links and Enter follows them', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    link(el, 'Overview').focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(link(el, 'Orders'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => current(el) === 'Usage', 'the usage section');
    await until(() => textOf(focused() ?? document.body) === 'Usage', 'focus on the Usage heading');
  });

  it('by role: a plain team member sees no orders, billing or team; an owner sees the team and seats', async () => {
    await freshPortal('acme');
    await signIn('acme', 'globex', 'globex-member');
    const el = await mount();
    await until(() => links(el).length && root(el).querySelector('.org-name')?.textContent, 'the sections');
    expect(links(el).map(textOf)).to.deep.equal(['Overview', 'Usage', 'Benefits']);
    el.remove();
    await signIn('acme', 'globex', 'globex-owner');
    const owner = await mount();
    await until(() => links(owner).some((a) => textOf(a) === 'Team and seats'), 'the team section');
    expect(links(owner).map(textOf)).to.deep.equal(['Overview', 'Orders', 'Usage', 'Benefits', 'Team and seats', 'Billing']);
    link(owner, 'Team and seats').click();
    await until(() => section(owner).querySelector('portal-seats') && section(owner).querySelector('portal-team'), 'seats and team');
    await expect(owner).to.be.accessible();
  });

  it('the merchant picks the sections; the organization’s settings hide usage; an unknown address is the overview', async () => {
    await setPortalSettings('solo', { usage: { show: false } });
    await signIn('solo', 'alice');
    history.replaceState(null, '', '#/usage');
    const el = await mount(html`<portal-app sections="overview usage billing"></portal-app>`);
    await until(() => root(el).querySelector('.org-name')?.textContent, 'the organization');
    expect(links(el).map(textOf)).to.deep.equal(['Overview', 'Billing']);
    expect(current(el)).to.equal('Overview');
  });

  it('path routes under base-path: links move without a page load, Back follows', async () => {
    await signIn('solo', 'alice');
    history.replaceState(null, '', '/account/benefits');
    const el = await mount(html`<portal-app base-path="/account"></portal-app>`);
    expect(current(el)).to.equal('Benefits');
    expect(link(el, 'Orders').getAttribute('href')).to.equal('/account/orders');
    link(el, 'Orders').click();
    await until(() => location.pathname === '/account/orders' && current(el) === 'Orders', 'orders');
    history.back();
    await until(() => current(el) === 'Benefits', 'back to benefits');
  });

  it('narrow screens: a menu button that names the section, opens the links and closes with Escape', async () => {
    await setViewport({ width: 390, height: 844 });
    await signIn('solo', 'alice');
    const el = await mount();
    const menu = button(root(el) as unknown as Element, 'Menu: Overview');
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(link(el, 'Orders').offsetParent, 'links hidden').to.equal(null);
    menu.click();
    await until(() => link(el, 'Orders').offsetParent, 'the links');
    link(el, 'Orders').focus();
    await sendKeys({ press: 'Escape' });
    await until(() => focused() === menu && menu.getAttribute('aria-expanded') === 'false', 'closed, focus on the button');
    await expect(el).to.be.accessible();
  });

  it('“Back to” the merchant’s page when the session was minted with a return URL', async () => {
    const token = await mintSessionToken('solo', { external_customer_id: 'alice', return_url: 'https://solo.example/app' });
    await PolarPortal.session.setToken(token);
    const el = await mount();
    const back = await until(() => root(el).querySelector<HTMLAnchorElement>('a.back'), 'the link');
    expect(textOf(back)).to.equal('Back to Solo Studio');
    expect(back.href).to.equal('https://solo.example/app');
  });
});
