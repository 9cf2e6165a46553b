import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ENGINE, focusFrame, sendKeys } from '../helpers/commands.js';
import type { PortalOrders } from '../../src/index.js';
import { button, field, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { eventually, freshPortal, slack, until } from '../helpers/portal.js';
import { api, recordRequests, signIn } from '../helpers/session.js';
import { PolarPortal } from '../../src/index.js';
import { addFault, clearFaults, embedMessages, expireSessions, SANDBOX } from '../helpers/sandbox.js';

// Seeded ids (sandbox/seed.mjs SEED.orders, SEED.subscriptions).
const ORDERS = {
  alicePending: '', alicePaid: '', aliceRefunded: '', aliceInvoiced: '', globexLatest: '',
};
/** The local Polar's Stripe publishable key (sandbox/seed.mjs SEED.stripePublishableKey). */
const STRIPE_KEY = 'pk_test_local_polar_sandbox';

const root = (el: PortalOrders) => el.shadowRoot!;
const rows = (el: PortalOrders) => [...root(el).querySelectorAll('tbody tr[part~="item"]')];

async function mount(template = html`<portal-orders></portal-orders>`) {
  const el = await fixture<PortalOrders>(template);
  await until(() => rows(el).length || root(el).querySelector('[part~="empty"], [part~="status"]'), 'orders or a message');
  return el;
}

async function openOrder(el: PortalOrders, id: string) {
  await until(() => root(el).querySelector(`[data-id="${id}"]`), `order ${id} in the list`);
  root(el).querySelector<HTMLButtonElement>(`[data-id="${id}"]`)!.click();
  await until(() => root(el).querySelector('[part~="totals"]'), 'the order detail');
}

const dialog = (el: PortalOrders) => root(el).querySelector('dialog');

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

describe('<portal-orders>', () => {
  before(async () => {
    // The ids come from the local Polar itself, as a page would see them.
    await freshPortal('solo');
    await signIn('solo', 'alice');
    const list = (await api('GET', 'orders/?limit=100')) as { items: { id: string; status: string; is_invoice_generated: boolean; created_at: string }[] };
    ORDERS.alicePending = list.items.find((o) => o.status === 'pending')!.id;
    ORDERS.alicePaid = list.items.find((o) => o.status === 'paid' && !o.is_invoice_generated)!.id;
    ORDERS.aliceRefunded = list.items.find((o) => o.status === 'refunded')!.id;
    ORDERS.aliceInvoiced = list.items.find((o) => o.status === 'paid' && o.is_invoice_generated)!.id;
  });
  beforeEach(() => freshPortal('solo'));
  afterEach(() => clearFaults());

  it('asks to sign in when signed out, and passes axe', async () => {
    const el = await mount();
    expect(roleText(document, 'status') || textOf(root(el).querySelector('[part~="status"]')!)).to.contain('Sign in to see your orders');
    await expect(el).to.be.accessible();
  });

  it('shows loading, then an error with Try again, then the empty state; axe in each', async () => {
    await freshPortal('solo');
    await signIn('solo', 'shared-studio');
    await addFault({ path: '/v1/customer-portal/orders/', method: 'GET', latency_ms: 400, status: 500, times: 3 });
    const el = await fixture<PortalOrders>(html`<portal-orders></portal-orders>`);
    await until(() => root(el).querySelector('[part~="spinner"]'), 'the spinner');
    await expect(el).to.be.accessible();
    await until(() => roleText(document, 'alert').includes('The server had a problem'), 'the error', 8000);
    await expect(el).to.be.accessible();
    button(document, 'Try again').click();
    await until(() => root(el).querySelector('[part~="empty"]'), 'the empty state');
    expect(textOf(root(el).querySelector('[part~="empty"]')!)).to.equal('No orders yet.');
    await expect(el).to.be.accessible();
  });

  it('tells a plain team member that billing is the owner’s, and shows nothing else', async () => {
    await freshPortal('acme');
    await signIn('acme', 'globex', 'globex-member');
    const el = await mount();
    expect(textOf(root(el).querySelector('[part~="status"]')!)).to.equal('Billing is managed by your team’s owner.');
    expect(!!root(el).querySelector('table'), 'absent').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('pages through all of the customer’s orders with one request per page', async () => {
    await signIn('solo', 'alice');
    const requests = recordRequests();
    try {
      const el = await mount();
      await until(() => rows(el).length === 10, 'the first page');
      const headers = [...root(el).querySelectorAll('th')].map(textOf);
      expect(headers).to.deep.equal(['Product', 'Status', 'Date', 'Total']);
      expect(textOf(root(el).querySelector('[part~="pager"]')!)).to.contain('Page 1 of 2');
      const pending = rows(el).find((r) => textOf(r).includes('Payment due'))!;
      expect(textOf(pending)).to.contain('Business Monthly');
      await expect(el).to.be.accessible();
      button(document, 'Next').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => rows(el).length === 2, 'the second page');
      expect(textOf(root(el).querySelector('[part~="pager"]')!)).to.contain('Page 2 of 2');
      // The new page's first order has focus, not the page.
      await until(() => root(el).activeElement === rows(el)[0].querySelector('button'), 'focus on the first order of the page');
      expect(button(document, 'Next').disabled).to.equal(true);
      button(document, 'Previous').click();
      await until(() => rows(el).length === 10, 'the first page again (cached)');
      expect(requests.calls.filter((c) => c.startsWith('GET /v1/customer-portal/orders/'))).to.have.length(2);
    } finally {
      requests.restore();
    }
  });

  it('shows totals in the order’s currency with Intl, and respects lang', async () => {
    await signIn('solo', 'alice');
    const el = await mount(html`<portal-orders lang="de-DE"></portal-orders>`);
    await until(() => rows(el).length, 'rows');
    const total = textOf(rows(el)[0].querySelector('.num')!);
    expect(total).to.match(/\d,\d\d\s?\$/);
  });

  it('limits the list to one subscription with subscription-id', async () => {
    await signIn('solo', 'alice');
    const subs = (await api('GET', 'subscriptions/?limit=100')) as { items: { id: string; status: string }[] };
    const active = subs.items.find((s) => s.status === 'active')!.id;
    const el = await mount(html`<portal-orders subscription-id=${active}></portal-orders>`);
    await until(() => rows(el).length === 6, 'the six Pro Monthly orders');
    expect(rows(el).every((r) => textOf(r).includes('Pro Monthly'))).to.equal(true);
    expect(!!root(el).querySelector('[part~="pager"]'), 'absent').to.equal(false);
  });

  for (const [who, member] of [['owner', 'globex-owner'], ['billing manager', 'globex-billing']]) {
    it(`shows the team’s orders to its ${who}`, async () => {
      await freshPortal('acme');
      await signIn('acme', 'globex', member);
      const el = await mount();
      await until(() => rows(el).length === 3, 'Globex’s three orders');
      expect(textOf(rows(el)[0])).to.contain('Team');
    });
  }

  it('shows an order’s line items, amounts and refunds; axe in the detail', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.aliceRefunded);
    const totals = textOf(root(el).querySelector('[part~="totals"]')!);
    // Every amount from Polar's own fields; a refund gives back the tax too.
    const o = (await api('GET', `orders/${ORDERS.aliceRefunded}`)) as Record<string, number>;
    const money = (n: number) => `$${(n / 100).toFixed(2)}`;
    expect(o.refunded_tax_amount).to.be.greaterThan(0);
    expect(totals.replace(/\s+/g, '')).to.equal(
      `Subtotal${money(o.subtotal_amount)}Tax${money(o.tax_amount)}Total${money(o.total_amount)}Refunded${money(o.refunded_amount + o.refunded_tax_amount)}`,
    );
    expect(textOf(root(el).querySelector('[part~="detail"]')!)).to.match(/Invoice number\s*\S+-\d{4}/);
    expect(root(el).querySelectorAll('[part~="detail"] tbody tr').length).to.be.greaterThan(0);
    expect(root(el).activeElement?.id).to.equal('o-title');
    await expect(el).to.be.accessible();
    button(document, 'All orders').click();
    await until(() => root(el).activeElement?.getAttribute('data-id') === ORDERS.aliceRefunded, 'focus back on the order');
  });

  it('downloads the receipt in one click, waiting while Polar renders it (202, then the stream’s order.receipt_generated)', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.alicePaid);
    const requests = recordRequests();
    // Where the download opens: a new tab, so the page stays (Firefox would show the PDF in place).
    const opened: { href: string; target: string }[] = [];
    const follow = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      opened.push({ href: this.href, target: this.target });
    };
    try {
      button(document, 'Download receipt').click();
      await until(() => roleText(document, 'status').includes('Preparing your receipt'), 'the waiting message');
      const link = await until(() => root(el).querySelector<HTMLAnchorElement>('a[data-doc^="receipt"]'), 'the receipt link', 8000);
      expect(roleText(document, 'status')).to.contain('Your receipt is downloading.');
      expect(textOf(link)).to.equal('Download receipt (PDF)');
      expect(link.href).to.match(/\/__sandbox\/files\/.+\/Receipt-.+\.pdf$/);
      expect(root(el).activeElement === link, 'focus').to.equal(true);
      // The stream said when it was ready: one GET to start it, one for the link, no polling.
      expect(requests.calls.filter((c) => c.endsWith('/receipt'))).to.have.length(2);
      // An attachment (checked in test/sandbox): following the link downloads it, the page stays.
      expect((await fetch(link.href)).headers.get('content-type')).to.equal('application/pdf');
      expect(opened).to.deep.equal([{ href: link.href, target: '_blank' }]);
      expect(link.target, 'the link on screen too').to.equal('_blank');
    } finally {
      HTMLAnchorElement.prototype.click = follow;
      requests.restore();
    }
  });

  it('offers an invoice for a pending order too (Polar refuses only drafts and void orders)', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.alicePending);
    expect(!!maybeButton(document, 'Generate invoice')).to.equal(true);
  });

  it('after Edit invoice, waits for the new file: Polar serves the old one under the same name until its job is done', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.aliceInvoiced);
    button(document, 'Edit invoice').click();
    await until(() => dialog(el)?.open, 'the dialog');
    await typeInto(field(document, 'Billing name'), 'Martin Consulting GmbH');
    button(document, 'Save and generate invoice').click();
    const link = await until(() => root(el).querySelector<HTMLAnchorElement>('dialog a[part~="download"]'), 'the invoice link', 8000);
    const pdf = await (await fetch(link.href)).text();
    expect(pdf, 'the regenerated invoice, not the one before').to.contain('Martin Consulting GmbH');
  });

  it('without the event stream it still waits for the new invoice, by polling the order', async () => {
    await signIn('solo', 'alice');
    await addFault({ path: '/v1/customer-portal/customers/stream', method: 'GET', status: 500, times: 0 });
    const el = await mount();
    await openOrder(el, ORDERS.aliceInvoiced);
    button(document, 'Edit invoice').click();
    await until(() => dialog(el)?.open, 'the dialog');
    await typeInto(field(document, 'Billing name'), 'Polled GmbH');
    button(document, 'Save and generate invoice').click();
    const link = await until(() => root(el).querySelector<HTMLAnchorElement>('dialog a[part~="download"]'), 'the invoice link', 8000);
    expect(await (await fetch(link.href)).text()).to.contain('Polled GmbH');
  });

  it('an unchanged invoice is ready at once: nothing is saved, and Polar has nothing to render', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.aliceInvoiced);
    const requests = recordRequests();
    try {
      button(document, 'Edit invoice').click();
      await until(() => dialog(el)?.open, 'the dialog');
      button(document, 'Save and generate invoice').click();
      await until(() => root(el).querySelector('dialog a[part~="download"]'), 'the invoice link', 2000);
      expect(requests.calls.filter((c) => c.startsWith('PATCH'))).to.have.length(0);
      expect(button(document, 'Done').classList.contains('primary')).to.equal(true);
    } finally {
      requests.restore();
    }
  });

  it('generates an invoice with the keyboard only: details, progress, download, Escape', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.alicePaid);
    const updated = oneEvent(el, 'portal-order-updated');
    const ready = oneEvent(el, 'portal-invoice-ready');
    for (let i = 0; i < 10 && textOf(root(el).activeElement ?? el) !== 'Generate invoice'; i++) await sendKeys({ press: 'Tab' });
    expect(textOf(root(el).activeElement!)).to.equal('Generate invoice');
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el)?.open, 'the invoice dialog');
    const name = field(document, 'Billing name');
    expect(root(el).activeElement === name, 'focus').to.equal(true);
    expect(field(document, 'Country').disabled, 'country is fixed by the order’s tax').to.equal(true);
    await expect(el).to.be.accessible();
    name.select();
    await sendKeys({ type: 'Martin Consulting GmbH' });
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelector('progress'), 'visible progress');
    const link = await until(() => root(el).querySelector<HTMLAnchorElement>('dialog a[part~="download"]'), 'the invoice link', 8000);
    expect(textOf(dialog(el)!.querySelector('h2')!)).to.equal('Your invoice is ready');
    expect(link.href).to.match(/\/Invoice-.+\.pdf\?/);
    expect((await updated).detail).to.deep.equal({ orderId: ORDERS.alicePaid, change: 'billing', invoiceNumber: (await ready).detail.invoiceNumber });
    expect((await ready).detail.orderId).to.equal(ORDERS.alicePaid);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el), 'the dialog closed');
    expect(textOf(root(el).activeElement!)).to.equal('Edit invoice');
    const order = (await api('GET', `orders/${ORDERS.alicePaid}`)) as { billing_name: string; is_invoice_generated: boolean };
    expect(order.billing_name).to.equal('Martin Consulting GmbH');
    expect(order.is_invoice_generated).to.equal(true);
  });

  it('checks the invoice form: required name, over-long lines, Polar’s postal code rule; nothing typed is lost', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.alicePaid);
    button(document, 'Generate invoice').click();
    await until(() => dialog(el)?.open, 'the dialog');
    await typeInto(field(document, 'Billing name'), ' ');
    field(document, 'Billing name').value = '';
    field(document, 'Billing name').dispatchEvent(new Event('input'));
    await typeInto(field(document, 'Address line 2'), 'x'.repeat(300));
    button(document, 'Save and generate invoice').click();
    await until(() => root(el).querySelector('[aria-invalid="true"]'), 'field errors');
    expect(textOf(root(el).querySelector('#f-billing_name-e')!)).to.equal('This field is required.');
    expect(textOf(root(el).querySelector('#f-line2-e')!)).to.equal('Use at most 256 characters.');
    expect(root(el).activeElement === field(document, 'Billing name'), 'focus').to.equal(true);
    await expect(el).to.be.accessible();
    await typeInto(field(document, 'Billing name'), 'Alice Martin');
    await typeInto(field(document, 'Address line 2'), 'Hinterhaus');
    await typeInto(field(document, 'Postal code'), '1011');
    button(document, 'Save and generate invoice').click();
    await until(() => textOf(root(el).querySelector('#f-postal_code-e')!), 'the server’s postal code error');
    expect(textOf(root(el).querySelector('#f-postal_code-e')!)).to.equal('Invalid postal code.');
    expect(field(document, 'Address line 2').value).to.equal('Hinterhaus');
    expect(field(document, 'Postal code').value).to.equal('1011');
  });

  it('says clearly when the invoice never arrives, and tries again', async () => {
    await signIn('solo', 'alice');
    const el = await mount(html`<portal-orders document-timeout="1.5"></portal-orders>`);
    await openOrder(el, ORDERS.alicePaid);
    await addFault({ path: `/v1/customer-portal/orders/${ORDERS.alicePaid}/invoice`, method: 'GET', status: 404, times: 0 });
    button(document, 'Generate invoice').click();
    await until(() => dialog(el)?.open, 'the dialog');
    button(document, 'Save and generate invoice').click();
    await until(() => roleText(document, 'alert').includes('The invoice is not ready yet'), 'the time-limit message', 6000);
    await expect(el).to.be.accessible();
    await clearFaults();
    button(document, 'Try again').click();
    await until(() => root(el).querySelector('dialog a[part~="download"]'), 'the invoice after all', 6000);
    expect(await (await fetch(root(el).querySelector<HTMLAnchorElement>('dialog a[part~="download"]')!.href)).text()).to.contain('Invoice');
  });

  for (const [name, fault, message] of [
    ['403', { status: 403, body: { error: 'NotPermitted', detail: 'Only owners and billing managers can access billing features.' } }, 'Your role in this team does not allow this'],
    ['429', { status: 429 }, 'Too many requests'],
    ['500', { status: 500 }, 'The server had a problem'],
    ['a dropped connection', { drop: true, times: 0 }, 'Could not reach the server'],
  ] as const) {
    it(`keeps the invoice form and says so on ${name}`, async () => {
      await signIn('solo', 'alice');
      const el = await mount();
      await openOrder(el, ORDERS.alicePaid);
      button(document, 'Generate invoice').click();
      await until(() => dialog(el)?.open, 'the dialog');
      await typeInto(field(document, 'Billing name'), 'Typed Name');
      await addFault({ path: `/v1/customer-portal/orders/${ORDERS.alicePaid}`, method: 'PATCH', ...fault });
      button(document, 'Save and generate invoice').click();
      await until(() => roleText(document, 'alert').includes(message), message);
      expect(dialog(el)?.open).to.equal(true);
      expect(field(document, 'Billing name').value).to.equal('Typed Name');
    });
  }

  it('keeps the dialog and what was typed when the session ends mid-form', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.alicePaid);
    button(document, 'Generate invoice').click();
    await until(() => dialog(el)?.open, 'the dialog');
    await typeInto(field(document, 'Billing name'), 'Kept Name');
    await expireSessions();
    button(document, 'Save and generate invoice').click();
    await until(() => textOf(root(el).querySelector('[part~="status"]') ?? el).includes('what you entered is still here'), 'the signed-out note');
    await signIn('solo', 'alice');
    await until(() => dialog(el)?.open, 'the dialog again');
    expect(field(document, 'Billing name').value).to.equal('Kept Name');
  });

  it('sends one request for a double click', async () => {
    await signIn('solo', 'alice');
    const el = await mount();
    await openOrder(el, ORDERS.alicePaid);
    button(document, 'Generate invoice').click();
    await until(() => dialog(el)?.open, 'the dialog');
    await typeInto(field(document, 'Billing name'), 'Once GmbH');
    const requests = recordRequests();
    try {
      const submit = button(document, 'Save and generate invoice');
      submit.click();
      submit.click();
      await until(() => root(el).querySelector('progress'), 'generating');
      expect(requests.calls.filter((c) => c.startsWith('PATCH'))).to.have.length(1);
      expect(requests.calls.filter((c) => c.startsWith('POST'))).to.have.length(1);
    } finally {
      requests.restore();
    }
  });

  describe('paying a failed renewal', () => {
    async function openPay(el: PortalOrders) {
      await openOrder(el, ORDERS.alicePending);
      expect(textOf(root(el).querySelector('[part~="totals"]')!)).to.contain('Amount to pay');
      button(document, 'Pay now').click();
      await until(() => root(el).querySelector('dialog input[type="radio"]'), 'the saved cards');
    }

    it('pays with a saved card: Polar answers succeeded, so the element says paid (not the older failed record payment-status still shows)', async () => {
      await signIn('solo', 'alice');
      const el = await mount();
      await openPay(el);
      expect(textOf(root(el).activeElement!), 'opened on its title, read before the amount and the choices').to.equal('Pay now');
      const radios = [...root(el).querySelectorAll<HTMLInputElement>('dialog input[type="radio"]')];
      expect(radios[0].checked).to.equal(true);
      expect(textOf(radios[0].closest('label')!), 'the default card first').to.contain('Visa ending in 4242');
      expect(radios.map((r) => textOf(r.closest('label')!)).find((l) => l.startsWith('Link')), 'no expiry for Link').to.equal('Link');
      await expect(el).to.be.accessible();
      const paid = oneEvent(el, 'portal-order-paid');
      button(document, /^Pay \$/).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(document, 'status').includes('Payment received'), 'paid', 8000);
      expect((await paid).detail.orderId).to.equal(ORDERS.alicePending);
      // The Pay button is gone: focus is on the outcome, inside the dialog, not on the page.
      await until(() => textOf(root(el).activeElement ?? document.body).startsWith('Payment received'), 'focus on the outcome');
      expect(((await api('GET', `orders/${ORDERS.alicePending}/payment-status`)) as { status: string }).status, 'Polar’s record is still the old attempt').to.equal('failed');
      expect(button(document, 'Done').classList.contains('primary')).to.equal(true);
      button(document, 'Done').click();
      await until(() => textOf(root(el).querySelector('[part~="detail"]')!).includes('Paid'), 'the order shows Paid once Polar recorded it', 8000);
      expect(!!maybeButton(document, 'Pay now'), 'no Pay now').to.equal(false);
    });

    it('reports a declined card at the button in the bank’s words and keeps the choice', async () => {
      await signIn('solo', 'alice');
      const el = await mount();
      await openPay(el);
      const declining = [...root(el).querySelectorAll<HTMLInputElement>('dialog input[type="radio"]')].find((r) => textOf(r.closest('label')!).includes('0341'))!;
      declining.click();
      button(document, /^Pay \$/).click();
      await until(() => roleText(document, 'alert').includes('The payment failed: Your card was declined.'), 'the decline', 8000);
      const again = [...root(el).querySelectorAll<HTMLInputElement>('dialog input[type="radio"]')].find((r) => textOf(r.closest('label')!).includes('0341'))!;
      expect(again.checked, 'the chosen card is still chosen').to.equal(true);
      expect(dialog(el)?.open).to.equal(true);
      await expect(el).to.be.accessible();
    });

    /** Resolves when the bank's check (the local Polar's, sandbox/stripe/challenge.js) takes input. */
    const challengeReady = () =>
      new Promise<void>((resolve) => {
        const ready = (event: MessageEvent) => {
          if (event.data?.type !== 'stripe-3ds-ready') return;
          removeEventListener('message', ready);
          resolve();
        };
        addEventListener('message', ready);
      });

    async function payWith3ds(el: PortalOrders) {
      await openPay(el);
      [...root(el).querySelectorAll<HTMLInputElement>('dialog input[type="radio"]')].find((r) => textOf(r.closest('label')!).includes('3184'))!.click();
      button(document, /^Pay \$/).click();
    }

    it('3-D Secure with Polar’s Stripe key: Stripe.js loads only then, the bank’s check completes, the order is paid (not in WebKit: its WebDriver cannot type into Stripe’s cross-origin frame)', async function () {
      if (ENGINE === 'webkit') this.skip();
      // Two frames load (Stripe's stand-in and the bank's page): more than the default 10 s on a busy machine.
      this.timeout(slack(30_000));
      await signIn('solo', 'alice');
      PolarPortal.configure({ stripeKey: STRIPE_KEY });
      expect(document.querySelector('script[src*="/stripe/v3/"]'), 'not loaded before it is needed').to.equal(null);
      const el = await mount();
      const ready = challengeReady();
      await payWith3ds(el);
      await until(() => roleText(document, 'status').includes('Waiting for your bank'), 'waiting for the bank', 8000);
      const frame = await until(() => document.querySelector<HTMLIFrameElement>('iframe[title="3D Secure authentication"]'), 'the bank’s frame', 8000);
      await until(() => document.activeElement === frame, 'focus in the bank’s check');
      await ready;
      // The check's first button: Complete authentication.
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(document, 'status').includes('Payment received'), 'paid', 8000);
      await eventually(async () => ((await api('GET', `orders/${ORDERS.alicePending}`)) as { status: string }).status === 'paid', 'Polar records it');
    });

    it('a failed bank check is a decline in Stripe’s words; the method stays chosen (not in WebKit: its WebDriver cannot type into Stripe’s cross-origin frame)', async function () {
      if (ENGINE === 'webkit') this.skip();
      await signIn('solo', 'alice');
      PolarPortal.configure({ stripeKey: STRIPE_KEY });
      const el = await mount();
      const ready = challengeReady();
      await payWith3ds(el);
      const frame = await until(() => document.querySelector<HTMLIFrameElement>('iframe[title="3D Secure authentication"]'), 'the bank’s frame', 8000);
      await until(() => document.activeElement === frame, 'focus in the bank’s check');
      await ready;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(document, 'alert').includes('We are unable to authenticate your payment method'), 'Stripe’s message', 8000);
      expect(dialog(el)?.open).to.equal(true);
    });

    it('3-D Secure without a Stripe key: says nothing was charged and links to this order on Polar’s own page', async () => {
      await signIn('solo', 'alice');
      const el = await mount();
      await payWith3ds(el);
      await until(() => roleText(document, 'status').includes('Nothing was charged'), 'the explanation', 8000);
      const link = root(el).querySelector<HTMLAnchorElement>('dialog a[part~="link"]')!;
      expect(textOf(link)).to.equal('Open this order on Polar');
      expect(link.href).to.equal(`${new URL(SANDBOX).origin}/solo/portal/orders/${ORDERS.alicePending}`);
      expect(link.href, 'no token in the URL').to.not.match(/token/);
      expect(link.target).to.equal('_blank');
      await expect(el).to.be.accessible();
    });

    it('explains Polar’s limit on manual retries', async () => {
      await signIn('solo', 'alice');
      const el = await mount();
      await openPay(el);
      await addFault({
        path: `/v1/customer-portal/orders/${ORDERS.alicePending}/confirm-payment`, method: 'POST', status: 429,
        body: { error: 'ManualRetryLimitExceeded', detail: 'Maximum number of manual payment retries reached.' },
      });
      button(document, /^Pay \$/).click();
      await until(() => roleText(document, 'alert').includes('No more payment attempts are allowed for this order.'), 'the limit message');
    });

    it('adds a new card through Polar’s embed and pays with it', async function () {
      // Polar's frame loads and sizes itself before the typing: more than 10 s on a busy machine.
      this.timeout(slack(30_000));
      await signIn('solo', 'alice');
      const el = await mount();
      await openPay(el);
      const embed = embedMessages();
      button(document, 'Add a new card').click();
      const frame = await until(() => root(el).querySelector<HTMLIFrameElement>('iframe[part~="embed"]'), 'the embed');
      expect(new URL(frame.src).origin).to.equal(new URL(SANDBOX).origin);
      await until(() => embed.events.includes('loaded'), 'the embed’s form', 8000);
      embed.stop();
      await until(() => frame.offsetHeight > 50, 'the embed sized by its resize messages');
      const added = oneEvent(el, 'portal-payment-method-added');
      focusFrame(frame);
      await until(() => root(el).activeElement === frame, 'focus inside the embed');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      const id = (await added).detail.paymentMethodId!;
      await until(() => root(el).querySelector<HTMLInputElement>(`dialog input[value="${id}"]`)?.checked, 'the new card chosen');
      button(document, /^Pay \$/).click();
      await until(() => roleText(document, 'status').includes('Payment received'), 'paid', 8000);
    });
  });
});
