import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { focusFrame, sendKeys } from '../helpers/commands.js';
import { PolarPortal, type PortalSubscriptions } from '../../src/index.js';
import { documentContextValue } from '../../src/context/document-provider.js';
import { PortalElement } from '../../src/internal/portal-element.js';
import { subscriptionsResource, type SubscriptionList } from '../../src/state/subscriptions.js';
import { button, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, slack, until } from '../helpers/portal.js';
import { addFault, clearFaults, embedMessages, expireSessions, mintSessionToken, SANDBOX } from '../helpers/sandbox.js';

const API = `${SANDBOX}/v1/customer-portal`;
const LIST = `${API}/subscriptions/?limit=100`;

type Persona = 'alice' | 'globex-owner' | 'globex-billing' | 'globex-member';
async function signIn(persona: Persona) {
  const token =
    persona === 'alice'
      ? await mintSessionToken('solo', { external_customer_id: 'alice' })
      : await mintSessionToken('acme', { external_customer_id: 'globex', external_member_id: persona });
  await PolarPortal.session.setToken(token);
}

/** Requests the page made to `url` since the test began (the element only ever PATCHes a subscription's own URL). */
const requests = (url: string) => performance.getEntriesByType('resource').filter((e) => e.name === url).length;

async function mount(template = html`<portal-subscriptions></portal-subscriptions>`) {
  const el = await fixture<PortalSubscriptions>(template);
  await until(() => el.shadowRoot?.querySelector('[part~="item"], [part~="empty"], [part~="error"]'), 'the list');
  // Actions follow the organization's settings, which load beside the list.
  await until(() => documentContextValue().scope.organization.$state.get().data, 'the organization');
  await el.updateComplete;
  return el;
}

/** The element's shadow root, for the shared helpers that search by role, label or name. */
const $ = (el: PortalSubscriptions) => el.shadowRoot as unknown as Element;
const items = (el: PortalSubscriptions) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
function item(el: PortalSubscriptions, name: string): HTMLElement {
  const found = items(el).find((li) => textOf(li.querySelector('h3')!) === name);
  if (!found) throw new Error(`no subscription ${name}`);
  return found;
}
const dialog = (el: PortalSubscriptions) => el.shadowRoot!.querySelector('dialog');
const openDialog = (el: PortalSubscriptions) => until(() => dialog(el)?.open && dialog(el), 'the dialog');
const closedDialog = (el: PortalSubscriptions) => until(() => !dialog(el)?.open, 'the dialog to close');
function radio(root: Element, label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => textOf(l).startsWith(label));
  if (!found) throw new Error(`no choice ${label}`);
  return found.querySelector('input')!;
}
const subUrl = (name: 'active' | 'canceling' | 'pastDue' | 'paused' | 'globex') => `${API}/subscriptions/${IDS[name]}`;
const IDS: Record<string, string> = {};

/** Reads a subscription the way a merchant's backend would see it after the change. */
async function server(name: keyof typeof IDS, persona: Persona = 'alice') {
  const token =
    persona === 'alice'
      ? await mintSessionToken('solo', { external_customer_id: 'alice' })
      : await mintSessionToken('acme', { external_customer_id: 'globex', external_member_id: persona });
  const response = await fetch(`${API}/subscriptions/${IDS[name]}`, { headers: { Authorization: `Bearer ${token}` } });
  return response.json();
}

describe('<portal-subscriptions>', () => {
  before(async () => {
    // Subscription ids, from the seed through the API, once.
    await freshPortal('solo');
    await signIn('alice');
    const list = (await documentContextValue().scope.api.get('/v1/customer-portal/subscriptions/', { query: { limit: 100 } })) as SubscriptionList;
    const byName = (n: string) => list.items.find((s) => s.product.name === n)!.id;
    Object.assign(IDS, { active: byName('Pro Monthly'), canceling: byName('Starter Yearly'), pastDue: byName('Business Monthly'), paused: byName('Starter Monthly') });
    await freshPortal('acme');
    await signIn('globex-owner');
    const team = (await documentContextValue().scope.api.get('/v1/customer-portal/subscriptions/', {})) as SubscriptionList;
    IDS.globex = team.items[0].id;
  });

  beforeEach(async () => {
    await freshPortal('solo');
    performance.setResourceTimingBufferSize(2000);
    performance.clearResourceTimings();
  });

  describe('states', () => {
    it('asks to sign in when signed out', async () => {
      const el = await fixture<PortalSubscriptions>(html`<portal-subscriptions></portal-subscriptions>`);
      await until(() => el.shadowRoot?.textContent?.includes('Sign in to see your subscriptions.'), 'the signed-out hint');
      await expect(el).to.be.accessible();
    });

    it('shows a spinner while loading, then the list', async () => {
      await signIn('alice');
      await addFault({ path: '/v1/customer-portal/subscriptions/', method: 'GET', latency_ms: 600 });
      const el = await fixture<PortalSubscriptions>(html`<portal-subscriptions></portal-subscriptions>`);
      await until(() => el.shadowRoot!.querySelector('[part~="spinner"]'), 'the spinner');
      expect(roleText($(el), 'status')).to.contain('Loading');
      await expect(el).to.be.accessible();
      await until(() => items(el).length, 'the items');
    });

    it('lists current subscriptions first with prices, status and dates; ended ones collapsed', async () => {
      await signIn('alice');
      const el = await mount();
      const visible = items(el).filter((li) => li.checkVisibility()).map((li) => textOf(li.querySelector('h3')!));
      expect(visible).to.deep.equal(['Pro Monthly', 'Starter Yearly', 'Business Monthly', 'Starter Monthly']);
      const pro = textOf(item(el, 'Pro Monthly'));
      expect(pro).to.contain('$29.00 / month').and.contain('Active').and.contain('Renews on');
      expect(textOf(item(el, 'Starter Yearly'))).to.contain('$90.00 / year').and.contain('Ends soon').and.contain('Ends on');
      expect(textOf(item(el, 'Business Monthly'))).to.contain('Payment overdue');
      expect(textOf(item(el, 'Starter Monthly'))).to.contain('Paused since').and.contain('Resumes on');
      const summary = el.shadowRoot!.querySelector('summary')!;
      expect(textOf(summary)).to.equal('Ended subscriptions (1)');
      expect(item(el, 'Pro Yearly').checkVisibility(), 'collapsed').to.equal(false);
      await expect(el).to.be.accessible();
      summary.click();
      await until(() => item(el, 'Pro Yearly').checkVisibility(), 'the ended section');
      expect(textOf(item(el, 'Pro Yearly'))).to.contain('Ended on');
      await expect(el).to.be.accessible();
    });

    it('shows an error with Retry, and recovers', async () => {
      await signIn('alice');
      await addFault({ path: '/v1/customer-portal/subscriptions/', method: 'GET', status: 500, times: 0 });
      const el = await mount();
      expect(roleText($(el), 'alert')).to.contain('The server had a problem');
      expect(el.matches(':state(error)')).to.equal(true);
      await expect(el).to.be.accessible();
      await clearFaults();
      button($(el), 'Try again').click();
      await until(() => items(el).length, 'the items');
      expect(el.matches(':state(ready)')).to.equal(true);
    });

    it('shows the empty state', async () => {
      await signIn('alice');
      await addFault({ path: '/v1/customer-portal/subscriptions/', method: 'GET', status: 200, body: { items: [], pagination: { total_count: 0, max_page: 0 } } });
      const el = await mount();
      expect(textOf(el.shadowRoot!.querySelector('[part~="empty"]')!)).to.contain('You have no subscriptions.');
      expect(el.matches(':state(empty)')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('one subscription', () => {
    it('opens to its amounts, next charge with tax, benefits and orders', async () => {
      await signIn('alice');
      const el = await mount();
      const pro = item(el, 'Pro Monthly');
      const details = button(pro, 'Details');
      details.click();
      await until(() => pro.querySelector('[part~="detail"] dl + h4 + [part~="body"] dl'), 'the next charge');
      expect(details.getAttribute('aria-expanded')).to.equal('true');
      const detail = textOf(pro.querySelector('[part~="detail"]')!);
      expect(detail).to.contain('Plan$29.00').and.contain('Tax$5.51').and.contain('Total$34.51');
      // What it gives: its grants, in the details.
      const benefits = pro.querySelector('[part~="detail"] portal-benefits')!;
      await until(() => textOf(benefits.shadowRoot as unknown as Element).includes('Priority email support'), 'the grants');
      expect(textOf(benefits.shadowRoot as unknown as Element)).to.contain('Solo Desktop license key');
      // Its orders (receipts and invoices a click away), five to a page: Pro Monthly has six.
      const orders = pro.querySelector('[part~="detail"] portal-orders')!;
      await until(() => orders.shadowRoot?.querySelectorAll('tbody tr').length === 5, 'its orders');
      expect(orders.shadowRoot!.querySelector('[part~="heading"]')!.getAttribute('aria-level'), 'a section of the detail').to.equal('4');
      expect(textOf(orders.shadowRoot as unknown as Element)).to.contain('Page 1 of 2');
      expect(requests(`${API}/orders/?page=1&limit=5&subscription_id=${IDS.active}`)).to.equal(1);
      expect(requests(`${API}/subscriptions/${IDS.active}/charge-preview`)).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('shows only the subscription named by subscription-id, opened; canceling ones have no next charge', async () => {
      await signIn('alice');
      const el = await mount(html`<portal-subscriptions subscription-id=${IDS.canceling}></portal-subscriptions>`);
      expect(items(el).map((li) => textOf(li.querySelector('h3')!))).to.deep.equal(['Starter Yearly']);
      expect(textOf(items(el)[0])).to.contain('No upcoming charge.');
      expect(requests(`${API}/subscriptions/${IDS.canceling}/charge-preview`)).to.equal(0);
    });

    it('strikes through the base price of a discounted subscription', async () => {
      await signIn('alice');
      const list = (await (await fetch(LIST, { headers: { Authorization: `Bearer ${await mintSessionToken('solo', { external_customer_id: 'alice' })}` } })).json()) as SubscriptionList;
      const pro = list.items.find((x) => x.id === IDS.active)!;
      Object.assign(pro, { discount_id: '0b7f3f0e-9c8a-4b7e-8d59-3a1f2f0c6a11', amount: 2320 });
      await addFault({ path: '/v1/customer-portal/subscriptions/', method: 'GET', status: 200, body: list });
      const el = await mount();
      const struck = item(el, 'Pro Monthly').querySelector('s')!;
      expect(textOf(struck)).to.equal('$29.00 / month');
      expect(textOf(item(el, 'Pro Monthly'))).to.contain('$23.20 / month');
      expect(item(el, 'Starter Monthly').querySelector('s')).to.equal(null);
    });
  });

  describe('cancel', () => {
    it('walks through cancel with the keyboard alone, keeps access until period end, and fires events', async () => {
      await signIn('alice');
      const el = await mount();
      const pro = item(el, 'Pro Monthly');
      button(pro, 'Details').focus();
      for (let i = 0; i < 6 && el.shadowRoot!.activeElement !== maybeButton(pro, 'Cancel subscription'); i++) await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(button(pro, 'Cancel subscription'));
      await sendKeys({ press: 'Enter' });
      const dlg = await openDialog(el);
      await expect(el).to.be.accessible();
      expect(textOf(dlg)).to.contain('Pro Monthly stays active until');
      const reasons = [...dlg.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) => textOf(r.closest('label')!));
      expect(reasons).to.deep.equal(['Too expensive', 'Missing features', 'Switched to another service', 'I don’t use it enough', 'Customer service', 'Quality was lower than expected', 'Too complicated', 'Other']);
      await until(() => dlg.contains(el.shadowRoot!.activeElement), 'focus in the dialog');
      if (el.shadowRoot!.activeElement !== radio(dlg, 'Too expensive')) radio(dlg, 'Too expensive').focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(radio(dlg, 'Missing features').checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'No dark mode' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(button(dlg, 'Cancel subscription'));
      const updated = oneEvent(el, 'portal-subscription-updated');
      const canceled = oneEvent(el, 'portal-subscription-canceled');
      await sendKeys({ press: 'Enter' });
      const event = await canceled;
      expect(event.detail.subscriptionId).to.equal(IDS.active);
      expect(event.detail.changes).to.include({ cancel_at_period_end: true, customer_cancellation_reason: 'missing_features' });
      expect((await updated).detail.subscriptionId).to.equal(IDS.active);
      await closedDialog(el);
      expect(roleText(item(el, 'Pro Monthly'), 'status')).to.match(/^Canceled\. You keep access until \w+ \d+, \d{4}\.$/);
      expect(textOf(item(el, 'Pro Monthly'))).to.contain('Ends soon');
      expect(maybeButton(item(el, 'Pro Monthly'), 'Undo cancellation')).to.exist;
      expect(requests(subUrl('active'))).to.equal(1);
      expect(requests(LIST), 'the PATCH answer is applied, not re-fetched').to.equal(1);
      const after = await server('active');
      expect([after.cancel_at_period_end, after.customer_cancellation_comment]).to.deep.equal([true, 'No dark mode']);
      await expect(el).to.be.accessible();
    });

    it('lets the page stop a cancel for its own offer, then proceed()', async () => {
      await signIn('alice');
      const el = await mount();
      let held: Promise<void> | undefined;
      el.addEventListener('portal-before-cancel', (event) => {
        event.preventDefault();
        held = new Promise((resolve) => setTimeout(resolve, 0)).then(() => event.detail.proceed());
        expect(event.detail).to.include({ subscriptionId: IDS.active, reason: 'too_expensive', immediate: false });
      });
      button(item(el, 'Pro Monthly'), 'Cancel subscription').click();
      const dlg = await openDialog(el);
      radio(dlg, 'Too expensive').click();
      button(dlg, 'Cancel subscription').click();
      await closedDialog(el);
      await until(() => held, 'the host flow');
      await held;
      await until(() => roleText(item(el, 'Pro Monthly'), 'status').startsWith('Canceled.'), 'the cancel');
      expect(requests(subUrl('active'))).to.equal(1);
      expect((await server('active')).customer_cancellation_reason).to.equal('too_expensive');
    });

    it('undoes a cancellation', async () => {
      await signIn('alice');
      const el = await mount();
      const uncanceled = oneEvent(el, 'portal-subscription-uncanceled');
      button(item(el, 'Starter Yearly'), 'Undo cancellation').click();
      expect((await uncanceled).detail.changes).to.include({ cancel_at_period_end: false, ends_at: null });
      await until(() => roleText(item(el, 'Starter Yearly'), 'status') === 'Your subscription continues.', 'the confirmation');
      expect(textOf(item(el, 'Starter Yearly'))).to.contain('Renews on');
    });

    it('ends a past-due subscription now, after warning what is owed', async () => {
      await signIn('alice');
      const el = await mount();
      button(item(el, 'Business Monthly'), 'Cancel subscription').click();
      const dlg = await openDialog(el);
      await until(() => dlg.querySelector('[part~="warning"]'), 'the warning');
      expect(textOf(dlg.querySelector('[part~="warning"]')!)).to.contain('Cancelling ends the subscription and its access now').and.contain('$117.81');
      await expect(el).to.be.accessible();
      const canceled = oneEvent(el, 'portal-subscription-canceled');
      button(dlg, 'Cancel now').click();
      expect((await canceled).detail.changes).to.include({ status: 'canceled' });
      await closedDialog(el);
      expect(textOf(el.shadowRoot!.querySelector('summary')!)).to.equal('Ended subscriptions (2)');
      expect((await server('pastDue')).status).to.equal('canceled');
    });
  });

  describe('change plan', () => {
    it('closes with Escape and returns focus to the button that opened it', async () => {
      await signIn('alice');
      const el = await mount();
      const opener = button(item(el, 'Pro Monthly'), 'Change plan');
      opener.focus();
      await sendKeys({ press: 'Enter' });
      await openDialog(el);
      await sendKeys({ press: 'Escape' });
      await closedDialog(el);
      await until(() => el.shadowRoot!.activeElement === opener, 'focus back on the opener');
    });

    it('walks through with the keyboard: benefits, exact amount due today, consent', async () => {
      await signIn('alice');
      const el = await mount();
      const pro = item(el, 'Pro Monthly');
      button(pro, 'Change plan').focus();
      await sendKeys({ press: 'Enter' });
      const dlg = await openDialog(el);
      const plans = [...dlg.querySelectorAll('input[name="plan"]')].map((r) => textOf(r.closest('label')!));
      expect(plans).to.deep.equal(['Business Monthly $99.00 / month', 'Pro Yearly $290.00 / year', 'Starter Monthly $9.00 / month', 'Starter Yearly $90.00 / year']);
      await until(() => el.shadowRoot!.activeElement === radio(dlg, 'Business Monthly'), 'focus on the first plan');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      expect(radio(dlg, 'Business Monthly').checked).to.equal(true);
      await until(() => dlg.querySelector('[part~="quote"] dl'), 'the quote');
      // What Polar says the change costs, asked the way the element asks it.
      const business = documentContextValue().scope.organization.$state.get().data!.products.find((p) => p.name === 'Business Monthly')!;
      const preview = await documentContextValue().scope.api.post('/v1/customer-portal/subscriptions/{id}/change-preview', {
        path: { id: IDS.active },
        body: { product_id: business.id },
      });
      const money = (n: number) => `${n < 0 ? '-' : ''}$${(Math.abs(n) / 100).toFixed(2)}`;
      const due = money(preview.due_amount);
      const quote = textOf(dlg.querySelector('[part~="quote"]')!);
      expect(preview.due_amount).to.be.greaterThan(0);
      // Due today explains itself: the credit for unused time, the new plan's remaining time, tax.
      const sum = preview.prorations.reduce((total, p) => total + p.amount, preview.base_amount) + preview.tax_amount;
      expect(sum, 'the lines add up to what is due').to.equal(preview.due_amount);
      const lines = [
        ...(preview.base_amount ? [`Plan${money(preview.base_amount)}`] : []),
        ...preview.prorations.map((p) => `${p.label}${money(p.amount)}`),
        `Tax${money(preview.tax_amount)}`,
        `Due today${due}`,
      ];
      expect(preview.prorations.map((p) => Math.sign(p.amount))).to.deep.equal([-1, 1]);
      expect(quote.replace(/\s+/g, '')).to.equal(`New price$99.00 / month${lines.join('')}`.replace(/\s+/g, ''));
      expect(button(dlg, 'Change plan').getAttribute('aria-disabled'), 'needs consent').to.equal('true');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      const consent = dlg.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      expect(el.shadowRoot!.activeElement).to.equal(consent);
      expect(textOf(consent.closest('label')!)).to.equal(`I agree to be charged ${due} today.`);
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(button(dlg, 'Change plan'));
      const changed = oneEvent(el, 'portal-subscription-plan-changed');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.changes).to.include({ amount: 9900 });
      await closedDialog(el);
      await until(() => items(el).some((li) => textOf(li.querySelector('h3')!) === 'Business Monthly' && textOf(li).includes('Your plan was changed.')), 'the new plan');
    });
  });

  describe('seats', () => {
    beforeEach(() => freshPortal('acme'));

    it('steps seats, never below those in use, shows the change-preview amount, then changes', async () => {
      await signIn('globex-owner');
      const el = await mount();
      const team = item(el, 'Team');
      expect(textOf(team)).to.contain('$300.00 / month · 25 seats');
      button(team, 'Change seats').click();
      const dlg = await openDialog(el);
      const input = await until(() => dlg.querySelector<HTMLInputElement>('input[inputmode="numeric"]'), 'the stepper');
      expect(input.type, 'no spinner arrows beside the − and + buttons').to.equal('text');
      await until(() => textOf(dlg).includes('23 in use'), 'the floor');
      await expect(el).to.be.accessible();
      for (let i = 0; i < 2; i++) button(dlg, 'One seat fewer').click();
      await el.updateComplete;
      expect(input.value).to.equal('23');
      expect(button(dlg, 'One seat fewer').disabled, 'cannot go below seats in use').to.equal(true);
      for (let i = 0; i < 7; i++) button(dlg, 'One seat more').click();
      await until(() => input.value === '30' && dlg.querySelector('[part~="quote"] dl'), 'the quote for 30 seats');
      const quote = textOf(dlg.querySelector('[part~="quote"]')!);
      // acme prorates into the next charge: nothing is due today.
      // acme prorates: the next charge carries the new seats' price and the proration lines.
      expect(quote).to.match(/^New price\$360\.00 \/ month Plan\$360\.00 .*Next charge, .+\$\d+\.\d\d Due today\$0\.00$/);
      expect(requests(`${API}/subscriptions/${IDS.globex}/change-preview`), 'one preview for a burst of clicks').to.equal(1);
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, 'portal-subscription-seats-changed');
      button(dlg, 'Change seats').click();
      expect((await changed).detail.changes).to.include({ seats: 30, amount: 36000 });
      await closedDialog(el);
      expect(textOf(item(el, 'Team'))).to.contain('$360.00 / month · 30 seats').and.contain('Your seats were updated.');
    });

    it('quotes what is typed once typing pauses, older quotes dropped; one press confirms before the quote is in', async () => {
      await signIn('globex-owner');
      const el = await mount();
      button(item(el, 'Team'), 'Change seats').click();
      const dlg = await openDialog(el);
      await until(() => textOf(dlg).includes('23 in use'), 'the floor');
      const input = dlg.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!;
      const previews = () => requests(`${API}/subscriptions/${IDS.globex}/change-preview`);
      const before = previews();
      input.focus();
      input.select();
      // 30, erased, then 24: one burst, typed in one command.
      await sendKeys({ sequence: ['3', '0', 'Backspace', 'Backspace', '2', '4'] });
      // The price follows the field as typed, without leaving it: 24 seats at $12.
      await until(() => textOf(dlg).includes('New price$288.00 / month'), 'the quote for 24');
      expect(previews() - before, 'one preview for a burst of typing').to.equal(1);
      expect(el.shadowRoot!.activeElement, 'focus stays in the field').to.equal(input);
      // A slow answer for 27 is dropped once 28 is typed.
      await addFault({ path: `/v1/customer-portal/subscriptions/${IDS.globex}/change-preview`, method: 'POST', latency_ms: 1500, times: 1 });
      input.select();
      await sendKeys({ type: '27' });
      await new Promise((resolve) => setTimeout(resolve, 600));
      input.select();
      await sendKeys({ type: '28' });
      await until(() => textOf(dlg).includes('New price$336.00 / month'), 'the quote for 28');
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(textOf(dlg)).to.contain('New price$336.00 / month').and.not.contain('$324.00');
      // Typed and confirmed at once: the one press waits for the quote, then confirms.
      input.select();
      await sendKeys({ type: '26' });
      const changed = oneEvent(el, 'portal-subscription-seats-changed');
      const patches = requests(subUrl('globex'));
      button(dlg, 'Change seats').click();
      expect((await changed).detail.changes).to.include({ seats: 26 });
      expect(requests(subUrl('globex')) - patches, 'one PATCH').to.equal(1);
      await closedDialog(el);
    });

    it('schedules a decrease as a pending change that can be cancelled', async () => {
      await signIn('globex-billing');
      const el = await mount();
      button(item(el, 'Team'), 'Change seats').click();
      const dlg = await openDialog(el);
      await until(() => textOf(dlg).includes('23 in use'), 'the floor');
      button(dlg, 'One seat fewer').click();
      await until(() => dlg.querySelector('[part~="quote"] dl'), 'the quote');
      button(dlg, 'Change seats').click();
      await closedDialog(el);
      const pending = await until(() => item(el, 'Team').querySelector('[part~="pending"]'), 'the pending change');
      expect(textOf(pending)).to.match(/^Scheduled for .+: 24 seats Cancel scheduled change$/);
      await expect(el).to.be.accessible();
      button(pending as HTMLElement, 'Cancel scheduled change').click();
      await until(() => !item(el, 'Team').querySelector('[part~="pending"]'), 'the change cleared');
      expect((await server('globex', 'globex-billing')).pending_update).to.equal(null);
    });

    it('is read-only for a team member, with the same list', async () => {
      await signIn('globex-member');
      const el = await mount();
      const team = item(el, 'Team');
      expect(textOf(team)).to.contain('25 seats');
      expect([...team.querySelectorAll('button')].map(textOf)).to.deep.equal(['Details']);
      button(team, 'Details').click();
      await until(() => team.querySelector('[part~="detail"] portal-benefits'), 'the detail');
      expect(team.querySelector('portal-orders'), 'billing is the owner’s').to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('what each user may do', () => {
    it('offers a customer on solo cancel, plan change and pause, but no seats (not enabled); Pay now where a renewal is overdue', async () => {
      await signIn('alice');
      const el = await mount();
      const names = (name: string) => [...item(el, name).querySelectorAll('button')].map(textOf);
      expect(names('Pro Monthly')).to.deep.equal(['Details', 'Change plan', 'Pause subscription', 'Cancel subscription']);
      expect(names('Starter Yearly')).to.deep.equal(['Details', 'Undo cancellation']);
      await until(() => names('Business Monthly').includes('Pay now'), 'Pay now, once the overdue order is known');
      expect(names('Business Monthly')).to.deep.equal(['Pay now', 'Details', 'Cancel subscription']);
      expect(names('Starter Monthly')).to.deep.equal(['Details', 'Resume now', 'Cancel subscription']);
    });

    it('hides every action when readonly', async () => {
      await signIn('alice');
      const el = await mount(html`<portal-subscriptions readonly></portal-subscriptions>`);
      expect(el.readonly).to.equal(true);
      expect(items(el).flatMap((li) => [...li.querySelectorAll('button')].map(textOf)).filter((n) => n !== 'Details')).to.deep.equal([]);
      button(item(el, 'Pro Monthly'), 'Details').click();
      await until(() => item(el, 'Pro Monthly').querySelector('[part~="detail"] portal-benefits'), 'the detail');
      expect(item(el, 'Pro Monthly').querySelector('portal-orders'), 'no orders, whose invoices and payments are actions').to.equal(null);
    });
  });

  describe('focus and wording after an action', () => {
    it('lands on the outcome when the pressed button goes away (undo cancellation, resume now)', async () => {
      await signIn('alice');
      const el = await mount();
      for (const [name, action, outcome] of [
        ['Starter Yearly', 'Undo cancellation', 'Your subscription continues.'],
        ['Starter Monthly', 'Resume now', 'Your subscription is active again.'],
      ]) {
        button(item(el, name), action).focus();
        await sendKeys({ press: 'Enter' });
        await until(() => textOf(el.shadowRoot!.activeElement ?? document.body) === outcome, `focus on “${outcome}”`);
        expect(maybeButton(item(el, name), action)).to.not.exist;
      }
    });

    it('cancelling a paused subscription speaks of the pause, with a destructive button and a safe way out', async () => {
      await signIn('alice');
      const el = await mount();
      const paused = await server('paused');
      button(item(el, 'Starter Monthly'), 'Cancel subscription').click();
      const dlg = await openDialog(el);
      const resumes = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(paused.resumes_at));
      expect(textOf(dlg)).to.contain(`Starter Monthly is paused. Cancelling ends it: it will not resume on ${resumes}.`);
      expect(textOf(dlg)).not.to.contain('stays active');
      expect(button(dlg, 'Cancel subscription').classList.contains('danger')).to.equal(true);
      button(dlg, 'Keep subscription').click();
      await closedDialog(el);
    });
  });

  describe('pause and resume', () => {
    it('schedules a pause with a resume date, cancels it, and resumes a paused one', async () => {
      await signIn('alice');
      const el = await mount();
      button(item(el, 'Pro Monthly'), 'Pause subscription').click();
      const dlg = await openDialog(el);
      await expect(el).to.be.accessible();
      const date = dlg.querySelector<HTMLInputElement>('input[type="date"]')!;
      const resume = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      // A day inside the current period is refused at once, at the field.
      date.value = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      date.dispatchEvent(new Event('input'));
      await until(() => date.getAttribute('aria-invalid') === 'true', 'the date marked invalid');
      expect(textOf(dlg)).to.match(/Choose a day after .+, when the pause starts\./);
      expect(button(dlg, 'Pause subscription').getAttribute('aria-disabled')).to.equal('true');
      date.value = resume;
      date.dispatchEvent(new Event('input'));
      await until(() => date.getAttribute('aria-invalid') === 'false', 'the date accepted');
      const paused = oneEvent(el, 'portal-subscription-paused');
      button(dlg, 'Pause subscription').click();
      expect((await paused).detail.changes).to.include({ pause_at_period_end: true });
      await closedDialog(el);
      expect(textOf(item(el, 'Pro Monthly'))).to.contain('Pauses on').and.contain('Resumes on');
      button(item(el, 'Pro Monthly'), 'Cancel scheduled pause').click();
      await until(() => textOf(item(el, 'Pro Monthly')).includes('The pause was cancelled.'), 'the pause cancelled');
      expect(textOf(item(el, 'Pro Monthly'))).to.contain('Renews on');
      const resumed = oneEvent(el, 'portal-subscription-resumed');
      button(item(el, 'Starter Monthly'), 'Resume now').click();
      expect((await resumed).detail.changes).to.include({ status: 'active' });
      await until(() => textOf(item(el, 'Starter Monthly')).includes('Your subscription is active again.'), 'resumed');
    });
  });

  // Polar's hosted portal: "Retry payment" on a past-due subscription, with its pending order
  // (clients/apps/web/src/components/CustomerPortal/CustomerPortalSubscriptions.tsx).
  describe('paying an overdue renewal', () => {
    const PAYABLE = () => `${API}/orders/?subscription_id=${IDS.pastDue}&limit=100`;
    const payNow = (el: PortalSubscriptions) => until(() => maybeButton(item(el, 'Business Monthly'), 'Pay now'), 'Pay now');
    async function openPay(el: PortalSubscriptions) {
      (await payNow(el)).click();
      const dlg = await openDialog(el);
      await until(() => dlg.querySelector('input[type="radio"]'), 'the saved cards');
      return dlg;
    }

    it('offers Pay now on the past-due subscription only; paying turns it active, says so there and moves focus to it', async () => {
      await signIn('alice');
      const el = await mount();
      const pay = await payNow(el);
      expect(pay.classList.contains('primary'), 'the first thing to do').to.equal(true);
      expect(items(el).filter((li) => maybeButton(li, 'Pay now')).length, 'no other subscription').to.equal(1);
      expect(requests(PAYABLE()), 'one request for the payable orders').to.equal(1);
      const dlg = await openPay(el);
      expect(textOf(dlg.querySelector('h2')!), 'named like the other dialogs').to.equal('Pay now: Business Monthly');
      expect(el.shadowRoot!.activeElement, 'opened on its title, read before the amount and the choices').to.equal(dlg.querySelector('h2'));
      // Business Monthly's renewal: $99.00 and 19% German VAT.
      expect(textOf(dlg)).to.match(/\$117\.81 is due\. Otherwise we retry on /);
      const radios = [...dlg.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(textOf(radios.find((r) => r.checked)!.closest('label')!), 'the default card chosen').to.contain('Visa ending in 4242');
      await expect(el).to.be.accessible();
      const paid = oneEvent(el, 'portal-order-paid');
      button(dlg, /^Pay \$/).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(dlg, 'status').includes('Payment received'), 'paid', 8000);
      expect((await paid).detail.orderId).to.be.a('string');
      button(dlg, 'Done').click();
      await closedDialog(el);
      const notice = await until(() => item(el, 'Business Monthly').querySelector<HTMLElement>('[part~="status"][role="status"]:not([hidden])'), 'the outcome');
      expect(textOf(notice)).to.equal('Payment received. Thank you!');
      await until(() => el.shadowRoot!.activeElement === notice, 'focus on the outcome');
      await until(() => textOf(item(el, 'Business Monthly').querySelector('.pill')!) === 'Active', 'the subscription active again', 8000);
      expect(maybeButton(item(el, 'Business Monthly'), 'Pay now'), 'nothing left to pay').to.equal(undefined);
      expect((await server('pastDue')).status, 'what Polar has').to.equal('active');
      await expect(el).to.be.accessible();
    });

    it('a declined card: the bank’s words at the Pay button, the card still chosen; Escape closes and focus returns to Pay now', async () => {
      await signIn('alice');
      const el = await mount();
      (await payNow(el)).focus();
      await sendKeys({ press: 'Enter' });
      const dlg = await openDialog(el);
      await until(() => dlg.querySelector('input[type="radio"]'), 'the saved cards');
      radio(dlg, 'Visa ending in 0341').click();
      button(dlg, /^Pay \$/).click();
      await until(() => roleText(dlg, 'alert').includes('The payment failed: Your card was declined.'), 'the decline', 8000);
      expect(radio(dlg, 'Visa ending in 0341').checked, 'the chosen card kept').to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await closedDialog(el);
      await until(() => el.shadowRoot!.activeElement === maybeButton(item(el, 'Business Monthly'), 'Pay now'), 'focus back on Pay now');
      expect(textOf(item(el, 'Business Monthly').querySelector('.pill')!), 'still overdue').to.equal('Payment overdue');
    });

    it('is not offered read-only, and asks for no orders then', async () => {
      await signIn('alice');
      const el = await mount(html`<portal-subscriptions readonly></portal-subscriptions>`);
      expect(textOf(item(el, 'Business Monthly'))).to.contain('Payment overdue');
      expect(maybeButton(item(el, 'Business Monthly'), 'Pay now')).to.equal(undefined);
      expect(requests(PAYABLE()), 'no orders asked for').to.equal(0);
    });
  });

  // Polar refuses to undo a cancellation or resume a paid plan without a payment method
  // (customer_portal/service/subscription.py _require_payment_method); the hosted portal then
  // opens its add-payment-method embed and tries again.
  it('undoing a cancellation with no payment method left: add one in Polar’s frame right there, then it goes through', async function () {
    // Polar's frame loads and sizes itself before the typing: more than 10 s on a busy machine.
    this.timeout(slack(30_000));
    await freshPortal('acme');
    const token = await mintSessionToken('acme', { external_customer_id: 'carol' });
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${API}/${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const carolSub = ((await (await call('GET', 'subscriptions/')).json()) as SubscriptionList).items[0];
    // Canceling, her subscription no longer needs her one card, and she removed it.
    await call('PATCH', `subscriptions/${carolSub.id}`, { cancel_at_period_end: true });
    const [card] = (await (await call('GET', 'customers/me/payment-methods')).json()).items;
    expect((await call('DELETE', `customers/me/payment-methods/${card.id}`)).status).to.equal(204);
    await PolarPortal.session.setToken(token);
    const el = await mount();
    const sub = item(el, carolSub.product.name);
    button(sub, 'Undo cancellation').click();
    await until(() => roleText(sub, 'alert') === 'Add a payment method first, then try again.', 'Polar’s refusal, at the subscription');
    await expect(el).to.be.accessible();
    const added = oneEvent(el, 'portal-payment-method-added');
    const embed = embedMessages();
    button(sub, 'Add payment method').click();
    const dlg = await openDialog(el);
    const frame = await until(() => dlg.querySelector<HTMLIFrameElement>('iframe[part~="embed"]'), 'Polar’s frame');
    expect(new URL(frame.src).searchParams.get('set_default'), 'her only method becomes the default').to.equal('true');
    await until(() => embed.events.includes('loaded'), 'the embed’s form', 8000);
    embed.stop();
    focusFrame(frame);
    await until(() => el.shadowRoot!.activeElement === frame, 'focus inside the embed');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await added;
    await closedDialog(el);
    await until(() => textOf(item(el, carolSub.product.name)).includes('Your subscription continues.'), 'the cancellation undone', 8000);
    expect(maybeButton(item(el, carolSub.product.name), 'Add payment method'), 'nothing left to add').to.equal(undefined);
    expect(((await (await call('GET', `subscriptions/${carolSub.id}`)).json()) as { cancel_at_period_end: boolean }).cancel_at_period_end, 'what Polar has').to.equal(false);
  });

  describe('faults', () => {
    /** Opens the cancel dialog of Pro Monthly with a reason and a comment chosen. */
    async function cancelDialog(el: PortalSubscriptions) {
      button(item(el, 'Pro Monthly'), 'Cancel subscription').click();
      const dlg = await openDialog(el);
      radio(dlg, 'Too complicated').click();
      const comment = dlg.querySelector('textarea')!;
      comment.value = 'Too many settings';
      comment.dispatchEvent(new Event('input'));
      return dlg;
    }
    async function expectKept(el: PortalSubscriptions, dlg: HTMLDialogElement, message: string) {
      await until(() => roleText(dlg, 'alert'), 'an alert in the dialog');
      expect(roleText(dlg, 'alert')).to.contain(message);
      expect(dlg.open).to.equal(true);
      expect(radio(dlg, 'Too complicated').checked).to.equal(true);
      expect(dlg.querySelector('textarea')!.value).to.equal('Too many settings');
      expect(textOf(item(el, 'Pro Monthly')), 'nothing changed').to.contain('Renews on');
      await expect(el).to.be.accessible();
    }
    const fault = (status: number, body?: unknown) =>
      addFault({ path: `/v1/customer-portal/subscriptions/${IDS.active}`, method: 'PATCH', status, body });

    it('403: says the role does not allow it, keeps the choices, then succeeds', async () => {
      await signIn('alice');
      const el = await mount();
      const dlg = await cancelDialog(el);
      await fault(403, { error: 'NotPermitted', detail: 'Only owners and billing managers can access billing features.' });
      button(dlg, 'Cancel subscription').click();
      await expectKept(el, dlg, 'Your role in this team does not allow this');
      button(dlg, 'Cancel subscription').click();
      await closedDialog(el);
      expect((await server('active')).customer_cancellation_reason).to.equal('too_complex');
    });

    it('422: shows Polar’s message at the action', async () => {
      await signIn('alice');
      const el = await mount();
      const dlg = await cancelDialog(el);
      await fault(422, { error: 'RequestValidationError', detail: [{ loc: ['body', 'cancellation_comment'], msg: 'String should have at most 500 characters', type: 'string_too_long' }] });
      button(dlg, 'Cancel subscription').click();
      await expectKept(el, dlg, 'String should have at most 500 characters');
    });

    it('500 and a dropped connection: specific messages, choices kept', async () => {
      await signIn('alice');
      const el = await mount();
      const dlg = await cancelDialog(el);
      await fault(500);
      button(dlg, 'Cancel subscription').click();
      await expectKept(el, dlg, 'The server had a problem');
      // Until cleared: Chromium quietly retries a request once when a reused connection drops.
      await addFault({ path: `/v1/customer-portal/subscriptions/${IDS.active}`, method: 'PATCH', drop: true, times: 0 });
      button(dlg, 'Cancel subscription').click();
      await until(() => roleText(dlg, 'alert').includes('Could not reach the server'), 'the network message');
      await expectKept(el, dlg, 'Could not reach the server');
      expect((await server('active')).cancel_at_period_end).to.equal(false);
    });

    it('a failed direct action says so at the subscription', async () => {
      await signIn('alice');
      const el = await mount();
      await addFault({ path: `/v1/customer-portal/subscriptions/${IDS.canceling}`, method: 'PATCH', status: 409, body: { error: 'PaymentMethodRequired', detail: 'A payment method is required to continue this subscription.' } });
      button(item(el, 'Starter Yearly'), 'Undo cancellation').click();
      await until(() => roleText(item(el, 'Starter Yearly'), 'alert'), 'the alert');
      expect(roleText(item(el, 'Starter Yearly'), 'alert')).to.equal('Add a payment method first, then try again.');
      expect(textOf(item(el, 'Starter Yearly'))).to.contain('Ends soon');
      await expect(el).to.be.accessible();
    });

    it('401 mid-dialog: after signing in again the dialog is back with the same choices', async () => {
      await signIn('alice');
      const el = await mount();
      const dlg = await cancelDialog(el);
      await expireSessions();
      button(dlg, 'Cancel subscription').click();
      await until(() => PolarPortal.session.state.status === 'signed-out', 'the session to end');
      await closedDialog(el);
      await until(() => roleText($(el), 'alert').includes('your choices will be here'), 'the parked message');
      await expect(el).to.be.accessible();
      await signIn('alice');
      const again = await openDialog(el);
      expect(radio(again, 'Too complicated').checked).to.equal(true);
      expect(again.querySelector('textarea')!.value).to.equal('Too many settings');
      button(again, 'Cancel subscription').click();
      await closedDialog(el);
      expect((await server('active')).customer_cancellation_comment).to.equal('Too many settings');
    });

    it('a double click sends one request', async () => {
      await signIn('alice');
      const el = await mount();
      const dlg = await cancelDialog(el);
      await addFault({ path: `/v1/customer-portal/subscriptions/${IDS.active}`, method: 'PATCH', latency_ms: 300 });
      const confirm = button(dlg, 'Cancel subscription');
      confirm.click();
      confirm.click();
      await closedDialog(el);
      const undo = await until(() => maybeButton(item(el, 'Pro Monthly'), 'Undo cancellation'), 'the undo button');
      await addFault({ path: `/v1/customer-portal/subscriptions/${IDS.active}`, method: 'PATCH', latency_ms: 300 });
      undo.click();
      undo.click();
      await until(() => roleText(item(el, 'Pro Monthly'), 'status') === 'Your subscription continues.', 'the undo');
      expect(requests(subUrl('active'))).to.equal(2);
    });
  });

  describe('performance', () => {
    /** Another reader of the subscriptions, as `<portal-seats>` or a merchant's widget would be. */
    class SubscriptionCount extends PortalElement {
      private readonly list = this.watch(subscriptionsResource);
      protected override render() {
        return html`${this.list.value?.data?.items.length ?? ''}`;
      }
    }
    if (!customElements.get('test-subscription-count')) customElements.define('test-subscription-count', SubscriptionCount);

    it('fetches the list once for two elements and another reader; a change refetches only what changed', async () => {
      await signIn('alice');
      const page = await fixture<HTMLElement>(html`<div>
        <portal-subscriptions></portal-subscriptions>
        <portal-subscriptions subscription-id=${IDS.active}></portal-subscriptions>
        <test-subscription-count></test-subscription-count>
      </div>`);
      const [first, second] = [...page.querySelectorAll('portal-subscriptions')];
      const counter = page.querySelector('test-subscription-count')!;
      await until(() => items(first).length === 5 && items(second).length === 1 && counter.shadowRoot?.textContent === '5', 'every reader');
      await until(() => second.shadowRoot!.querySelector('[part~="detail"] dl + h4 + [part~="body"]'), 'the next charge');
      expect(requests(LIST), 'one list request').to.equal(1);
      expect(requests(`${API}/subscriptions/${IDS.active}/charge-preview`)).to.equal(1);

      const canceled = oneEvent(first, 'portal-subscription-canceled');
      button(item(first, 'Pro Monthly'), 'Cancel subscription').click();
      const dlg = await openDialog(first);
      button(dlg, 'Cancel subscription').click();
      await canceled;
      await until(() => textOf(items(second)[0]).includes('Ends soon'), 'the other element to follow');
      expect(textOf(items(second)[0])).to.contain('No upcoming charge.');
      const updated = oneEvent(second, 'portal-subscription-uncanceled');
      button(items(second)[0], 'Undo cancellation').click();
      await updated;
      await until(() => requests(`${API}/subscriptions/${IDS.active}/charge-preview`) === 2, 'the preview refreshed');
      await until(() => textOf(item(first, 'Pro Monthly')).includes('Renews on'), 'the first element to follow');
      expect(requests(LIST), 'never refetched').to.equal(1);
      expect(requests(subUrl('active')), 'two PATCHes').to.equal(2);
      console.log(`present twice: list ${requests(LIST)}, charge-preview ${requests(`${API}/subscriptions/${IDS.active}/charge-preview`)}, PATCH ${requests(subUrl('active'))}`);
    });
  });
});
