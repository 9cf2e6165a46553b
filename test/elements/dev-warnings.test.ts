// Lit's development build warns about mistakes such as class fields that shadow reactive
// properties or updates scheduled after an update. No element may trigger one.
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html } from 'lit/static-html.js';
import '../../src/index.js';
import { freshPortal, until } from '../helpers/portal.js';
import { mintSessionToken } from '../helpers/sandbox.js';
import { PolarPortal } from '../../src/index.js';


describe('Lit development warnings', () => {
  let warnings: string[];
  const original = console.warn;
  beforeEach(async () => {
    await freshPortal('solo');
    warnings = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      original.apply(console, args);
    };
  });
  afterEach(() => {
    console.warn = original;
  });

  const registered = [
    'portal-login', 'portal-provider', 'portal-subscriptions', 'portal-seats', 'portal-team', 'portal-orders', 'portal-billing',
    'portal-benefits', 'portal-claim', 'portal-usage', 'portal-app',
  ].filter((tag) => customElements.get(tag));

  // Jakub's locale at Polar is Polish: on this English page each element marks itself `lang="pl"`,
  // which must be part of the render that needs it, not an update after it.
  const customers = [
    { customer: 'alice', language: 'in English' },
    { customer: 'jakub', language: 'in the customer’s Polish' },
  ];
  for (const tag of registered) {
    for (const { customer, language } of customers) {
      it(`<${tag}> renders signed out and signed in ${language} without warnings`, async () => {
        PolarPortal.configure({ locales: '/dist/locales/' });
        const el = await fixture(html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
        await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: customer }));
        await until(() => PolarPortal.session.state.status === 'signed-in', 'signed in');
        if (customer === 'jakub' && tag !== 'portal-provider') await until(() => el.getAttribute('lang') === 'pl', 'the Polish mark');
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(warnings.filter((w) => /lit|update/i.test(w))).to.deep.equal([]);
      });
    }
  }
});
