import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../helpers/commands.js';
import type { PortalBenefits, PortalSubscriptions } from '../../src/index.js';
import { button, field, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { api, recordRequests, signIn } from '../helpers/session.js';
import { configureSandbox, SANDBOX } from '../helpers/sandbox.js';

const root = (el: PortalBenefits) => el.shadowRoot!;
const grants = (el: PortalBenefits) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const grant = (el: PortalBenefits, name: string) => {
  const found = grants(el).find((g) => textOf(g.querySelector('h4')!) === name);
  if (!found) throw new Error(`no grant ${name}`);
  return found;
};
const dialog = (el: PortalBenefits) => root(el).querySelector<HTMLDialogElement>('dialog');
const $ = (el: Element) => el as unknown as Element;

async function mount(template = html`<portal-benefits></portal-benefits>`) {
  const el = await fixture<PortalBenefits>(template);
  await until(() => root(el).querySelector('[part~="item"], [part~="empty"], [part~="status"]'), 'the grants or a message');
  return el;
}

/** Alice's grants, with her license keys and files loaded. */
async function alice() {
  await signIn('solo', 'alice');
  const el = await mount();
  await until(() => root(el).querySelector('code.key') && root(el).querySelector('.file'), 'keys and files');
  return el;
}

describe('<portal-benefits>', () => {
  beforeEach(() => freshPortal('solo'));

  it('asks to sign in when signed out; axe', async () => {
    const el = await mount();
    expect(textOf(root(el).querySelector('[part~="status"]')!)).to.equal('Sign in to see what you bought.');
    await expect(el).to.be.accessible();
  });

  it('shows every grant Polar lists, grouped by purchase, with its type; a revoked grant is gone, a failed one says why; axe', async () => {
    const el = await alice();
    const listed = (await api('GET', 'benefit-grants/?limit=100')) as { items: { benefit: { description: string } }[] };
    expect(grants(el).map((g) => textOf(g.querySelector('h4')!))).to.have.members(listed.items.map((g) => g.benefit.description));
    expect(grants(el)).to.have.length(10);
    const headings = [...root(el).querySelectorAll('h3')].map(textOf);
    expect(headings).to.include('Pro Monthly');
    expect(headings.some((h) => /^Lifetime license, bought on /.test(h))).to.equal(true);
    expect(textOf(grant(el, 'Private beta repository on GitHub'))).to.contain('GitHub repository');
    // Nothing linked for Discord: Polar's grant failed with BenefitActionRequiredError.
    expect(textOf(grant(el, 'Solo community on Discord'))).to.contain('Connect your Discord account to get access.');
    expect(textOf(grant(el, 'AI assistant credits'))).to.match(/1,000 credits, added on /);
    expect(textOf(grant(el, 'Priority email support'))).to.contain('Write to priority@solo.example');
    await expect(el).to.be.accessible();
  });

  describe('license keys', () => {
    it('masks the key until shown, copies it with an announced confirmation, and says how to copy where the clipboard is refused', async () => {
      const el = await alice();
      const key = grants(el).filter((g) => textOf(g.querySelector('h4')!) === 'Solo Desktop license key')[0];
      const code = key.querySelector('code.key')!;
      expect(textOf(code)).to.match(/^\*\*\*\*-[0-9A-F]{6}$/);
      const show = button($(key), 'Show key');
      show.click();
      await until(() => show.getAttribute('aria-pressed') === 'true', 'shown');
      expect(textOf(code)).to.match(/^SOLO-[0-9A-F-]{36}$/);
      let copied = '';
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => void (copied = s) } });
      button($(key), 'Copy').click();
      await until(() => roleText($(key), 'status') === 'Copied.', 'the confirmation');
      expect(copied).to.equal(textOf(code));
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
      button($(key), 'Copy').click();
      await until(() => roleText($(key), 'alert').includes('press Ctrl+C'), 'the way to copy by hand');
    });

    it('rotates behind a destructive confirmation: the new key shows, the old one stops working at once', async () => {
      const el = await alice();
      const key = grants(el).filter((g) => textOf(g.querySelector('h4')!) === 'Solo Desktop license key')[0];
      button($(key), 'Show key').click();
      const old = await until(() => /^SOLO-/.test(textOf(key.querySelector('code.key')!)) && textOf(key.querySelector('code.key')!), 'the key');
      const before = oneEvent(el, 'portal-before-license-key-rotate');
      button($(key), 'Rotate key').click();
      expect((await before).detail.licenseKeyId).to.be.a('string');
      const dlg = await until(() => dialog(el)?.open && dialog(el), 'the confirmation');
      expect(textOf(dlg)).to.contain('the current one stops working at once');
      expect(root(el).activeElement?.textContent?.trim(), 'the safe choice first').to.equal('Cancel');
      expect(button($(dlg), 'Rotate key').classList.contains('danger')).to.equal(true);
      await expect(el).to.be.accessible();
      const rotated = oneEvent(el, 'portal-license-key-rotated');
      button($(dlg), 'Rotate key').click();
      await rotated;
      await until(() => !dialog(el), 'closed');
      const fresh = textOf(key.querySelector('code.key')!);
      expect(fresh).to.match(/^SOLO-/).and.not.equal(old);
      await until(() => textOf(root(el).activeElement ?? document.body).startsWith('Your new key is below'), 'focus on the outcome');
      const keys = (await api('GET', 'license-keys/?limit=100')) as { items: { key: string }[] };
      expect(keys.items.map((k) => k.key)).to.include(fresh).and.not.include(old);
    });

    it('lists activations on demand and frees one behind a confirmation', async () => {
      const el = await alice();
      const lifetime = grants(el)[0];
      expect(textOf(lifetime)).to.contain('ActivationsUp to 3');
      lifetime.querySelector('summary')!.click();
      await until(() => lifetime.querySelectorAll('.lines li').length === 3, 'three machines');
      expect(textOf(lifetime)).to.contain('Activations3 of 3');
      button($(lifetime), 'Deactivate: ThinkPad X1').click();
      const dlg = await until(() => dialog(el)?.open && dialog(el), 'the confirmation');
      expect(textOf(dlg.querySelector('h2')!)).to.equal('Deactivate ThinkPad X1?');
      const done = oneEvent(el, 'portal-license-key-deactivated');
      button($(dlg), 'Deactivate').click();
      expect((await done).detail.activationId).to.be.a('string');
      await until(() => lifetime.querySelectorAll('.lines li').length === 2, 'two machines');
      expect(roleText($(lifetime), 'status')).to.contain('ThinkPad X1 was deactivated.');
    });
  });

  describe('downloads', () => {
    it('lists files with sizes and versions, the earlier one marked; a download follows a fresh link, never an expired one', async () => {
      await configureSandbox({ download_ttl_seconds: 30 });
      const el = await alice();
      const installers = grant(el, 'Solo Desktop installers');
      const files = [...installers.querySelectorAll('.file')].map(textOf);
      expect(files[0]).to.match(/^SoloDesktop-2\.4\.0\.dmg.*84\.2 MB · 2\.4\.0/);
      expect(files.at(-1)).to.match(/^SoloDesktop-2\.3\.0\.dmg ?Earlier version/);
      const clicks: string[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        clicks.push(this.href);
      };
      const requests = recordRequests();
      try {
        button($(installers), 'Download: SoloDesktop-2.4.0.dmg').click();
        await until(() => clicks.length, 'the download');
        // Links that expire within the minute are fetched again before use.
        expect(requests.calls.filter((c) => c.startsWith('GET /v1/customer-portal/downloadables/'))).to.have.length(1);
      } finally {
        HTMLAnchorElement.prototype.click = original;
        requests.restore();
      }
      const response = await fetch(clicks[0], { redirect: 'manual' });
      expect(response.type === 'opaqueredirect' || response.status === 302, 'the signed link redirects to the file').to.equal(true);
    });
  });

  describe('GitHub and Discord', () => {
    it('invites the chosen GitHub account once Polar’s job has run, then can start over', async () => {
      const el = await alice();
      const repo = grant(el, 'Private beta repository on GitHub');
      expect(field($(repo), 'GitHub account').value).to.equal('48151623');
      const updated = oneEvent(el, 'portal-benefit-grant-updated');
      button($(repo), 'Request my invite').click();
      expect((await updated).detail.benefitType).to.equal('github_repository');
      const link = await until(() => repo.querySelector<HTMLAnchorElement>('a.button'), 'the invitation', 8000);
      expect(textOf(link)).to.equal('Accept the invitation: solo-labs/solo-desktop-beta');
      expect(link.href).to.equal('https://github.com/solo-labs/solo-desktop-beta/invitations');
      await expect(el).to.be.accessible();
      button($(repo), 'Request a new invite').click();
      await until(() => maybeButton($(repo), 'Request my invite'), 'the account picker again', 8000);
    });

    it('connects a Discord account through Polar’s OAuth in a new tab and picks up when the customer comes back', async () => {
      const el = await alice();
      const discord = grant(el, 'Solo community on Discord');
      const tab = { opener: {}, location: { href: '' }, close() {} };
      const originalOpen = window.open;
      window.open = () => tab as unknown as Window;
      try {
        button($(discord), 'Connect a Discord account').click();
        await until(() => tab.location.href, 'the authorize address in the new tab');
      } finally {
        window.open = originalOpen;
      }
      expect(tab.opener, 'the tab cannot reach back').to.equal(null);
      const authorize = new URL(tab.location.href);
      expect(authorize.pathname).to.equal('/__oauth/discord/authorize');
      expect(roleText($(discord), 'status')).to.contain('Finish in the new tab, then come back here.');
      // The customer authorizes on the provider's page; Polar's callback links the account.
      const callback = new URL(authorize.searchParams.get('redirect_uri')!);
      callback.searchParams.set('state', authorize.searchParams.get('state')!);
      callback.searchParams.set('code', 'sandbox-code');
      const back = await fetch(callback, { redirect: 'manual' });
      expect(back.type === 'opaqueredirect' || back.status === 307).to.equal(true);
      document.dispatchEvent(new Event('visibilitychange'));
      const link = await until(() => grant(el, 'Solo community on Discord').querySelector<HTMLAnchorElement>('a.button'), 'the invitation', 8000);
      expect(link.href).to.equal('https://discord.com/channels/1093287756251381771');
    });
  });

  it('sends the Slack invitation to the email given, then offers to open it', async () => {
    const el = await alice();
    const slack = grant(el, 'Shared Slack channel with the Solo team');
    expect(field($(slack), 'Email for the Slack invitation').value).to.equal('alice@example.com');
    button($(slack), 'Send invitation').click();
    await until(() => textOf(grant(el, 'Shared Slack channel with the Solo team')).includes('Invitation sent to alice@example.com.'), 'the invitation', 8000);
    expect(grant(el, 'Shared Slack channel with the Solo team').querySelector<HTMLAnchorElement>('a.button')!.href).to.match(/^https:\/\/join\.slack\.com\//);
  });

  it('searches and pages more than ten grants (Initech’s 25), focusing the new page’s first grant', async () => {
    await freshPortal('acme');
    await signIn('acme', 'initech', 'initech-owner');
    const el = await mount();
    await until(() => grants(el).length === 10, 'the first page');
    expect(textOf(root(el).querySelector('#benefits-shown')!)).to.equal('Showing 1–10 of 25');
    await expect(el).to.be.accessible();
    button($(root(el) as unknown as Element), 'Next').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).activeElement === grants(el)[0]?.querySelector('h4'), 'focus on the first grant of page 2');
    const search = field($(root(el) as unknown as Element), 'Search benefits');
    search.focus();
    await sendKeys({ type: 'module 2' });
    await until(() => textOf(root(el).querySelector('#benefits-shown')!) === 'Showing 1–6 of 6', 'the matches');
    expect(grants(el).every((g) => /Course module 2/.test(textOf(g.querySelector('h4')!)))).to.equal(true);
  });

  it('a team member sees their own seat’s grants, without asking for orders', async () => {
    await freshPortal('acme');
    const requests = recordRequests();
    try {
      await signIn('acme', 'globex', 'globex-member');
      const el = await mount();
      await until(() => grants(el).length === 3, 'three grants');
      expect(grants(el).map((g) => textOf(g.querySelector('h4')!))).to.have.members(['Acme CLI license key', 'Team onboarding guide', 'Acme Desktop for macOS and Windows']);
      expect(requests.calls.some((c) => c.includes('/orders'))).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      requests.restore();
    }
  });

  it('shows a subscription’s grants inside its details, from the same one request', async () => {
    await signIn('solo', 'alice');
    const requests = recordRequests();
    try {
      const wrap = await fixture<HTMLElement>(html`<div><portal-benefits></portal-benefits><portal-subscriptions></portal-subscriptions></div>`);
      const subs = wrap.querySelector<PortalSubscriptions>('portal-subscriptions')!;
      const item = await until(() => [...subs.shadowRoot!.querySelectorAll('[part~="item"]')].find((li) => textOf(li.querySelector('h3')!) === 'Pro Monthly'), 'Pro Monthly');
      button($(item), 'Details').click();
      const inner = await until(() => item.querySelector<PortalBenefits>('portal-benefits'), 'the grants in the details');
      await until(() => grants(inner).length === 8, 'Pro Monthly’s eight grants');
      expect(requests.calls.filter((c) => c.startsWith('GET /v1/customer-portal/benefit-grants/'))).to.have.length(1);
      await expect(subs).to.be.accessible();
    } finally {
      requests.restore();
    }
  });

  it('links a note’s addresses without letting any HTML through', async () => {
    await freshPortal('acme');
    await signIn('acme', 'globex', 'globex-owner');
    const el = await mount();
    const note = await until(() => grants(el).find((g) => textOf(g).includes('Team onboarding guide')), 'the note');
    const link = note.querySelector<HTMLAnchorElement>('.note a')!;
    expect(link.href).to.equal('https://acme.example/onboarding');
    expect(link.rel).to.contain('noopener');
    expect(SANDBOX).to.be.a('string');
  });
});
