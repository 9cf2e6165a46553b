import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { focusFrame, sendKeys } from '../helpers/commands.js';
import type { PortalBilling } from '../../src/index.js';
import { button, field, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, slack, until } from '../helpers/portal.js';
import { api, recordRequests, signIn } from '../helpers/session.js';
import { addFault, clearFaults, embedMessages, expireSessions, SANDBOX } from '../helpers/sandbox.js';

const root = (el: PortalBilling) => el.shadowRoot!;
const dialog = (el: PortalBilling) => root(el).querySelector('dialog');
const items = (el: PortalBilling) => [...root(el).querySelectorAll('li[part~="item"]')].map(textOf);
const errorOf = (el: PortalBilling, key: string) => textOf(root(el).querySelector(`#f-${key}-e`)!);
const saveButton = (el: PortalBilling) => root(el).querySelector<HTMLButtonElement>('button[part~="submit"]')!;

async function mount(template = html`<portal-billing></portal-billing>`) {
  const el = await fixture<PortalBilling>(template);
  await until(() => root(el).querySelector('form, .hint[part~="status"]'), 'the form or a message');
  return el;
}

async function mountSignedIn(org: 'solo' | 'acme' = 'solo', customer = 'alice', member?: string) {
  await freshPortal(org);
  await signIn(org, customer, member);
  const el = await mount();
  await until(() => root(el).querySelector('form') && items(el).length, 'details and payment methods');
  return el;
}

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

describe('<portal-billing>', () => {
  beforeEach(() => freshPortal('solo'));
  afterEach(() => clearFaults());

  it('asks to sign in when signed out; axe', async () => {
    const el = await mount();
    expect(textOf(root(el).querySelector('[part~="status"]')!)).to.equal('Sign in to manage billing.');
    await expect(el).to.be.accessible();
  });

  it('tells a plain team member billing is the owner’s and shows nothing else; axe', async () => {
    await freshPortal('acme');
    await signIn('acme', 'globex', 'globex-member');
    const el = await mount();
    await until(() => textOf(root(el).querySelector('[part~="status"]')!).includes('owner'), 'the note');
    expect(textOf(root(el).querySelector('[part~="status"]')!)).to.equal('Billing is managed by your team’s owner.');
    expect(root(el).querySelectorAll('form, button, ul').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows billing details with the email read-only, cards with expiry and the default; two elements cost one request each', async () => {
    await signIn('solo', 'alice');
    const requests = recordRequests();
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div><portal-billing></portal-billing><portal-billing></portal-billing></div>`);
      const el = wrapper.querySelector('portal-billing')!;
      await until(() => root(el).querySelector('form') && items(el).length, 'loaded');
      expect(requests.calls.filter((c) => c === 'GET /v1/customer-portal/customers/me')).to.have.length(1);
      expect(requests.calls.filter((c) => c === 'GET /v1/customer-portal/customers/me/payment-methods')).to.have.length(1);
      // The customer's email is text: the portal cannot change it, so it does not look like a field.
      expect(textOf(root(el).querySelector('.email dd')!)).to.equal('alice@example.com');
      expect(root(el).querySelector('input[type="email"]')).to.equal(null);
      expect(root(el).querySelector<HTMLInputElement>('#f-billing_name')!.value).to.equal('Alice Martin');
      expect(root(el).querySelector<HTMLSelectElement>('#f-country')!.value).to.equal('DE');
      expect(!!saveButton(el).closest('[hidden]'), 'no save button before a change').to.equal(true);
      const list = items(el);
      expect(list[0]).to.contain('Visa ending in 4242').and.contain('Expires 12/2029').and.contain('Default');
      expect(list.some((i) => i.includes('Mastercard ending in 4444 (Apple Pay)'))).to.equal(true);
      // Polar sends brand and last four for a Korean card, nothing more; nothing at all for Link.
      const korean = list.find((i) => i.startsWith('Hyundai ending in 1234'))!;
      expect(korean).to.not.contain('Expires');
      const link = list.find((i) => i.startsWith('Link'))!;
      expect(link).to.not.contain('Expires');
      await expect(el).to.be.accessible();
    } finally {
      requests.restore();
    }
  });

  it('saves only what changed, once for a double click, and says so', async () => {
    const el = await mountSignedIn();
    const saved = oneEvent(el, 'portal-customer-updated');
    await typeInto(root(el).querySelector<HTMLInputElement>('#f-billing_name')!, 'Martin Consulting GmbH');
    expect(!!saveButton(el).closest('[hidden]'), 'the save button shows').to.equal(false);
    const requests = recordRequests();
    try {
      saveButton(el).click();
      saveButton(el).click();
      await until(() => roleText(document, 'status').includes('Billing details saved.'), 'the confirmation');
      expect(requests.calls.filter((c) => c.startsWith('PATCH'))).to.have.length(1);
    } finally {
      requests.restore();
    }
    expect((await saved).detail).to.deep.equal({ fields: ['billing_name'] });
    expect(!!saveButton(el).closest('[hidden]'), 'the save button hides again').to.equal(true);
    expect(((await api('GET', 'customers/me')) as { billing_name: string }).billing_name).to.equal('Martin Consulting GmbH');
  });

  it('puts Polar’s 422 errors on their fields: tax ID and postal code; keeps the input', async () => {
    const el = await mountSignedIn();
    await typeInto(field(document, 'Tax ID'), 'DE12');
    await typeInto(field(document, 'Postal code'), '1011');
    saveButton(el).click();
    await until(() => errorOf(el, 'postal_code'), 'the postal code error');
    expect(errorOf(el, 'postal_code')).to.equal('Invalid postal code.');
    expect(root(el).activeElement === field(document, 'Postal code'), 'focus').to.equal(true);
    await typeInto(field(document, 'Postal code'), '10119');
    saveButton(el).click();
    await until(() => errorOf(el, 'tax_id'), 'the tax ID error');
    expect(errorOf(el, 'tax_id')).to.equal('Invalid tax ID.');
    expect(field(document, 'Tax ID').value).to.equal('DE12');
    expect(field(document, 'Tax ID').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    await typeInto(field(document, 'Tax ID'), 'DE123456789');
    saveButton(el).click();
    await until(() => roleText(document, 'status').includes('saved'), 'saved');
  });

  it('asks for a state in the US and checks over-long fields before sending', async () => {
    const el = await mountSignedIn();
    const country = root(el).querySelector<HTMLSelectElement>('#f-country')!;
    country.value = 'US';
    country.dispatchEvent(new Event('change'));
    await until(() => root(el).querySelector('#f-state'), 'the state picker');
    await typeInto(field(document, 'City'), 'x'.repeat(257));
    const requests = recordRequests();
    try {
      saveButton(el).click();
      await until(() => errorOf(el, 'state'), 'the state error');
      expect(errorOf(el, 'state')).to.equal('Choose a state or province.');
      expect(errorOf(el, 'city')).to.equal('Use at most 256 characters.');
      expect(requests.calls.filter((c) => c.startsWith('PATCH'))).to.have.length(0);
    } finally {
      requests.restore();
    }
    await expect(el).to.be.accessible();
    const state = root(el).querySelector<HTMLSelectElement>('#f-state')!;
    state.value = 'OR';
    state.dispatchEvent(new Event('change'));
    await typeInto(field(document, 'City'), 'Springfield');
    await typeInto(field(document, 'Postal code'), '97477');
    await typeInto(field(document, 'Tax ID'), '');
    saveButton(el).click();
    await until(() => roleText(document, 'status').includes('saved'), 'saved');
    expect(((await api('GET', 'customers/me')) as { billing_address: { state: string } }).billing_address.state).to.equal('US-OR');
  });

  for (const [name, fault, message] of [
    ['403', { status: 403, body: { error: 'NotPermitted', detail: 'Only owners and billing managers can access billing features.' } }, 'Your role in this team does not allow this'],
    ['429', { status: 429 }, 'Too many requests'],
    ['500', { status: 500 }, 'The server had a problem'],
    ['a dropped connection', { drop: true, times: 0 }, 'Could not reach the server'],
  ] as const) {
    it(`keeps what was typed and says so on ${name}`, async () => {
      const el = await mountSignedIn();
      await typeInto(field(document, 'Billing name'), 'Typed Name');
      await addFault({ path: '/v1/customer-portal/customers/me', method: 'PATCH', ...fault });
      saveButton(el).click();
      await until(() => roleText(document, 'alert').includes(message), message);
      expect(field(document, 'Billing name').value).to.equal('Typed Name');
    });
  }

  it('keeps what was typed when the session ends mid-form, for after signing in again', async () => {
    const el = await mountSignedIn();
    await typeInto(field(document, 'Billing name'), 'Kept Name');
    await expireSessions();
    saveButton(el).click();
    await until(() => textOf(root(el).querySelector('[part~="status"]')!).includes('what you entered is still here'), 'the note');
    await signIn('solo', 'alice');
    await until(() => root(el).querySelector('form'), 'the form again');
    expect(field(document, 'Billing name').value).to.equal('Kept Name');
    expect(!!saveButton(el).closest('[hidden]'), 'the save button shows').to.equal(false);
  });

  it('makes another card the default; focus goes to the confirmation beside the list, not to the page', async () => {
    const el = await mountSignedIn();
    const changed = oneEvent(el, 'portal-payment-method-default');
    button(document, 'Make default: Mastercard ending in 4444 (Apple Pay)').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => roleText(document, 'status').includes('Default payment method changed.'), 'the confirmation');
    await until(() => items(el)[0].includes('Mastercard') && items(el)[0].includes('Default'), 'the new default first');
    expect((await changed).detail.paymentMethodId).to.be.a('string');
    // The pressed button went with the change: focus is on what happened, under the list it is about.
    await until(() => textOf(root(el).activeElement ?? document.body) === 'Default payment method changed.', 'focus on the confirmation');
    expect(root(el).activeElement!.closest('section')!.getAttribute('aria-labelledby')).to.equal('h-methods');
  });

  it('warns before removing the default card that the customer is left without one', async () => {
    const el = await mountSignedIn();
    button(document, 'Remove: Visa ending in 4242').click();
    await until(() => dialog(el)?.querySelector('[part~="warning"]'), 'the warning');
    expect(textOf(dialog(el)!.querySelector('[part~="warning"]')!)).to.equal(
      'This is your default payment method. Another saved method will be charged; choose a new default afterwards.',
    );
    expect(root(el).activeElement?.textContent?.trim(), 'the safe choice first').to.equal('Cancel');
  });

  it('a street address is whole or absent: a city without a street is said at the field, nothing is sent', async () => {
    const el = await mountSignedIn();
    const requests = recordRequests();
    try {
      await typeInto(field(document, 'Address'), ' ');
      await typeInto(field(document, 'City'), ' ');
      await typeInto(field(document, 'Postal code'), '10115');
      saveButton(el).click();
      await until(() => errorOf(el, 'line1'), 'the street error');
      expect([errorOf(el, 'line1'), errorOf(el, 'city')]).to.deep.equal(['This field is required.', 'This field is required.']);
      expect(root(el).activeElement?.id, 'focus on the first field to fix').to.equal('f-line1');
      expect(requests.calls.filter((c) => c.startsWith('PATCH'))).to.have.length(0);
    } finally {
      requests.restore();
    }
  });

  it('removes a card after confirming in a dialog; focus returns; axe in the dialog', async () => {
    const el = await mountSignedIn();
    const removed = oneEvent(el, 'portal-payment-method-removed');
    const opener = button(document, 'Remove: Mastercard ending in 4444 (Apple Pay)');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el)?.open, 'the dialog');
    expect(textOf(dialog(el)!)).to.contain('Remove Mastercard ending in 4444 (Apple Pay)?');
    expect(!!dialog(el)!.querySelector('[part~="warning"]'), 'absent').to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el), 'closed by Escape');
    expect(root(el).activeElement === opener, 'focus').to.equal(true);
    opener.click();
    await until(() => dialog(el)?.open, 'the dialog again');
    button(document, /^Remove$/).click();
    await until(() => roleText(document, 'status').includes('Payment method removed.'), 'the confirmation');
    expect(items(el).some((i) => i.includes('4444'))).to.equal(false);
    expect((await removed).detail.paymentMethodId).to.be.a('string');
  });

  it('keeps the dialog with Polar’s reason when it refuses to remove the only card a subscription bills (payment_method/service.py)', async () => {
    const el = await mountSignedIn('acme', 'globex', 'globex-owner');
    button(document, 'Remove: Visa ending in 1881').click();
    await until(() => dialog(el)?.open, 'the dialog');
    button(document, /^Remove$/).click();
    await until(() => roleText(document, 'alert').includes('still needed to bill a subscription'), 'Polar’s message');
    expect(dialog(el)?.open).to.equal(true);
  });

  it('a billing name cannot be emptied: Polar keeps it once set, so the field says so and nothing is sent', async () => {
    const el = await mountSignedIn();
    const requests = recordRequests();
    try {
      await typeInto(field(document, 'Billing name'), ' ');
      saveButton(el).click();
      await until(() => errorOf(el, 'billing_name'), 'the field error');
      expect(errorOf(el, 'billing_name')).to.equal('Polar keeps a billing name once it is set. Enter the name your invoices should show.');
      expect(requests.calls.filter((c) => c.startsWith('PATCH'))).to.have.length(0);
    } finally {
      requests.restore();
    }
  });

  it('warns before removing the only card of an active paid subscription (team owner)', async () => {
    const el = await mountSignedIn('acme', 'globex', 'globex-owner');
    button(document, 'Remove: Visa ending in 1881').click();
    await until(() => dialog(el)?.querySelector('[part~="warning"]')?.textContent?.includes('only payment method'), 'the warning');
    expect(dialog(el)!.querySelector('.danger')?.textContent?.trim(), 'removing looks destructive').to.equal('Remove');
    await expect(el).to.be.accessible();
  });

  it('adds a card through Polar’s embed (messages only from its origin), and lists it', async function () {
    // Polar's frame loads and sizes itself before the typing: more than 10 s on a busy machine.
    this.timeout(slack(30_000));
    const el = await mountSignedIn('acme', 'globex', 'globex-billing');
    const added = oneEvent(el, 'portal-payment-method-added');
    const embed = embedMessages();
    button(document, 'Add payment method').click();
    const frame = await until(() => root(el).querySelector<HTMLIFrameElement>('iframe[part~="embed"]'), 'the embed');
    const url = new URL(frame.src);
    expect(url.origin).to.equal(new URL(SANDBOX).origin);
    expect(url.pathname).to.equal('/embed/payment-method');
    expect(url.searchParams.get('embed_origin')).to.equal(location.origin);
    expect(url.searchParams.get('mode')).to.equal('inline');
    await until(() => embed.events.includes('loaded'), 'the embed’s form', 8000);
    embed.stop();
    await until(() => frame.offsetHeight > 50, 'the embed sized by its resize messages');
    await expect(el).to.be.accessible();
    // A message from any other origin, or not from the frame, is ignored.
    window.dispatchEvent(new MessageEvent('message', { origin: 'https://evil.example', data: { type: 'POLAR_PAYMENT_METHOD', event: 'success', paymentMethodId: 'x' } }));
    window.postMessage({ type: 'POLAR_PAYMENT_METHOD', event: 'close' }, '*');
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog(el)?.open).to.equal(true);
    focusFrame(frame);
    await until(() => root(el).activeElement === frame, 'focus inside the embed');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const detail = (await added).detail;
    expect(JSON.stringify(detail)).to.not.contain('polar_');
    await until(() => !dialog(el), 'the dialog closed');
    await until(() => items(el).length === 2, 'the new card listed');
    expect(roleText(document, 'status')).to.contain('Payment method added.');
  });

  it('leaves the decline to Polar’s frame (one message, not two) and keeps the dialog open', async function () {
    // Polar's frame loads and sizes itself before the typing: more than 10 s on a busy machine.
    this.timeout(slack(30_000));
    const el = await mountSignedIn();
    const embed = embedMessages();
    button(document, 'Add payment method').click();
    const frame = await until(() => root(el).querySelector<HTMLIFrameElement>('iframe[part~="embed"]'), 'the embed');
    await until(() => embed.events.includes('loaded'), 'the embed’s form', 8000);
    focusFrame(frame);
    await until(() => root(el).activeElement === frame, 'focus inside the embed');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'End' });
    for (let i = 0; i < 19; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '4000000000000002' });
    await sendKeys({ press: 'Enter' });
    await until(() => embed.errors.length, 'the frame’s decline', 8000);
    embed.stop();
    expect(embed.errors).to.deep.equal(['processing_failed']);
    expect(dialog(el)?.open).to.equal(true);
    expect(roleText(document, 'alert'), 'no second message outside the frame').to.equal('');
    button(document, 'Close').click();
    await until(() => !dialog(el), 'closed');
  });

  it('downloads my data as a JSON file', async () => {
    const el = await mountSignedIn();
    const clicks: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this);
    };
    try {
      button(document, 'Download my data').click();
      await until(() => clicks.length, 'the download');
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicks[0].download).to.match(/^polar-customer-export-.+\.json$/);
    const data = await (await fetch(clicks[0].href)).json();
    expect(data.customer.email).to.equal('alice@example.com');
    expect(!!maybeButton(document, 'Download my data')).to.equal(true);
    void el;
  });
});
