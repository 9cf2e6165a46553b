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

  const registered = ['portal-login', 'portal-provider', 'portal-subscriptions', 'portal-seats', 'portal-team', 'portal-orders', 'portal-billing'].filter(
    (tag) => customElements.get(tag),
  );

  for (const tag of registered) {
    it(`<${tag}> renders signed out and signed in without warnings`, async () => {
      const el = await fixture(html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
      await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: 'alice' }));
      await until(() => PolarPortal.session.state.status === 'signed-in', 'signed in');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(warnings.filter((w) => /lit|update/i.test(w))).to.deep.equal([]);
    });
  }
});
