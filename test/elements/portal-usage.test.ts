import { expect, fixture, html } from '@open-wc/testing';
import type { PortalUsage } from '../../src/index.js';
import { textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { api, signIn } from '../helpers/session.js';
import { addFault, setPortalSettings } from '../helpers/sandbox.js';

const root = (el: PortalUsage) => el.shadowRoot!;
const meters = (el: PortalUsage) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const meter = (el: PortalUsage, name: string) => meters(el).find((m) => textOf(m.querySelector('h3')!) === name)!;
/** A meter's figures as read out: each term with its value. */
const figures = (card: Element) => Object.fromEntries([...card.querySelectorAll('dt')].map((dt) => [textOf(dt), textOf(dt.nextElementSibling!)]));

async function mount() {
  const el = await fixture<PortalUsage>(html`<portal-usage></portal-usage>`);
  await until(() => root(el).querySelector('[part~="item"], [part~="empty"], [part~="status"], [part~="error"]'), 'the meters or a message');
  return el;
}

describe('<portal-usage>', () => {
  beforeEach(() => freshPortal('solo'));

  it('asks to sign in when signed out; axe', async () => {
    const el = await mount();
    expect(textOf(root(el).querySelector('[part~="status"]')!)).to.equal('Sign in to see your usage.');
    await expect(el).to.be.accessible();
  });

  it('shows each meter: used, credits and what is left, the period the credits renew with, a bar; axe', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    expect(meters(el).map((m) => textOf(m.querySelector('h3')!))).to.deep.equal(['AI assistant requests', 'Cloud sync storage (GB)']);
    const ai = meter(el, 'AI assistant requests');
    expect(figures(ai)).to.deep.equal({ Used: '640', Credits: '1,000', Left: '360' });
    expect(textOf(ai)).to.contain('64% of your credits used');
    // The credits come with Pro Monthly, whose period runs 18 days back and 12 ahead.
    expect(textOf(ai.querySelector('.period')!)).to.match(/^This period: \w+ \d+ – \w+ \d+, \d{4}$/);
    expect(ai.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    // A meter without credits: what was used, no bar, no "left" and no made-up period.
    const sync = meter(el, 'Cloud sync storage (GB)');
    expect(figures(sync)).to.deep.equal({ Used: '3.25' });
    expect(textOf(sync)).to.not.contain('This period');
    expect(sync.querySelector('svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows what usage beyond the credits adds to the next charge (Polar’s subscription meters)', async () => {
    await signIn('acme', 'globex', 'globex-member');
    // A metered price on Globex's plan, as Polar lists it (subscription.meters[]): $6.24 for this period.
    const subs = (await api('GET', 'subscriptions/?limit=100')) as { items: Record<string, unknown>[] };
    const list = (await api('GET', 'meters/')) as { items: { meter_id: string; meter: { id: string; name: string; created_at: string } }[] };
    const build = list.items.find((m) => m.meter.name === 'Build minutes')!;
    const s = subs.items[0];
    const metered = {
      ...s,
      current_meter_period_start: s.current_period_start,
      current_meter_period_end: s.current_period_end,
      meters: [{ created_at: s.created_at, modified_at: null, id: crypto.randomUUID(), consumed_units: 1312.5, credited_units: 2000, amount: 624, meter_id: build.meter_id, meter: { ...build.meter, modified_at: null } }],
    };
    await addFault({ path: '/v1/customer-portal/subscriptions/', method: 'GET', status: 200, body: { ...subs, items: [metered] }, times: 5 });
    const el = await mount();
    const card = meter(el, 'Build minutes');
    expect(textOf(card)).to.contain('Adds $6.24 to your next charge.');
    expect(textOf(card.querySelector('.period')!)).to.match(/^This period: /);
    expect(figures(meter(el, 'API requests'))).to.deep.equal({ Used: '48,210' });
    expect(textOf(meter(el, 'API requests'))).to.not.contain('Adds');
  });

  it('says so where the organization does not show usage, and asks Polar for no meters', async () => {
    await setPortalSettings('solo', { usage: { show: false } });
    await signIn('solo', 'alice');
    const asked = performance.getEntriesByType('resource').length;
    const el = await mount();
    expect(textOf(root(el).querySelector('[part~="empty"]')!)).to.equal('Usage is not shown for this account.');
    const calls = performance.getEntriesByType('resource').slice(asked).map((e) => new URL(e.name).pathname);
    expect(calls.filter((p) => p.includes('/meters'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('an empty list, and a failed one with a retry that works', async () => {
    await signIn('solo', 'jakub');
    const el = await mount();
    expect(textOf(root(el).querySelector('[part~="empty"]')!)).to.equal('No usage recorded yet.');
    el.remove();
    await signIn('solo', 'alice');
    await addFault({ path: '/v1/customer-portal/meters/', status: 500, times: 3 });
    const failed = await mount();
    await until(() => root(failed).querySelector('[part~="error"]'), 'the error');
    (root(failed).querySelector('[part~="error"] button') as HTMLButtonElement).click();
    await until(() => meters(failed).length === 2, 'the meters after retrying');
  });
});
