import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/commands.js';
import type { PortalProvider } from '../../src/index.js';
import { field, maybeButton } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { PolarPortal } from '../../src/index.js';
import { disposeScopes } from '../../src/state/scope.js';
import { latestCode, mintSessionToken, SANDBOX } from '../helpers/sandbox.js';

/** Requests made to the local Polar since `since` (Resource Timing), as paths. */
const requestsSince = (since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= since && e.name.startsWith(SANDBOX))
    .map((e) => new URL(e.name).pathname);

describe('<portal-provider>', () => {
  beforeEach(() => freshPortal('solo'));

  it('scopes another organization to its subtree, with its own session', async () => {
    const root = await fixture<HTMLDivElement>(html`
      <div>
        <portal-login id="page"></portal-login>
        <portal-provider organization="acme" api=${SANDBOX}>
          <portal-login id="scoped"></portal-login>
        </portal-provider>
      </div>
    `);
    const scoped = root.querySelector<HTMLElement>('#scoped')!;
    const page = root.querySelector<HTMLElement>('#page')!;
    await until(() => maybeButton(scoped, 'Send code') && maybeButton(page, 'Send code'), 'both forms');

    // owner@ exists only in acme: a code arrives only if the scoped login asks acme.
    field(scoped, 'Email').focus();
    await sendKeys({ type: 'owner@example.com' });
    await sendKeys({ press: 'Enter' });
    await until(() => scoped.querySelector('input[autocomplete="one-time-code"]'), 'the code step');
    field(scoped, 'Sign-in code').focus();
    await sendKeys({ type: await latestCode('owner@example.com') });
    await sendKeys({ press: 'Enter' });
    await until(() => maybeButton(scoped, 'Sign out'), 'the scoped sign-in');

    await until(() => scoped.textContent?.includes('Owner'), 'the role');
    expect(maybeButton(page, 'Send code'), 'the page’s own session is untouched').to.exist;
  });

  it('starts no session of the scope it sits in: a provider alone sends nothing', async () => {
    // A page session remembered from an earlier visit (in storage, not yet checked again) that
    // no element shows must not be checked; a signed-out one must not be minted.
    await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: 'alice' }));
    disposeScopes();
    const since = performance.now();
    PolarPortal.configure({ storage: 'session' });
    expect(PolarPortal.session.state.status, 'restored from storage').to.equal('signed-in');
    await fixture(html`<portal-provider organization="acme" api=${SANDBOX}></portal-provider>`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestsSince(since)).to.deep.equal([]);
    // An element does check it: the provider was the only thing that stayed quiet.
    await fixture(html`<portal-login></portal-login>`);
    await until(() => requestsSince(since).includes('/v1/customer-portal/customer-session/introspect'), 'the check');
  });

  it('inherits from an enclosing provider, not from the page', async () => {
    const root = await fixture<HTMLDivElement>(html`
      <portal-provider organization="acme" api=${SANDBOX} theme="dark">
        <portal-provider locale="de">
          <portal-login id="inner"></portal-login>
        </portal-provider>
      </portal-provider>
    `);
    const inner = root.querySelector('#inner') as HTMLElement & { portal?: { config: { organization?: string; theme: string; locale?: string } } };
    await until(() => inner.portal, 'the inner context');
    expect(inner.portal!.config).to.include({ organization: 'acme', theme: 'dark', locale: 'de' });
    // owner@ exists only in acme: the inner login asks acme.
    field(inner, 'Email').focus();
    await sendKeys({ type: 'owner@example.com' });
    await sendKeys({ press: 'Enter' });
    await until(() => inner.querySelector('input[autocomplete="one-time-code"]'), 'the code step');
  });

  it('displays its children without a box of its own', async () => {
    const provider = await fixture<PortalProvider>(html`<portal-provider></portal-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });
});
