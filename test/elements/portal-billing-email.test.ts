import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/commands.js';
import { PolarPortal, type PortalBilling } from '../../src/index.js';
import { button, field, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { api, recordRequests, signIn } from '../helpers/session.js';
import { emailChanges, SANDBOX, setPortalSettings } from '../helpers/sandbox.js';

// The wallet and the email change in <portal-billing>
// (customer_portal/endpoints/wallet.py, customer_email_update.py).
const root = (el: PortalBilling) => el.shadowRoot!;
const shownEmail = (el: PortalBilling) => textOf(root(el).querySelector('dl.email dd')!);

async function mount() {
  const el = await fixture<PortalBilling>(html`<portal-billing></portal-billing>`);
  await until(() => root(el).querySelector('form, .hint[part~="status"]'), 'the details or a message');
  return el;
}

/** Waits until the organization's portal settings reached the element (they decide the button). */
async function settingsLoaded(el: PortalBilling, slug: string) {
  await until(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/organizations/${slug}`)), 'the organization');
  await new Promise((resolve) => setTimeout(resolve, 50));
  await el.updateComplete;
}

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

/** Opens the page address with `?token=` as if the customer followed the emailed link. */
function openWithToken(token: string) {
  const url = new URL(location.href);
  url.searchParams.set('token', token);
  history.replaceState(null, '', url);
}

describe('<portal-billing>: wallet and email change', () => {
  beforeEach(() => freshPortal('solo'));
  afterEach(() => {
    const url = new URL(location.href);
    url.searchParams.delete('token');
    history.replaceState(null, '', url);
  });

  it('shows the wallet balance Polar draws on before the card; none where there is no wallet', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    const wallet = await until(() => root(el).querySelector('#wallet'), 'the wallet');
    expect(textOf(wallet)).to.contain('Account balance').and.contain('$12.50').and.contain('before your payment method');
    await expect(el).to.be.accessible();
    el.remove();
    await freshPortal('acme');
    await signIn('acme', 'globex', 'globex-owner');
    const team = await mount();
    await until(() => root(team).querySelector('[part~="item"]'), 'the payment methods');
    expect(root(team).querySelector('#wallet')).to.equal(null);
  });

  it('sends a confirmation link to the new address once, says where it went; pasting the link confirms it and every email on screen follows', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    (await until(() => maybeButton(root(el) as unknown as Element, 'Change email'), 'the button, once the organization’s settings are in')).click();
    const input = await until(() => root(el).activeElement?.id === 'new-email' && field(root(el) as unknown as Element, 'New email'), 'the field, focused');
    // Bad input is answered at the field, before any request.
    await typeInto(input, 'alice@');
    button(root(el) as unknown as Element, 'Send confirmation link').click();
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the field marked');
    expect(textOf(root(el).querySelector('#new-email-error')!)).to.equal('Enter an email address like name@example.com.');
    // Polar refuses the current address (customer_email_update/service.py): said at the field, the typing kept.
    await typeInto(input, 'ALICE@example.com');
    button(root(el) as unknown as Element, 'Send confirmation link').click();
    await until(() => textOf(root(el).querySelector('#new-email-error') ?? document.body) === 'That is already your email.', 'the same-address message');
    expect(input.value).to.equal('ALICE@example.com');
    // A double click sends one request.
    await typeInto(input, 'alice.martin@example.com');
    const requests = recordRequests();
    const send = button(root(el) as unknown as Element, 'Send confirmation link');
    send.click();
    send.click();
    await until(() => roleText(root(el) as unknown as Element, 'status').includes('We sent a link to alice.martin@example.com.'), 'where the link went');
    requests.restore();
    expect(requests.calls.filter((c) => c.endsWith('/email-update/request'))).to.have.length(1);
    expect(shownEmail(el), 'nothing changes before the link is opened').to.equal('alice@example.com');
    await expect(el).to.be.accessible();
    // The customer pastes the emailed link (Polar's own address, /solo/portal/verify-email?token=).
    const [mail] = await emailChanges();
    expect(mail.email).to.equal('alice.martin@example.com');
    expect(new URL(mail.link).pathname).to.equal('/solo/portal/verify-email');
    const paste = field(root(el) as unknown as Element, 'Or paste the link from that email');
    await typeInto(paste, 'https://example.com/not-it');
    button(root(el) as unknown as Element, 'Confirm').click();
    await until(() => textOf(root(el).querySelector('#email-link-error') ?? document.body).startsWith('That is not the link'), 'the bad-link message');
    await typeInto(paste, mail.link);
    button(root(el) as unknown as Element, 'Confirm').click();
    await until(() => roleText(root(el) as unknown as Element, 'status') === 'Your email is now alice.martin@example.com.', 'the outcome');
    await until(() => shownEmail(el) === 'alice.martin@example.com', 'the new email shown');
    expect(PolarPortal.session.state.user?.email, 'the session follows').to.equal('alice.martin@example.com');
    await expect(el).to.be.accessible();
  });

  it('confirms the link the page was opened with, signed out: signs in, shows the new email, and takes the token out of the address', async () => {
    await signIn('solo', 'alice');
    await api('POST', 'customers/me/email-update/request', { email: 'alice.new@example.com' });
    const [mail] = await emailChanges();
    PolarPortal.session.signOut();
    openWithToken(mail.token);
    const el = await fixture<PortalBilling>(html`<portal-billing></portal-billing>`);
    expect(location.search, 'taken out at once').to.not.contain('polar_cev_');
    await until(() => roleText(root(el) as unknown as Element, 'status') === 'Your email is now alice.new@example.com.', 'the outcome');
    await until(() => root(el).querySelector('dl.email') && shownEmail(el) === 'alice.new@example.com', 'signed in, with the new email');
    await expect(el).to.be.accessible();
  });

  it('an expired or spent link, and an address another customer took meanwhile, each get their own message', async () => {
    await signIn('solo', 'alice');
    await api('POST', 'customers/me/email-update/request', { email: 'shared@example.com' });
    const [taken] = await emailChanges();
    openWithToken(`polar_cev_${'A'.repeat(43)}`);
    const el = await mount();
    await until(() => roleText(root(el) as unknown as Element, 'alert').startsWith('This email change link is invalid or has expired.'), 'the invalid-link message');
    el.remove();
    openWithToken(taken.token);
    const again = await mount();
    await until(() => roleText(root(again) as unknown as Element, 'alert') === 'Another account already uses that email. Nothing was changed.', 'the taken-address message');
    expect(shownEmail(again)).to.equal('alice@example.com');
  });

  it('picks up an email confirmed on Polar’s own page at the next load', async () => {
    await signIn('solo', 'alice');
    await api('POST', 'customers/me/email-update/request', { email: 'alice.polar@example.com' });
    const [mail] = await emailChanges();
    const verified = await fetch(`${SANDBOX}/v1/customer-portal/customers/me/email-update/verify`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: mail.token }) });
    expect(verified.status).to.equal(200);
    const el = await mount();
    await until(() => shownEmail(el) === 'alice.polar@example.com', 'the new email');
  });

  it('offers no change where the organization turned it off, nor to a team (Polar refuses both)', async () => {
    await setPortalSettings('solo', { customer: { allow_email_change: false } });
    await signIn('solo', 'alice');
    performance.clearResourceTimings();
    const el = await mount();
    await until(() => shownEmail(el), 'the details');
    await settingsLoaded(el, 'solo');
    expect(maybeButton(root(el) as unknown as Element, 'Change email')).to.equal(undefined);
    el.remove();
    await freshPortal('acme');
    await setPortalSettings('acme', { customer: { allow_email_change: true } });
    await signIn('acme', 'globex', 'globex-owner');
    performance.clearResourceTimings();
    const team = await mount();
    await until(() => root(team).querySelector('form'), 'the details');
    await settingsLoaded(team, 'acme');
    expect(maybeButton(root(team) as unknown as Element, 'Change email')).to.equal(undefined);
  });
});
