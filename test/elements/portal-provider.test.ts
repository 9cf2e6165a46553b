import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalProvider } from '../../src/index.js';
import { field, maybeButton } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { latestCode, SANDBOX } from '../helpers/sandbox.js';

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

    expect(scoped.textContent).to.contain('Owner');
    expect(maybeButton(page, 'Send code'), 'the page’s own session is untouched').to.exist;
  });

  it('displays its children without a box of its own', async () => {
    const provider = await fixture<PortalProvider>(html`<portal-provider></portal-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });
});
