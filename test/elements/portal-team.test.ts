import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PolarPortal, type PortalTeam } from '../../src/index.js';
import { button, field, maybeButton, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { addFault, mintSessionToken, SANDBOX } from '../helpers/sandbox.js';

const MEMBERS = `${SANDBOX}/v1/customer-portal/members`;

const signIn = async (org: 'acme' | 'solo', customer: string, member?: string) =>
  PolarPortal.session.setToken(await mintSessionToken(org, { external_customer_id: customer, ...(member ? { external_member_id: member } : {}) }));

const root = (el: PortalTeam) => el.shadowRoot!;
const host = (el: PortalTeam) => el.parentElement!;
const rows = (el: PortalTeam) => [...root(el).querySelectorAll('tbody tr')];
const row = (el: PortalTeam, who: string) => rows(el).find((r) => textOf(r).includes(who))!;
const dialog = (el: PortalTeam) => root(el).querySelector<HTMLDialogElement>('#remove');
const roleSelect = (el: PortalTeam, who: string) => root(el).querySelector<HTMLSelectElement>(`select[aria-label="Role: ${who}"]`)!;
const requests = (test: (url: string) => boolean) => performance.getEntriesByType('resource').filter((e) => test(e.name)).length;

async function mount() {
  const el = await fixture<PortalTeam>(html`<portal-team></portal-team>`);
  await until(() => rows(el).length || root(el).querySelector('[part="empty"]'), 'the team or the explanation');
  return el;
}

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

describe('<portal-team>', () => {
  beforeEach(() => freshPortal('acme'));

  describe('who may manage the team', () => {
    it('asks to sign in when signed out', async () => {
      const el = await fixture<PortalTeam>(html`<portal-team></portal-team>`);
      await until(() => textOf(root(el) as unknown as Element).includes('Sign in to manage your team.'), 'the hint');
      await expect(el).to.be.accessible();
    });

    for (const [label, sign] of [
      ['a plain member', () => signIn('acme', 'globex', 'globex-member')],
      ['a customer session', async () => (PolarPortal.configure({ organization: 'solo' }), signIn('solo', 'alice'))],
    ] as const) {
      it(`${label} gets the explanation only, without asking the server`, async () => {
        await sign();
        const before = requests((u) => u.startsWith(MEMBERS));
        const el = await mount();
        expect(textOf(root(el) as unknown as Element)).to.equal('Team management is available to the team owner and billing managers.');
        expect(requests((u) => u.startsWith(MEMBERS))).to.equal(before);
        await expect(el).to.be.accessible();
      });
    }

    it('the owner of an individual customer hears that teams only have team management', async () => {
      await signIn('acme', 'carol');
      const el = await mount();
      expect(textOf(root(el) as unknown as Element)).to.equal('Team management is available for team purchases only.');
      expect(root(el).querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('owner and billing manager', () => {
    it('lists members with roles; the owner and yourself cannot be changed or removed', async () => {
      await signIn('acme', 'globex', 'globex-billing');
      const el = await mount();
      expect(rows(el)).to.have.length(20);
      const owner = row(el, 'Olivia Owens');
      expect(textOf(owner)).to.contain('Owner');
      expect(owner.querySelector('select, button')).to.equal(null);
      const me = row(el, 'Bianca Bills');
      expect(textOf(me)).to.contain('(you)');
      expect(me.querySelector('select, button')).to.equal(null);
      const max = roleSelect(el, 'Max Miller');
      expect(max.value).to.equal('member');
      expect([...max.options].map((o) => o.value)).to.deep.equal(['member', 'billing_manager']);
      expect(maybeButton(host(el), 'Remove: Max Miller')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('changes a role, and puts it back with the reason when the server refuses', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      const select = () => roleSelect(el, 'Max Miller');
      const updated = oneEvent(el, 'portal-member-updated');
      select().value = 'billing_manager';
      select().dispatchEvent(new Event('change'));
      expect((await updated).detail.member.role).to.equal('billing_manager');
      await until(() => roleText(host(el), 'status').includes('Max Miller is now Billing manager.'), 'the confirmation');
      await addFault({
        path: '/v1/customer-portal/members/',
        method: 'PATCH',
        status: 422,
        body: { error: 'PolarRequestValidationError', detail: [{ type: 'value_error', loc: ['body', 'role'], msg: 'Cannot demote the only owner. The team must have at least one owner.', input: 'member' }] },
      });
      select().value = 'member';
      select().dispatchEvent(new Event('change'));
      await until(() => textOf(row(el, 'Max Miller')).includes('Cannot demote the only owner'), 'the refusal at the row');
      expect(select().value).to.equal('billing_manager');
      await expect(el).to.be.accessible();
    });

    it('invites by email with a role; an existing address is said so; a bad one stays in the field', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      const email = field(host(el), 'Email');
      await typeInto(email, 'not-an-address');
      await sendKeys({ press: 'Enter' });
      await until(() => email.getAttribute('aria-invalid') === 'true', 'the field error');
      expect(textOf(root(el).querySelector('#invite-error')!)).to.equal('Enter an email address like name@example.com.');
      expect(email.value).to.equal('not-an-address');
      await expect(el).to.be.accessible();
      const role = field(host(el), 'Role') as unknown as HTMLSelectElement;
      role.value = 'billing_manager';
      role.dispatchEvent(new Event('change'));
      await typeInto(email, 'cfo@globex.example');
      const added = oneEvent(el, 'portal-member-added');
      const posts = requests((u) => u === MEMBERS);
      button(host(el), 'Invite').click();
      button(host(el), 'Invite').click();
      const member = (await added).detail.member;
      expect([member.email, member.role]).to.deep.equal(['cfo@globex.example', 'billing_manager']);
      await until(() => roleText(host(el), 'status').includes('cfo@globex.example was added to the team.'), 'the confirmation');
      expect(requests((u) => u === MEMBERS) - posts, 'a double click sends one request').to.equal(1);
      await until(() => row(el, 'cfo@globex.example'), 'the new row');
      await typeInto(field(host(el), 'Email'), 'member@example.com');
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(host(el), 'status').includes('Max Miller is already on the team.'), 'already a member');
    });

    it('a refused invite keeps what was typed and says why', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      await addFault({ path: '/v1/customer-portal/members', method: 'POST', status: 403, body: { error: 'NotPermitted', detail: 'Insufficient role for this operation' } });
      await typeInto(field(host(el), 'Email'), 'x@globex.example');
      await sendKeys({ press: 'Enter' });
      await until(() => textOf(root(el).querySelector('#invite-error')!).includes('Your role in this team does not allow this'), 'the reason');
      expect(field(host(el), 'Email').value).to.equal('x@globex.example');
    });

    it('removes a member with the keyboard after a confirmation; a failure keeps the dialog open', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      const remove = button(host(el), 'Remove: Max Miller');
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => dialog(el)?.open, 'the confirmation');
      expect(textOf(dialog(el)!)).to.contain('Max Miller can no longer sign in to this team');
      await expect(el).to.be.accessible();
      await addFault({ path: '/v1/customer-portal/members/', method: 'DELETE', status: 500 });
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Remove');
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(dialog(el)! as unknown as Element, 'alert').includes('The server had a problem'), 'the error in the dialog');
      expect(dialog(el)?.open).to.equal(true);
      const removed = oneEvent(el, 'portal-member-removed');
      const deletes = () => requests((u) => u.startsWith(`${MEMBERS}/`));
      const n = deletes();
      button(dialog(el)!, 'Remove').click();
      button(dialog(el)!, 'Remove').click();
      expect((await removed).detail.member.name).to.equal('Max Miller');
      await until(() => !dialog(el)?.open, 'closed');
      expect(deletes() - n).to.equal(1);
      expect(row(el, 'Max Miller')).to.equal(undefined);
      await until(() => root(el).activeElement?.id === 'invite-email', 'focus back in the element');
    });

    it('Escape closes the confirmation and focus returns to the row button', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      button(host(el), 'Remove: Max Miller').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => dialog(el)?.open, 'the confirmation');
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog(el)?.open, 'closed');
      await until(() => root(el).activeElement?.getAttribute('aria-label') === 'Remove: Max Miller', 'focus on the opener');
    });

    it('pages through a large team (Initech, 1,900 members)', async () => {
      await signIn('acme', 'initech', 'initech-owner');
      const el = await mount();
      expect(rows(el)).to.have.length(50);
      const first = textOf(rows(el)[0]);
      expect(textOf(root(el).querySelector('.pager')!)).to.contain('Page 1 of 38');
      button(host(el), 'Next').click();
      await until(() => root(el).querySelector('.pager')?.textContent?.includes('Page 2 of 38') && rows(el).length === 50, 'page 2');
      expect(textOf(rows(el)[0])).to.not.equal(first);
    });
  });
});
