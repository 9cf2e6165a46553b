// `theme: auto` follows the page the elements sit on, not only the visitor's system: a light
// shop seen by a visitor in dark mode stays light, a dark page stays dark, a `light dark` page
// follows the visitor, a page that declares nothing is light, and a page's own theme switch is
// followed. In each scheme, every element passes axe (WCAG 2.2 AA, colour contrast included),
// signed out and signed in, at 1280 px and 390 px.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '../helpers/commands.js';
import { PolarPortal } from '../../src/index.js';
import { freshPortal, slack, until } from '../helpers/portal.js';
import { signIn } from '../helpers/session.js';

const TAGS = ['portal-login', 'portal-subscriptions', 'portal-seats', 'portal-team', 'portal-orders', 'portal-billing', 'portal-benefits', 'portal-claim'];
type Scheme = 'light' | 'dark';
const CASES: { page: string; visitor: Scheme; drawn: Scheme }[] = [
  { page: 'light', visitor: 'dark', drawn: 'light' },
  { page: 'dark', visitor: 'light', drawn: 'dark' },
  { page: 'light dark', visitor: 'dark', drawn: 'dark' },
  { page: 'light dark', visitor: 'light', drawn: 'light' },
  { page: '', visitor: 'dark', drawn: 'light' },
];
const SESSIONS = [
  { who: 'signed out', org: 'solo' as const },
  { who: 'alice', org: 'solo' as const, customer: 'alice' },
  { who: 'a team owner', org: 'acme' as const, customer: 'globex', member: 'globex-owner' },
];

async function mountAll(): Promise<HTMLElement> {
  const page = await fixture<HTMLElement>(html`<div>${TAGS.map((tag) => document.createElement(tag))}</div>`);
  await until(() => {
    const roots = TAGS.map((tag) => page.querySelector(tag)!).map((el) => el.shadowRoot ?? el);
    return roots.every((root) => !root.querySelector('[part~="spinner"], [aria-busy="true"]'));
  }, 'everything loaded', 8000);
  return page;
}

/** Declares `scheme` on the page and paints the page in it. */
function paint(scheme: string): void {
  const root = document.documentElement.style;
  root.colorScheme = scheme;
  root.background = scheme ? 'Canvas' : '';
  root.color = scheme ? 'CanvasText' : '';
}

/**
 * The schemes axe has read in this run. Cases that draw the same scheme draw the same pixels
 * (the page's Canvas follows its scheme as the elements do), so axe reads each scheme once, in
 * the first case that draws it here (Firefox and WebKit skip the dark-visitor ones).
 */
const axeRead = new Set<Scheme>();

const drawn = (el: Element): Scheme | undefined =>
  el.matches(':state(theme-dark)') ? 'dark' : el.matches(':state(theme-light)') ? 'light' : undefined;

describe('theme auto follows the page', () => {
  afterEach(async () => {
    paint('');
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 1280, height: 800 });
  });

  for (const c of CASES) {
    const emulated = c.visitor === 'dark' ? ' (a dark system is emulated in Chromium only: Firefox’s BiDi and WebKit’s WebDriver cannot)' : '';
    it(`${c.page ? `a “${c.page}” page` : 'a page that declares no scheme'}, a ${c.visitor}-mode visitor${emulated}: drawn ${c.drawn} at 1280 and 390 px, where axe passes`, async function () {
      this.timeout(slack(60_000));
      if (!(await emulateMedia({ colorScheme: c.visitor })) && c.visitor === 'dark') this.skip();
      // The page paints what it declares: Canvas and CanvasText follow `color-scheme` (axe
      // reads only painted backgrounds, so the page sets them as a real site's CSS would).
      paint(c.page);
      const axe = !axeRead.has(c.drawn);
      axeRead.add(c.drawn);
      for (const s of SESSIONS) {
        await freshPortal(s.org);
        if (s.customer) await signIn(s.org, s.customer, s.member);
        await setViewport({ width: 1280, height: 844 });
        const page = await mountAll();
        // The same elements on a phone: each width gets one axe run over all of them (it enters each shadow root).
        for (const width of [1280, 390]) {
          await setViewport({ width, height: 844 });
          for (const tag of TAGS) expect(drawn(page.querySelector(tag)!), `${s.who}, ${width} px: ${tag}`).to.equal(c.drawn);
          if (axe) await expect(page, `${s.who}, ${width} px, drawn ${c.drawn}`).to.be.accessible();
        }
        page.remove();
      }
    });
  }

  it('follows the page’s own theme switch at run time, and the visitor’s system on a “light dark” page (the system part where the engine can emulate it: Chromium)', async () => {
    await freshPortal('solo');
    await signIn('solo', 'alice');
    const page = await mountAll();
    const el = page.querySelector('portal-subscriptions')!;
    expect(drawn(el)).to.equal('light');
    paint('dark');
    await until(() => drawn(el) === 'dark', 'dark with the page');
    paint('light dark');
    if (await emulateMedia({ colorScheme: 'dark' })) await until(() => drawn(el) === 'dark', 'dark with the system');
    await emulateMedia({ colorScheme: 'light' });
    await until(() => drawn(el) === 'light', 'light with the system');
    await expect(el).to.be.accessible();
  });

  it('reads <meta name="color-scheme"> when no CSS declares one, and follows its changes', async () => {
    await freshPortal('solo');
    const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' });
    document.head.append(meta);
    try {
      const page = await mountAll();
      const el = page.querySelector('portal-orders')!;
      expect(drawn(el)).to.equal('dark');
      meta.content = 'light';
      await until(() => drawn(el) === 'light', 'light with the meta tag');
    } finally {
      meta.remove();
    }
  });

  it('a pinned theme wins over the page', async () => {
    await freshPortal('solo');
    paint('dark');
    PolarPortal.configure({ theme: 'light' });
    const page = await mountAll();
    for (const tag of TAGS) expect(drawn(page.querySelector(tag)!), tag).to.equal('light');
  });
});
