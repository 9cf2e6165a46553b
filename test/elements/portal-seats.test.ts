import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../helpers/commands.js';
import { PolarPortal, type PortalSeats } from '../../src/index.js';
import type { PortalEvent } from '../../src/events/portal-event.js';
import { button, field, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { addFault, clearFaults, mintSessionToken, SANDBOX } from '../helpers/sandbox.js';

const P = `${SANDBOX}/v1/customer-portal`;
const GLOBEX = 'f13fad76-c588-4551-afe3-27d29ef65fe6';
const INVALID_TOKEN = {
  error: 'invalid_token',
  error_description: 'The access token provided is expired, revoked, malformed, or invalid for other reasons.',
};

type Who = 'globex-owner' | 'globex-billing' | 'globex-member' | 'alice';
const tokenFor = (who: Who) =>
  who === 'alice'
    ? mintSessionToken('solo', { external_customer_id: 'alice' })
    : mintSessionToken('acme', { external_customer_id: 'globex', external_member_id: who });
const signIn = async (who: Who) => PolarPortal.session.setToken(await tokenFor(who));

/** Requests to exactly this URL (Resource Timing has no method; the URL tells POST /seats from GET /seats?...). */
const requests = (url: string) => performance.getEntriesByType('resource').filter((e) => e.name === url).length;

const root = (el: PortalSeats) => el.shadowRoot!;
const rows = (el: PortalSeats) => [...root(el).querySelectorAll('tbody tr')];
const statuses = (el: PortalSeats) => rows(el).map((r) => textOf(r.querySelector('.pill')!));
const summary = (el: PortalSeats) => [...root(el).querySelectorAll('dt, dd')].map(textOf).join(' ');
/** The dom helpers look inside the shadow roots of what they are given: pass the fixture's wrapper. */
const host = (el: PortalSeats) => el.parentElement!;
const dialog = (el: PortalSeats, id: string) => root(el).querySelector<HTMLDialogElement>(`#${id}`);
const results = (el: PortalSeats) => [...root(el).querySelectorAll('.results li')].map(textOf);

async function mount(template = html`<portal-seats></portal-seats>`) {
  const el = await fixture<PortalSeats>(template);
  await until(() => rows(el).length, 'the seats table');
  return el;
}

async function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

async function openAssign(el: PortalSeats) {
  button(host(el), 'Assign seats').click();
  await until(() => dialog(el, 'assign')?.open, 'the assign dialog');
  return field(host(el), 'Email addresses') as unknown as HTMLTextAreaElement;
}

/** Pastes addresses the way a user does (one input event with the whole text). */
async function paste(el: PortalSeats, text: string) {
  const box = field(host(el), 'Email addresses') as unknown as HTMLTextAreaElement;
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function submitAssign(el: PortalSeats, settled: number) {
  button(dialog(el, 'assign')!, /^Assign( \d+ seats| seat)?$/).click();
  await el.updateComplete;
  await until(() => results(el).length >= settled && !root(el).querySelector('progress'), 'the assignment results');
}

describe('<portal-seats>', () => {
  beforeEach(async () => {
    await freshPortal('acme');
  });

  describe('states and roles', () => {
    it('has its defaults and reflects its target attributes', async () => {
      const el = document.createElement('portal-seats');
      expect([el.subscriptionId, el.orderId]).to.deep.equal(['', '']);
      el.setAttribute('subscription-id', GLOBEX);
      el.setAttribute('order-id', 'x');
      expect([el.subscriptionId, el.orderId]).to.deep.equal([GLOBEX, 'x']);
    });

    it('asks to sign in when signed out, and passes axe', async () => {
      const el = await fixture<PortalSeats>(html`<portal-seats></portal-seats>`);
      await until(() => textOf(root(el) as unknown as Element).includes('Sign in to see your seats.'), 'the signed-out hint');
      await expect(el).to.be.accessible();
    });

    it('shows the spinner while loading and an error with Retry on a 500, then recovers', async () => {
      await signIn('globex-owner');
      await addFault({ path: '/v1/customer-portal/seats', method: 'GET', status: 500, times: 0 });
      const el = await fixture<PortalSeats>(html`<portal-seats></portal-seats>`);
      await until(() => root(el).querySelector('[part="spinner"]'), 'the spinner');
      await expect(el).to.be.accessible();
      await until(() => roleText(host(el), 'alert').includes('The server had a problem'), 'the load error');
      await expect(el).to.be.accessible();
      await clearFaults();
      button(host(el), 'Try again').click();
      await until(() => rows(el).length, 'the seats after retry');
    });

    it('owner: picks the only seat subscription, counts seats, lists claimed, then pending, then revoked', async () => {
      await signIn('globex-owner');
      const el = await mount();
      expect(summary(el)).to.equal('In use 23 Total 25 Available 2');
      const order = statuses(el);
      expect(order).to.have.length(25);
      expect(order.indexOf('Invited')).to.equal(20);
      expect(order.indexOf('Revoked')).to.equal(23);
      expect(order.lastIndexOf('Claimed')).to.equal(19);
      expect(textOf(rows(el)[20])).to.match(/Expires/);
      // Polar empties a revoked seat (customer_seat/service.py revoke_seat): no blank row, a label.
      expect(textOf(rows(el)[23].querySelector('td')!)).to.equal('Revoked seat');
      // Offered once the organization's settings say seats may change (they may arrive after the seats).
      await until(() => maybeButton(host(el), 'Need more seats?'), 'Need more seats?');
      expect(maybeButton(host(el), 'Revoke: nina@globex.example')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('member: sees the seats read-only and never asks for orders', async () => {
      await signIn('globex-member');
      const orders = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/orders')).length;
      const before = orders();
      const el = await mount();
      expect(summary(el)).to.equal('In use 23 Total 25 Available 2');
      for (const name of ['Assign seats', 'Need more seats?', /^Revoke/, /^Resend/, /^Copy sign-in link/]) {
        expect(maybeButton(host(el), name), String(name)).to.equal(undefined);
      }
      expect(orders()).to.equal(before);
      await until(() => textOf(root(el) as unknown as Element).includes('Team seat access'), 'team seat access');
      expect(textOf(root(el).querySelector('section')!)).to.contain('Team, from Acme Inc.');
      await expect(el).to.be.accessible();
    });

    it('alice (no seats): says there is no seat-based purchase', async () => {
      PolarPortal.configure({ organization: 'solo' });
      await signIn('alice');
      const el = await fixture<PortalSeats>(html`<portal-seats></portal-seats>`);
      await until(() => root(el).querySelector('[part="empty"]'), 'the empty state');
      expect(textOf(root(el).querySelector('[part="empty"]')!)).to.equal('No seat-based subscriptions or orders.');
      await expect(el).to.be.accessible();
    });

    it('targets a subscription given by attribute, with one request per resource for two elements', async () => {
      await signIn('globex-owner');
      const url = `${P}/seats?subscription_id=${GLOBEX}`;
      const before = requests(url);
      const wrap = await fixture(html`<div>
        <portal-seats subscription-id=${GLOBEX}></portal-seats><portal-seats subscription-id=${GLOBEX}></portal-seats>
      </div>`);
      const [a, b] = [...wrap.querySelectorAll('portal-seats')];
      await until(() => rows(a).length && rows(b).length, 'both tables');
      expect(requests(url) - before).to.equal(1);
    });
  });

  describe('search, filter, sort', () => {
    it('filters on each keystroke, by status, and sorts by column', async () => {
      await signIn('globex-owner');
      const el = await mount();
      await typeInto(field(host(el), 'Search by name or email'), 'NIN');
      await until(() => rows(el).length === 1, 'one match');
      expect(textOf(rows(el)[0])).to.contain('nina@globex.example');
      await typeInto(field(host(el), 'Search by name or email'), 'zzz');
      await until(() => rows(el).length === 0, 'no match');
      expect(textOf(root(el).querySelector('#shown')!)).to.equal('Nothing matches the search.');
      field(host(el), 'Search by name or email').select();
      await sendKeys({ press: 'Backspace' });
      const status = field(host(el), 'Status') as unknown as HTMLSelectElement;
      status.value = 'revoked';
      status.dispatchEvent(new Event('change'));
      await until(() => rows(el).length === 2, 'the revoked seats');
      status.value = '';
      status.dispatchEvent(new Event('change'));
      button(host(el), 'Member').click();
      await until(() => root(el).querySelector('th[aria-sort="ascending"]')?.textContent?.includes('Member'), 'sorted by member');
      const names = rows(el).map((r) => textOf(r.querySelector('td')!));
      expect(names[0]).to.match(/^Ada Park/);
      button(host(el), 'Member').click();
      await until(() => root(el).querySelector('th[aria-sort="descending"]'), 'descending');
      expect(textOf(rows(el)[0].querySelector('td')!)).to.not.match(/^Ada Park/);
      await expect(el).to.be.accessible();
    });
  });

  describe('assign', () => {
    it('checks every pasted address, says how many fit, sends no more, and reports each one', async () => {
      await signIn('globex-owner');
      const el = await mount();
      await openAssign(el);
      await paste(el, 'nina@globex.example, bad@ new1@globex.example\nnew2@globex.example;new3@globex.example NEW1@globex.example');
      expect(textOf(root(el).querySelector('#emails-check')!)).to.equal('3 addresses, 2 seats free: the first 2 will be assigned, the other 1 stay here for later.');
      // A bad address is an error at the field, said once.
      expect(textOf(root(el).querySelector('#emails-invalid.error')!)).to.equal('Not email addresses: bad@');
      expect(root(el).querySelector('#emails')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      const assigned: string[] = [];
      el.addEventListener('portal-seat-assigned', (e: PortalEvent<'portal-seat-assigned'>) => assigned.push(e.detail.email));
      const posts = requests(`${P}/seats`);
      await submitAssign(el, 5);
      expect(results(el)).to.have.members([
        'bad@: Not a valid address',
        'nina@globex.example: Already has a seat',
        'new3@globex.example: No seat left',
        'new1@globex.example: Assigned, invitation sent',
        'new2@globex.example: Assigned, invitation sent',
      ]);
      expect(assigned).to.deep.equal(['new1@globex.example', 'new2@globex.example']);
      expect(requests(`${P}/seats`) - posts).to.equal(2);
      expect((field(host(el), 'Email addresses') as unknown as HTMLTextAreaElement).value).to.equal('bad@\nnew3@globex.example');
      expect(summary(el)).to.equal('In use 25 Total 25 Available 0');
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard only, and focus returns to the opener on Escape', async () => {
      await signIn('globex-billing');
      const el = await mount();
      field(host(el), 'Search by name or email').focus();
      await shiftTab();
      await shiftTab();
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Assign seats');
      await sendKeys({ press: 'Enter' });
      await until(() => dialog(el, 'assign')?.open, 'the dialog');
      expect(root(el).activeElement?.id).to.equal('emails');
      await sendKeys({ type: 'kb@globex.example' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await until(() => results(el).length === 1, 'the result');
      expect(results(el)[0]).to.equal('kb@globex.example: Assigned, invitation sent');
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog(el, 'assign')?.open, 'closed');
      await until(() => root(el).activeElement?.textContent?.trim() === 'Assign seats', 'focus back on the opener');
    });

    it('a double click sends one request', async () => {
      await signIn('globex-owner');
      const el = await mount();
      await openAssign(el);
      await paste(el, 'once@globex.example');
      const posts = requests(`${P}/seats`);
      const submit = button(dialog(el, 'assign')!, 'Assign seat');
      submit.click();
      submit.click();
      await until(() => results(el).length === 1 && !root(el).querySelector('progress'), 'the result');
      expect(requests(`${P}/seats`) - posts).to.equal(1);
    });

    it('a dropped connection and a 500 fail at the address with Try again; the rest still go', async () => {
      await signIn('globex-owner');
      const el = await mount();
      await openAssign(el);
      await paste(el, 'a@globex.example b@globex.example');
      // Until cleared: Chromium quietly retries a POST once when a reused connection drops.
      await addFault({ path: '/v1/customer-portal/seats', method: 'POST', drop: true, times: 0 });
      await submitAssign(el, 2);
      const dropped = ': Failed (Could not reach the server. Check your connection and try again.) Try again';
      expect(results(el)).to.deep.equal([`a@globex.example${dropped}`, `b@globex.example${dropped}`]);
      expect((field(host(el), 'Email addresses') as unknown as HTMLTextAreaElement).value).to.equal('a@globex.example\nb@globex.example');
      await expect(el).to.be.accessible();
      await clearFaults();
      button(host(el), 'Try again: a@globex.example').click();
      await until(() => results(el)[1] === 'a@globex.example: Assigned, invitation sent', 'a assigned');
      await addFault({ path: '/v1/customer-portal/seats', method: 'POST', status: 500 });
      button(host(el), 'Try again: b@globex.example').click();
      await until(() => results(el)[1]?.includes('The server had a problem'), 'the 500');
      button(host(el), 'Try again: b@globex.example').click();
      await until(() => results(el)[1] === 'b@globex.example: Assigned, invitation sent', 'b assigned');
      expect((field(host(el), 'Email addresses') as unknown as HTMLTextAreaElement).value).to.equal('');
    });

    it('403, 422, a seat taken elsewhere and 429 each get their own message and stop where needed', async () => {
      await signIn('globex-owner');
      const el = await mount();
      await openAssign(el);
      await paste(el, 'x@globex.example');
      await addFault({ path: '/v1/customer-portal/seats', method: 'POST', status: 403, body: { error: 'NotPermitted', detail: 'Only owners and billing managers can access billing features.' } });
      await submitAssign(el, 1);
      expect(results(el)[0]).to.contain('Your role in this team does not allow this');
      await addFault({
        path: '/v1/customer-portal/seats',
        method: 'POST',
        status: 422,
        body: { error: 'RequestValidationError', detail: [{ type: 'value_error', loc: ['body', 'email'], msg: 'value is not a valid email address', input: 'x' }] },
      });
      await submitAssign(el, 1);
      expect(results(el)[0]).to.equal('x@globex.example: Not a valid address (value is not a valid email address)');
      await paste(el, 'x@globex.example y@globex.example');
      const posts = requests(`${P}/seats`);
      await addFault({ path: '/v1/customer-portal/seats', method: 'POST', status: 400, body: { error: 'SeatNotAvailable', detail: `No available seats for ${GLOBEX}` } });
      await submitAssign(el, 2);
      expect(results(el)).to.deep.equal(['x@globex.example: No seat left', 'y@globex.example: No seat left']);
      expect(requests(`${P}/seats`) - posts, 'y was not sent').to.equal(1);
      expect((field(host(el), 'Email addresses') as unknown as HTMLTextAreaElement).value).to.equal('x@globex.example\ny@globex.example');
      await addFault({ path: '/v1/customer-portal/seats', method: 'POST', status: 429 });
      await submitAssign(el, 1);
      expect(results(el)[0]).to.contain('Too many requests');
    });

    it('a session ending mid-assignment keeps every unsent address in the box', async () => {
      await signIn('globex-owner');
      const el = await mount();
      await openAssign(el);
      await paste(el, 'first@globex.example second@globex.example');
      await addFault({ path: '/v1/customer-portal/seats', method: 'POST', times: 1 });
      await addFault({ path: '/v1/customer-portal/seats', method: 'POST', status: 401, body: INVALID_TOKEN });
      button(dialog(el, 'assign')!, 'Assign 2 seats').click();
      await until(() => textOf(root(el) as unknown as Element).includes('Sign in to see your seats.'), 'signed out');
      expect(roleText(host(el), 'status')).to.contain('the addresses not sent yet are still in the box');
      await signIn('globex-owner');
      await until(() => rows(el).length, 'the table again');
      expect(rows(el).some((r) => textOf(r).includes('first@globex.example')), 'the first one was assigned').to.equal(true);
      const box = await openAssign(el);
      expect(box.value).to.equal('second@globex.example');
      expect(results(el), 'a reopened dialog starts without the last run’s results').to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('row actions', () => {
    it('revokes with the keyboard after a cancelable portal-before-revoke-seat, freeing a seat', async () => {
      await signIn('globex-owner');
      const el = await mount();
      await typeInto(field(host(el), 'Search by name or email'), 'nina');
      await until(() => rows(el).length === 1, 'nina');
      // Search → status filter → three sort buttons → Resend → Copy → Revoke.
      for (let i = 0; i < 7; i++) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Revoke: nina@globex.example');
      const before = oneEvent(el, 'portal-before-revoke-seat');
      await sendKeys({ press: 'Enter' });
      expect((await before).detail.email).to.equal('nina@globex.example');
      await until(() => dialog(el, 'revoke')?.open, 'the confirmation');
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Cancel');
      await expect(el).to.be.accessible();
      const revoked = oneEvent(el, 'portal-seat-revoked');
      await shiftTab();
      await sendKeys({ press: 'Enter' });
      expect((await revoked).detail.status).to.equal('revoked');
      await until(() => !dialog(el, 'revoke')?.open, 'closed');
      // Polar empties a revoked seat: it no longer answers to nina's address.
      expect(statuses(el)).to.deep.equal([]);
      expect(roleText(host(el), 'status')).to.contain('The seat of nina@globex.example was revoked.');
      expect(summary(el)).to.equal('In use 22 Total 25 Available 3');
      await until(() => root(el).activeElement?.id === 'q', 'focus on the search field, the row action being gone');
    });

    it('the page can stop the revoke and resume it with detail.proceed()', async () => {
      await signIn('globex-owner');
      const el = await mount();
      let held: PortalEvent<'portal-before-revoke-seat'> | undefined;
      el.addEventListener('portal-before-revoke-seat', (e) => {
        e.preventDefault();
        held = e;
      });
      button(host(el), 'Revoke: oscar@globex.example').click();
      await el.updateComplete;
      expect(dialog(el, 'revoke')!).to.equal(null);
      held!.detail.proceed();
      await until(() => dialog(el, 'revoke')?.open, 'the confirmation after proceed()');
    });

    it('a failed revoke keeps the dialog open with the reason; a double click revokes once', async () => {
      await signIn('globex-owner');
      const el = await mount();
      const seatId = '';
      button(host(el), 'Revoke: paula@globex.example').click();
      await until(() => dialog(el, 'revoke')?.open, 'the confirmation');
      await addFault({ path: '/v1/customer-portal/seats/', method: 'DELETE', status: 500 });
      const confirm = button(dialog(el, 'revoke')!, 'Revoke');
      confirm.click();
      await until(() => roleText(dialog(el, 'revoke')! as unknown as Element, 'alert').includes('The server had a problem'), 'the error');
      expect(dialog(el, 'revoke')?.open).to.equal(true);
      await expect(el).to.be.accessible();
      const deletes = () => performance.getEntriesByType('resource').filter((e) => /\/seats\/[0-9a-f-]{36}$/.test(e.name)).length;
      const n = deletes();
      confirm.click();
      confirm.click();
      await until(() => !dialog(el, 'revoke')?.open, 'revoked');
      expect(deletes() - n, seatId).to.equal(1);
    });

    it('resends an invitation, and explains a seat revoked in another tab at its row', async () => {
      await signIn('globex-owner');
      const el = await mount();
      const resent = oneEvent(el, 'portal-seat-resent');
      button(host(el), 'Resend: nina@globex.example').click();
      expect((await resent).detail.email).to.equal('nina@globex.example');
      await until(() => roleText(host(el), 'status').includes('Invitation sent again to nina@globex.example.'), 'the confirmation');
      // Another tab revokes oscar's seat.
      const oscar = rows(el).find((r) => textOf(r).includes('oscar@'))!;
      const list = await (await fetch(`${P}/seats?subscription_id=${GLOBEX}`, { headers: { Authorization: `Bearer ${await tokenFor('globex-owner')}` } })).json();
      const id = list.seats.find((s: { email: string }) => s.email === 'oscar@globex.example').id;
      await fetch(`${P}/seats/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${await tokenFor('globex-owner')}` } });
      button(oscar, 'Resend: oscar@globex.example').click();
      await until(() => textOf(root(el) as unknown as Element).includes('already accepted or revoked'), 'the row message');
      await until(() => rows(el).filter((r) => textOf(r).includes('oscar@')).every((r) => textOf(r).includes('Revoked')), 'the list refreshed');
    });

    it('copies a sign-in link that <portal-login> pre-fills', async () => {
      await signIn('globex-owner');
      const el = await mount();
      let copied = '';
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => void (copied = s) } });
      button(host(el), 'Copy sign-in link: nina@globex.example').click();
      await until(() => copied, 'the clipboard');
      expect(new URL(copied).searchParams.get('portal-email')).to.equal('nina@globex.example');
      await until(() => roleText(host(el), 'status').includes('Sign-in link copied.'), 'the confirmation');
    });
  });

  describe('need more seats', () => {
    // The same seat-count dialog as <portal-subscriptions>: quote first, floor of the seats in use.
    const countDialog = (el: PortalSeats) => root(el).querySelector<HTMLDialogElement>('dialog[part~="dialog"]');

    it('quotes one seat more, says at once when a count is below the seats in use, then changes the seat count', async () => {
      await signIn('globex-owner');
      const el = await mount();
      // The offer follows the organization's settings, which load beside the seats.
      (await until(() => maybeButton(host(el), 'Need more seats?'), 'the offer')).click();
      const dlg = await until(() => countDialog(el)?.open && countDialog(el), 'the seat-count dialog');
      const n = field(host(el), 'Seats');
      await until(() => n.value === '26' && dlg.querySelector('[part~="quote"] dl'), 'the quote for one seat more');
      expect(textOf(dlg)).to.contain('23 in use').and.contain('New price$312.00 / month');
      await typeInto(n, '5');
      // What was typed stays; the field says what it needs, and nothing can be confirmed.
      await until(() => n.getAttribute('aria-invalid') === 'true', 'the field marked invalid');
      expect(n.value).to.equal('5');
      expect(textOf(dlg)).to.contain('Enter a whole number of seats, 23 or more.');
      expect(button(dlg, 'Change seats').getAttribute('aria-disabled')).to.equal('true');
      button(dlg, 'One seat fewer').click();
      await until(() => n.value === '23', 'the floor of seats in use');
      expect(button(dlg, 'One seat fewer').disabled).to.equal(true);
      for (let i = 0; i < 7; i++) button(dlg, 'One seat more').click();
      await until(() => n.value === '30' && textOf(dlg).includes('New price$360.00 / month'), 'the quote for 30 seats');
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, 'portal-subscription-seats-changed');
      button(dlg, 'Change seats').click();
      expect((await changed).detail.changes).to.include({ seats: 30 });
      await until(() => !countDialog(el), 'the dialog closed');
      await until(() => roleText(host(el), 'status').includes('Your seats were updated.'), 'the confirmation');
      await until(() => summary(el) === 'In use 23 Total 30 Available 7', 'the new counts');
    });
  });
});
