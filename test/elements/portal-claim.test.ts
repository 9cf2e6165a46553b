import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { PolarPortal, type PortalBenefits, type PortalClaim } from '../../src/index.js';
import { button, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { addFault, invitations } from '../helpers/sandbox.js';

const root = (el: PortalClaim) => el.shadowRoot!;
const text = (el: PortalClaim) => textOf(root(el) as unknown as Element);

async function nina() {
  const invite = (await invitations()).find((i) => i.email === 'nina@globex.example');
  if (!invite) throw new Error('no invitation for nina');
  return invite;
}

describe('<portal-claim>', () => {
  beforeEach(() => freshPortal('acme'));
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('without a token, says the page needs the invitation link', async () => {
    const el = await fixture<PortalClaim>(html`<portal-claim></portal-claim>`);
    await until(() => text(el).includes('needs the link'), 'the message');
    expect(text(el)).to.contain('This page needs the link from your invitation email.');
    await expect(el).to.be.accessible();
  });

  it('an unknown or used invitation says so, and offers the page’s sign-in instead', async () => {
    const page = await fixture<HTMLElement>(html`<div><portal-claim token="not-a-real-invitation"></portal-claim><portal-login></portal-login></div>`);
    const el = page.querySelector('portal-claim')!;
    await until(() => text(el).includes('has expired or was already used'), 'the message');
    await expect(el).to.be.accessible();
    button(root(el) as unknown as Element, 'Sign in instead').click();
    expect(document.activeElement).to.equal(page.querySelector('portal-login input'));
  });

  it('claims the seat from the address’s token, waits for the benefits, signs the invitee in, and forgets the token', async () => {
    const invite = await nina();
    history.replaceState(null, '', `${location.pathname}?token=${invite.token}`);
    const page = await fixture<HTMLElement>(html`<div><portal-claim></portal-claim><portal-benefits></portal-benefits></div>`);
    const el = page.querySelector('portal-claim')!;
    await until(() => text(el).includes('A seat for you: Team, from Acme Inc.'), 'the offer');
    expect(text(el)).to.contain('For nina@globex.example.');
    await expect(el).to.be.accessible();
    const claimed = oneEvent(el, 'portal-seat-claimed');
    button(root(el) as unknown as Element, 'Claim my seat').click();
    await until(() => root(el).querySelector('progress'), 'the progress');
    expect((await claimed).detail.productId).to.be.a('string');
    await until(() => text(el).includes('Your seat is ready.'), 'the outcome', 16_000);
    expect(PolarPortal.session.state.user?.email).to.equal('nina@globex.example');
    expect(new URLSearchParams(location.search).has('token'), 'the token is off the address').to.equal(false);
    // The benefits element on the same page shows what the seat gave.
    const benefits = page.querySelector<PortalBenefits>('portal-benefits')!;
    await until(() => benefits.shadowRoot!.querySelectorAll('[part~="item"]').length === 3, 'the seat’s benefits');
    // The same link again: this browser remembers it claimed it.
    const again = await fixture<PortalClaim>(html`<portal-claim token=${invite.token}></portal-claim>`);
    await until(() => text(again).includes('already claimed'), 'the already-claimed message');
  });

  it('claims only once the stream listens, so a slow stream still hears the seat and its benefits', async () => {
    // Polar serves the claim stream only while the seat is pending, and a claim sent first has its
    // events go unheard: the page would wait out its 15 s and call the seat half-ready.
    const invite = await nina();
    await addFault({ path: `/v1/customer-seats/claim/${invite.token}/stream`, method: 'GET', latency_ms: 600, times: 1 });
    const el = await fixture<PortalClaim>(html`<portal-claim token=${invite.token}></portal-claim>`);
    await until(() => text(el).includes('A seat for you'), 'the offer');
    button(root(el) as unknown as Element, 'Claim my seat').click();
    await until(() => text(el).includes('Your seat is ready.') || text(el).includes('still on its way'), 'the outcome', 8000);
    expect(text(el)).to.contain('Your seat is ready.');
  });
});
