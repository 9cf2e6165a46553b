import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../helpers/commands.js';
import { PolarPortal, type PortalLogin } from '../../src/index.js';
import { documentContextValue } from '../../src/context/document-provider.js';
import { disposeScopes } from '../../src/state/scope.js';
import { PortalSession } from '../../src/state/session.js';
import { button, field, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { recordRequests } from '../helpers/session.js';
import {
  addFault,
  clearFaults,
  configureSandbox,
  expireSessions,
  latestCode,
  mintSessionToken,
  outbox,
  SANDBOX,
} from '../helpers/sandbox.js';

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

async function mountLogin(template = html`<portal-login></portal-login>`) {
  const el = await fixture<PortalLogin>(template);
  await until(() => maybeButton(el, 'Send code'), 'the email step');
  return el;
}

/** Email step to code step, as a user does it: type the address and press Enter. */
async function requestCodeFor(el: PortalLogin, email: string) {
  await typeInto(field(el, 'Email'), email);
  await sendKeys({ press: 'Enter' });
  await until(() => el.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]'), 'the code step');
}

async function signInWithCode(el: PortalLogin, email: string) {
  await requestCodeFor(el, email);
  const code = await latestCode(email);
  await typeInto(field(el, 'Sign-in code'), code.toLowerCase());
  await sendKeys({ press: 'Enter' });
  await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
}

describe('<portal-login>', () => {
  beforeEach(() => freshPortal('solo'));

  describe('email step', () => {
    it('has a labelled email field with autofill hints, and passes axe', async () => {
      const el = await mountLogin();
      const email = field(el, 'Email');
      expect(email.type).to.equal('email');
      expect(email.autocomplete).to.equal('email');
      expect(el.shadowRoot, 'renders in light DOM so autofill reaches it').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('pre-fills the email from the attribute', async () => {
      const el = await mountLogin(html`<portal-login email="alice@example.com"></portal-login>`);
      expect(field(el, 'Email').value).to.equal('alice@example.com');
    });

    it('explains a malformed address at the field and sends nothing', async () => {
      const el = await mountLogin();
      await typeInto(field(el, 'Email'), 'alice@example');
      await sendKeys({ press: 'Enter' });
      await until(() => el.querySelector('[aria-invalid="true"]'), 'the field marked invalid');
      const email = field(el, 'Email');
      const errorId = email.getAttribute('aria-describedby')!.split(' ')[1];
      expect(textOf(el.querySelector(`#${errorId}`)!)).to.contain('name@example.com');
      expect(document.activeElement).to.equal(email);
      expect(await outbox()).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('asks for an address when the field is empty', async () => {
      const el = await mountLogin();
      button(el, 'Send code').click();
      await until(() => el.querySelector('[aria-invalid="true"]'), 'the field marked invalid');
      expect(el.textContent).to.contain('Enter your email address.');
    });

    it('sends one request for a double click', async () => {
      const el = await mountLogin();
      await typeInto(field(el, 'Email'), 'alice@example.com');
      const send = button(el, 'Send code');
      send.click();
      send.click();
      await until(() => el.querySelector('input[autocomplete="one-time-code"]'), 'the code step');
      expect(await outbox()).to.have.length(1);
    });

    it('keeps the email and explains a network failure, then succeeds on retry', async () => {
      // Until cleared: Chromium quietly retries a POST once when a reused connection drops.
      await addFault({ path: '/v1/customer-portal/customer-session/request', method: 'POST', drop: true, times: 0 });
      const el = await mountLogin();
      await typeInto(field(el, 'Email'), 'alice@example.com');
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(el, 'alert'), 'an alert');
      expect(roleText(el, 'alert')).to.contain('Could not reach the server');
      expect(field(el, 'Email').value).to.equal('alice@example.com');
      await expect(el).to.be.accessible();

      await clearFaults();
      button(el, 'Send code').click();
      await until(() => el.querySelector('input[autocomplete="one-time-code"]'), 'the code step');
    });

    it('tells the merchant at once when the page names no organization', async () => {
      PolarPortal.configure({ organization: '' });
      const el = await mountLogin();
      expect(roleText(el, 'alert')).to.contain('data-organization');
      await expect(el).to.be.accessible();
    });

    it('says when an organization does not exist', async () => {
      PolarPortal.configure({ organization: 'no-such-org' });
      const el = await mountLogin();
      await typeInto(field(el, 'Email'), 'alice@example.com');
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(el, 'alert'), 'an alert');
      expect(roleText(el, 'alert')).to.contain('no-such-org');
    });
  });

  describe('code step', () => {
    it('does not reveal whether the account exists, and moves focus to the code', async () => {
      const el = await mountLogin();
      await requestCodeFor(el, 'nobody@example.com');
      expect(roleText(el, 'status')).to.contain('If an account exists for nobody@example.com');
      const code = field(el, 'Sign-in code');
      expect(document.activeElement).to.equal(code);
      expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(await outbox()).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('signs a customer in with a code typed in lower case', async () => {
      const el = await mountLogin();
      const login = oneEvent(el, 'portal-login');
      await signInWithCode(el, 'alice@example.com');
      const event = await login;
      expect(event.detail).to.deep.equal({
        kind: 'customer',
        method: 'code',
        user: { type: 'customer', name: 'Alice Martin', email: 'alice@example.com' },
      });
      expect(el.textContent).to.contain('Signed in as Alice Martin');
      expect(document.activeElement?.closest('[part="signed-in"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('fills the whole code from a paste, in any case and with separators', async () => {
      const el = await mountLogin();
      await requestCodeFor(el, 'alice@example.com');
      const input = field(el, 'Sign-in code');
      // A paste event where the engine lets a page build one with data (Chromium, WebKit); where it
      // does not (Firefox), what the browser pastes arrives as an input event.
      const readable = (() => {
        const data = new DataTransfer();
        data.setData('text', 'x');
        let got = '';
        const probe = (e: ClipboardEvent) => (got = e.clipboardData?.getData('text') ?? '');
        document.addEventListener('paste', probe, { once: true });
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
        return got === 'x';
      })();
      const paste = async (text: string) => {
        if (readable) {
          const data = new DataTransfer();
          data.setData('text', text);
          input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        } else {
          input.value = text;
          input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
        }
        await el.updateComplete;
        return input.value;
      };
      expect(await paste(' ab-c 123\n')).to.equal('ABC123');
      expect(await paste('Your code is abc123.')).to.equal('ABC123');
    });

    it('rejects a wrong code with a clear message and keeps the email', async () => {
      const el = await mountLogin();
      await requestCodeFor(el, 'alice@example.com');
      await typeInto(field(el, 'Sign-in code'), 'ZZZZZZ');
      await sendKeys({ press: 'Enter' });
      await until(() => el.querySelector('[aria-invalid="true"]'), 'the code marked invalid');
      expect(el.textContent).to.contain('That code is wrong or has expired');
      expect(field(el, 'Sign-in code').value).to.equal('ZZZZZZ');
      await expect(el).to.be.accessible();

      button(el, 'Use a different email').click();
      await el.updateComplete;
      expect(field(el, 'Email').value).to.equal('alice@example.com');
      expect(document.activeElement).to.equal(field(el, 'Email'));
    });

    it('rejects an expired code', async () => {
      await configureSandbox({ code_ttl_seconds: 1 });
      const el = await mountLogin();
      await requestCodeFor(el, 'alice@example.com');
      const code = await latestCode('alice@example.com');
      await new Promise((resolve) => setTimeout(resolve, 1100)); // the code's real lifetime
      await typeInto(field(el, 'Sign-in code'), code);
      await sendKeys({ press: 'Enter' });
      await until(() => el.querySelector('[aria-invalid="true"]'), 'the code marked invalid');
      expect(el.textContent).to.contain('That code is wrong or has expired');
    });

    it('asks for all 6 characters before sending', async () => {
      const el = await mountLogin();
      await requestCodeFor(el, 'alice@example.com');
      await typeInto(field(el, 'Sign-in code'), 'abc');
      await sendKeys({ press: 'Enter' });
      await until(() => el.querySelector('[aria-invalid="true"]'), 'the code marked invalid');
      expect(el.textContent).to.contain('The code has 6 letters and numbers.');
    });

    it('offers a new code after a cooldown, and the new code works', async () => {
      const el = await mountLogin(html`<portal-login resend-cooldown="1"></portal-login>`);
      await requestCodeFor(el, 'alice@example.com');
      // A wait reads as a duration, not a clock time.
      expect(button(el, /Send a new code in \d second/).disabled).to.equal(true);
      const resend = await until(() => {
        const b = maybeButton(el, 'Send a new code');
        return b && !b.disabled ? b : undefined;
      }, 'the resend button to be enabled');
      resend.click();
      await until(() => roleText(el, 'status').includes('a new sign-in code is on its way'), 'the resend notice');
      expect(await outbox()).to.have.length(2);
      const code = await latestCode('alice@example.com');
      await typeInto(field(el, 'Sign-in code'), code);
      await sendKeys({ press: 'Enter' });
      await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
    });
  });

  describe('several accounts for one email', () => {
    it('lets the user pick an account, then signs in to it', async () => {
      const el = await mountLogin();
      await typeInto(field(el, 'Email'), 'shared@example.com');
      await sendKeys({ press: 'Enter' });
      await until(() => el.querySelector('input[type="radio"]'), 'the account picker');
      const radios = [...el.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      // Polar sends an id and a name: an account without a name is told apart by its place.
      expect(radios.map((radio) => textOf(radio.closest('label')!))).to.have.members(['Shared Studio', 'Account 2']);
      expect(document.activeElement).to.equal(radios[0]);
      await expect(el).to.be.accessible();

      button(el, 'Continue').click();
      await until(() => el.querySelector('[aria-invalid="true"]'), 'the picker marked invalid');
      expect(el.textContent).to.contain('Choose an account to continue.');

      radios.find((radio) => textOf(radio.closest('label')!) === 'Shared Studio')!.click();
      button(el, 'Continue').click();
      await until(() => el.querySelector('input[autocomplete="one-time-code"]'), 'the code step');
      // The account was picked, so it exists: no "if an account exists".
      expect(roleText(el, 'status')).to.equal('A sign-in code is on its way to shared@example.com. It works for 30 minutes.');
      await typeInto(field(el, 'Sign-in code'), await latestCode('shared@example.com'));
      await sendKeys({ press: 'Enter' });
      await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
      expect(el.textContent).to.contain('Shared Studio');
    });
  });

  describe('rate limit', () => {
    it('says when to try again and keeps the submit disabled with a countdown', async () => {
      await configureSandbox({ rate_limits: true });
      const el = await mountLogin();
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${SANDBOX}/v1/customer-portal/customer-session/authenticate`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code: 'AAAAAA' }),
        });
        expect(response.status).to.equal(401);
      }
      await typeInto(field(el, 'Email'), 'alice@example.com');
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(el, 'alert'), 'the rate-limit alert');
      expect(roleText(el, 'alert')).to.contain('Too many sign-in attempts. Please try again in 15 minutes.');
      const submit = button(el, 'Try again in');
      expect(submit.disabled).to.equal(true);
      expect(textOf(submit)).to.match(/^Try again in 1[45] minutes$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('signed in', () => {
    it('shows a team member and their role', async () => {
      await freshPortal('acme');
      const el = await mountLogin();
      await signInWithCode(el, 'billing@example.com');
      // The role shows once the customer is known to be a team.
      await until(() => el.textContent?.includes('Billing manager'), 'the role');
      await expect(el).to.be.accessible();
    });

    it('shows no role for an individual customer of a team organization (carol is the nominal owner)', async () => {
      await freshPortal('acme');
      const el = await mountLogin();
      const requests = recordRequests();
      try {
        await PolarPortal.session.setToken(await mintSessionToken('acme', { external_customer_id: 'carol' }));
        await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
        await until(() => requests.calls.some((c) => c.includes('customers/me')), 'the customer');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(el.textContent).not.to.contain('Owner');
      } finally {
        requests.restore();
      }
    });

    it('signs out, clears the stored token and says so with an event', async () => {
      const el = await mountLogin();
      await signInWithCode(el, 'alice@example.com');
      expect(Object.keys(sessionStorage).some((key) => key.startsWith('polar-portal:'))).to.equal(true);
      const logout = oneEvent(el, 'portal-logout');
      button(el, 'Sign out').click();
      expect((await logout).detail).to.deep.equal({ reason: 'user' });
      await until(() => maybeButton(el, 'Send code'), 'the email step');
      expect(Object.keys(sessionStorage).some((key) => key.startsWith('polar-portal:'))).to.equal(false);
      expect(roleText(el, 'status')).to.equal('');
    });

    it('returns to the form with a message when Polar rejects the token mid-use', async () => {
      const el = await mountLogin();
      await signInWithCode(el, 'alice@example.com');
      await expireSessions();
      const expired = oneEvent(document, 'portal-session-expired');
      const scope = documentContextValue().scope;
      await scope.api.get('/v1/customer-portal/customers/me').catch(() => undefined);
      expect((await expired).detail).to.deep.equal({ reason: 'rejected' });
      await until(() => maybeButton(el, 'Send code'), 'the email step');
      expect(roleText(el, 'status')).to.contain('Your session has ended');
      expect(field(el, 'Email').value).to.equal('alice@example.com');
      await expect(el).to.be.accessible();
    });

    it('ends the session when its lifetime runs out', async () => {
      await configureSandbox({ token_ttl_seconds: 2 });
      const el = await mountLogin();
      await signInWithCode(el, 'alice@example.com');
      const expired = await oneEvent(document, 'portal-session-expired');
      expect(expired.detail).to.deep.equal({ reason: 'expired' });
      await until(() => maybeButton(el, 'Send code'), 'the email step');
    });

    it('follows a sign-out in another tab', async () => {
      const el = await mountLogin();
      await signInWithCode(el, 'alice@example.com');
      // Another tab of the same page (a duplicated tab: same key, same stored token) on its
      // own BroadcastChannel.
      const scope = documentContextValue().scope;
      const otherTab = new PortalSession({
        key: `${SANDBOX}|solo`,
        storage: 'session',
        emit: () => undefined,
        tokenSource: () => undefined,
      });
      otherTab.attach(scope.api);
      const logout = oneEvent(document, 'portal-logout');
      expect(otherTab.state.status).to.equal('signed-in');
      otherTab.signOut();
      expect((await logout).detail).to.deep.equal({ reason: 'other-tab' });
      otherTab.dispose();
      await until(() => maybeButton(el, 'Send code'), 'the email step');
    });
  });

  describe('without the email code', () => {
    it('signs in with a token the merchant minted (setToken)', async () => {
      await freshPortal('acme');
      const el = await mountLogin();
      const token = await mintSessionToken('acme', { external_customer_id: 'globex', external_member_id: 'globex-owner' });
      const login = oneEvent(el.ownerDocument, 'portal-login');
      const user = await PolarPortal.session.setToken(token);
      expect(user).to.include({ type: 'member', role: 'owner', email: 'owner@example.com' });
      const event = await login;
      expect(event.detail.method).to.equal('token');
      expect(JSON.stringify(event.detail)).not.to.contain(token);
      await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
      await until(() => el.textContent?.includes('Owner'), 'the role');
    });

    it('shows an accessible progress state while it checks a token', async () => {
      await addFault({ path: '/v1/customer-portal/customer-session/introspect', method: 'GET', latency_ms: 800 });
      const el = await mountLogin();
      const token = await mintSessionToken('solo', { external_customer_id: 'alice' });
      const done = PolarPortal.session.setToken(token);
      await until(() => roleText(el, 'status').includes('Checking your session'), 'the checking state');
      await expect(el).to.be.accessible();
      await done;
      await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
    });

    it('restores the session of this tab after a reload, without a new code', async () => {
      const el = await mountLogin();
      await PolarPortal.session.setToken(await mintSessionToken('solo', { external_customer_id: 'alice' }));
      await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
      el.remove();
      disposeScopes(); // what a reload does to the page's memory; sessionStorage survives
      PolarPortal.configure({ theme: 'auto' });
      const again = await fixture<PortalLogin>(html`<portal-login></portal-login>`);
      await until(() => maybeButton(again, 'Sign out'), 'the restored signed-in view');
      expect(again.textContent).to.contain('Alice Martin');
    });

    it('refuses an organization access token with a specific message', async () => {
      let error: Error | undefined;
      await PolarPortal.session.setToken('polar_oat_sandbox_solo_261ddfdc3e0c99a3e3e93477').catch((e: Error) => (error = e));
      expect(error?.message).to.contain('organization access token');
    });

    it('signs in through getToken, and re-mints before the token expires', async () => {
      await configureSandbox({ token_ttl_seconds: 2 });
      let calls = 0;
      const el = await mountLogin();
      PolarPortal.configure({
        getToken: async () => {
          calls++;
          return mintSessionToken('solo', { external_customer_id: 'alice' });
        },
      });
      await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
      const first = PolarPortal.session.state.expiresAt;
      await until(() => PolarPortal.session.state.expiresAt !== first, 'a re-minted session', 4000);
      expect(calls).to.be.greaterThan(1);
      expect(PolarPortal.session.state.status).to.equal('signed-in');
    });
  });

  it('signs in with the keyboard alone', async () => {
    const el = await mountLogin();
    field(el, 'Email').focus();
    await sendKeys({ type: 'alice@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(button(el, 'Send code'));
    await sendKeys({ press: 'Enter' });
    await until(() => document.activeElement === el.querySelector('input[autocomplete="one-time-code"]'), 'focus on the code');
    await sendKeys({ type: await latestCode('alice@example.com') });
    await sendKeys({ press: 'Enter' });
    await until(() => maybeButton(el, 'Sign out'), 'the signed-in view');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(button(el, 'Sign out'));
  });
});
