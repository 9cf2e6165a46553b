import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../helpers/commands.js';
import { PolarPortal, type PortalTeam } from '../../src/index.js';
import { button, field, roleText, textOf } from '../helpers/dom.js';
import { freshPortal, until } from '../helpers/portal.js';
import { addFault, mintSessionToken, SANDBOX } from '../helpers/sandbox.js';

const MEMBERS = `${SANDBOX}/v1/customer-portal/members`;

const signIn = async (org: 'acme' | 'solo', customer: string, member?: string) =>
  PolarPortal.session.setToken(await mintSessionToken(org, { external_customer_id: customer, ...(member ? { external_member_id: member } : {}) }));

const root = (el: PortalTeam) => el.shadowRoot!;
const host = (el: PortalTeam) => el.parentElement!;
const rows = (el: PortalTeam) => [...root(el).querySelectorAll('tbody tr')];
const row = (el: PortalTeam, who: string) => rows(el).find((r) => textOf(r).includes(who))!;
const dialog = (el: PortalTeam) => root(el).querySelector<HTMLDialogElement>('dialog');
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

    it('the owner of an individual customer hears that teams only have team management, with no refused request', async () => {
      await signIn('acme', 'carol');
      const before = requests((u) => u.startsWith(MEMBERS));
      const el = await mount();
      await until(() => textOf(root(el) as unknown as Element) === 'Team management is available for team purchases only.', 'the explanation');
      // The customer's type is read first: Polar would refuse /members with a 403 for her.
      expect(requests((u) => u.startsWith(MEMBERS))).to.equal(before);
      expect(root(el).querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('owner and billing manager', () => {
    it('lists the whole team sorted by name; the owner and yourself cannot be changed or removed; only the owner may hand over ownership', async () => {
      await signIn('acme', 'globex', 'globex-billing');
      const el = await mount();
      // 20 seat holders and 3 invitees (members made when invited): one list, by name.
      expect(rows(el)).to.have.length(23);
      const names = rows(el).map((r) => textOf(r.querySelector('td')!));
      expect(names[0]).to.match(/^Ada Park/);
      const owner = row(el, 'Olivia Owens');
      expect(textOf(owner)).to.contain('Owner');
      expect(owner.querySelector('select, button')).to.equal(null);
      const me = row(el, 'Bianca Bills');
      expect(textOf(me)).to.contain('(you)');
      expect(me.querySelector('select, button')).to.equal(null);
      const max = roleSelect(el, 'Max Miller');
      expect(max.value).to.equal('member');
      expect([...max.options].map((o) => o.value), 'a billing manager cannot make an owner').to.deep.equal(['billing_manager', 'member']);
      expect(button(host(el), 'Remove: Max Miller').classList.contains('danger')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('searches by name or email and sorts by column, over the whole team', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      await typeInto(field(host(el), 'Search by name or email'), 'nina');
      await until(() => rows(el).length === 1, 'one match');
      expect(textOf(rows(el)[0])).to.contain('nina@globex.example');
      await typeInto(field(host(el), 'Search by name or email'), 'zzz');
      await until(() => rows(el).length === 0, 'no match');
      expect(textOf(root(el).querySelector('#team-shown')!)).to.equal('Nothing matches the search.');
      field(host(el), 'Search by name or email').select();
      await sendKeys({ press: 'Backspace' });
      button(host(el), /^Role/).click();
      await until(() => root(el).querySelector('th[aria-sort="ascending"]')?.textContent?.includes('Role'), 'sorted by role');
      expect(textOf(rows(el)[0])).to.contain('Olivia Owens');
      await expect(el).to.be.accessible();
    });

    it('changes a role, and puts it back with Polar’s reason at the row when the server refuses', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      const select = () => roleSelect(el, 'Max Miller');
      const updated = oneEvent(el, 'portal-member-updated');
      select().value = 'billing_manager';
      select().dispatchEvent(new Event('change'));
      expect((await updated).detail.member.role).to.equal('billing_manager');
      await until(() => roleText(row(el, 'Max Miller'), 'status').includes('Max Miller is now Billing manager.'), 'the confirmation at the row');
      await until(() => root(el).activeElement === select(), 'focus stays on the changed row');
      await addFault({
        path: '/v1/customer-portal/members/',
        method: 'PATCH',
        status: 422,
        body: { error: 'PolarRequestValidationError', detail: [{ type: 'value_error', loc: ['body', 'role'], msg: 'Cannot change role. Customer must have exactly one owner.', input: 'member' }] },
      });
      select().value = 'member';
      select().dispatchEvent(new Event('change'));
      await until(() => roleText(row(el, 'Max Miller'), 'alert').includes('Customer must have exactly one owner'), 'the refusal at the row');
      expect(select().value).to.equal('billing_manager');
      await expect(el).to.be.accessible();
    });

    it('the owner hands over ownership after a confirmation, and becomes a billing manager', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      const select = roleSelect(el, 'Max Miller');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['owner', 'billing_manager', 'member']);
      select.value = 'owner';
      select.dispatchEvent(new Event('change'));
      const confirm = await until(() => root(el).querySelector<HTMLDialogElement>('dialog')?.open && root(el).querySelector('dialog'), 'the confirmation');
      expect(textOf(confirm)).to.contain('Max Miller becomes the team’s owner, and you become a billing manager.');
      expect(select.value, 'nothing changes before the confirmation').to.equal('member');
      button(confirm, 'Make owner').click();
      await until(() => textOf(row(el, 'Max Miller')).includes('Owner'), 'Max is the owner');
      await until(() => PolarPortal.session.state.user?.role === 'billing_manager', 'the session knows the new role');
    });

    it('invites by email with a role; the outcome shows under the form; an existing address is said so; a bad one stays in the field', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      const email = field(host(el), 'Email');
      await typeInto(email, 'not-an-address');
      await sendKeys({ press: 'Enter' });
      const form = root(el).querySelector('form')!;
      await until(() => roleText(form, 'alert') === 'Enter an email address like name@example.com.', 'the error under the form');
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
      await until(() => roleText(form, 'status').includes('cfo@globex.example was added to the team.'), 'the confirmation under the form');
      expect(requests((u) => u === MEMBERS) - posts, 'a double click sends one request').to.equal(1);
      await until(() => row(el, 'cfo@globex.example'), 'the new row');
      await typeInto(field(host(el), 'Email'), 'member@example.com');
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(form, 'alert').includes('Max Miller is already on the team.'), 'already a member');
    });

    it('a refused invite keeps what was typed and says why, as an error', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      await addFault({ path: '/v1/customer-portal/members', method: 'POST', status: 403, body: { error: 'NotPermitted', detail: 'Insufficient role for this operation' } });
      await typeInto(field(host(el), 'Email'), 'x@globex.example');
      await sendKeys({ press: 'Enter' });
      await until(() => roleText(root(el).querySelector('form')!, 'alert').includes('Your role in this team does not allow this'), 'the reason');
      expect(field(host(el), 'Email').value).to.equal('x@globex.example');
    });

    it('removes a member after a confirmation that starts on Cancel; a failure keeps the dialog open', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const el = await mount();
      const remove = button(host(el), 'Remove: Max Miller');
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => dialog(el)?.open, 'the confirmation');
      expect(textOf(dialog(el)!)).to.contain('Max Miller can no longer sign in to this team');
      expect(root(el).activeElement?.textContent?.trim(), 'the safe choice first').to.equal('Cancel');
      await expect(el).to.be.accessible();
      await addFault({ path: '/v1/customer-portal/members/', method: 'DELETE', status: 500 });
      button(dialog(el)!, /^Remove$/).click();
      await until(() => roleText(dialog(el)! as unknown as Element, 'alert').includes('The server had a problem'), 'the error in the dialog');
      expect(dialog(el)?.open).to.equal(true);
      const removed = oneEvent(el, 'portal-member-removed');
      const deletes = () => requests((u) => u.startsWith(`${MEMBERS}/`));
      const n = deletes();
      button(dialog(el)!, /^Remove$/).click();
      button(dialog(el)!, /^Remove$/).click();
      expect((await removed).detail.member.name).to.equal('Max Miller');
      await until(() => !dialog(el)?.open, 'closed');
      expect(deletes() - n).to.equal(1);
      expect(row(el, 'Max Miller')).to.equal(undefined);
      expect(roleText(host(el), 'status')).to.contain('Max Miller was removed from the team.');
      await until(() => root(el).activeElement?.id === 'team-q', 'focus back in the element');
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

    it('reads all of a large team once (Initech, 1,950 members in 20 pages of Polar’s unsorted list) and pages it here', async () => {
      await signIn('acme', 'initech', 'initech-owner');
      const before = requests((u) => u.startsWith(MEMBERS));
      const el = await mount();
      expect(requests((u) => u.startsWith(MEMBERS)) - before).to.equal(20);
      expect(rows(el)).to.have.length(25);
      expect(textOf(root(el).querySelector('#team-shown')!)).to.equal('Showing 1–25 of 1,950');
      const first = textOf(rows(el)[0]);
      button(host(el), 'Next').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => root(el).querySelector('.pager')?.textContent?.includes('Page 2 of 78') && rows(el).length === 25, 'page 2');
      expect(textOf(rows(el)[0])).to.not.equal(first);
      // The new page's first member has focus, not the page.
      await until(() => root(el).activeElement === rows(el)[0].querySelector('[data-first]'), 'focus on the first member of the page');
      expect(requests((u) => u.startsWith(MEMBERS)) - before, 'paging asks nothing more').to.equal(20);
    });
  });

  describe('beside <portal-seats>', () => {
    const seatRow = (seats: Element, email: string) => [...seats.shadowRoot!.querySelectorAll('tbody tr')].find((r) => textOf(r).includes(email));

    it('a removed member’s seat shows as being revoked until Polar’s background job has revoked it (member/service.py delete)', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const wrap = await fixture(html`<div><portal-team></portal-team><portal-seats></portal-seats></div>`);
      const el = wrap.querySelector('portal-team')!;
      const seats = wrap.querySelector('portal-seats')!;
      await until(() => rows(el).length && seatRow(seats, 'member@example.com'), 'both');
      button(host(el), 'Remove: Max Miller').click();
      await until(() => dialog(el)?.open, 'the confirmation');
      button(dialog(el)!, /^Remove$/).click();
      await until(() => textOf(seatRow(seats, 'member@example.com') ?? el).includes('Being revoked'), 'being revoked', 4000);
      expect(button(wrap, 'Copy sign-in link: nina@globex.example'), 'other rows keep their actions').to.exist;
      await until(() => !seatRow(seats, 'member@example.com'), 'revoked: the seat no longer holds Max', 8000);
    });

    it('assigning a seat by email adds the new member to the team list (Polar makes the member at once)', async () => {
      await signIn('acme', 'globex', 'globex-owner');
      const wrap = await fixture(html`<div><portal-team></portal-team><portal-seats></portal-seats></div>`);
      const el = wrap.querySelector('portal-team')!;
      const seats = wrap.querySelector('portal-seats')!;
      await until(() => rows(el).length && seatRow(seats, 'nina@globex.example'), 'both');
      button(wrap, 'Assign seats').click();
      const box = await until(() => seats.shadowRoot!.querySelector<HTMLTextAreaElement>('#emails'), 'the assign box');
      box.value = 'newcomer@globex.example';
      box.dispatchEvent(new Event('input'));
      await (seats as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      button(seats.shadowRoot!.querySelector('#assign')!, /^Assign seat$/).click();
      await until(() => row(el, 'newcomer@globex.example'), 'the new member in the team', 4000);
    });
  });
});
