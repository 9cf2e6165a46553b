import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { definePortalElement } from '../../internal/define.js';
import { formatDate } from '../../internal/format.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { TableView, type TableSort } from '../../internal/table-view.js';
import { confirmDialog, pager, searchField, sortHeader } from '../../internal/templates.js';
import { customerResource } from '../../state/billing.js';
import { addMember, membersResource, removeMember, updateMember, type Member, type MemberRole } from '../../state/members.js';
import { parseEmails } from '../../state/seats.js';
import { hostStyles } from '../../styles/host.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { toolbarStyles } from '../../styles/toolbar.styles.js';

/** Rows rendered at once; search and sort run over the whole team in memory. */
const PAGE = 25;
type SortKey = 'name' | 'role' | 'joined';
const ROLE_RANK: MemberRole[] = ['owner', 'billing_manager', 'member'];
const nameOf = (m: Member) => m.name || m.email;
/** A member's name and email, lower-cased once per member (not on every keystroke). */
const searched = new WeakMap<Member, string>();
function searchText(m: Member): string {
  let text = searched.get(m);
  if (text === undefined) searched.set(m, (text = `${m.name ?? ''} ${m.email}`.toLowerCase()));
  return text;
}

/**
 * @summary The team's members and their roles, for the team's owner and billing managers:
 * invite by email with a role, search and sort the team, change a role, hand over ownership,
 * remove a member.
 * @tag portal-team
 * @status stable
 * @since 0.1
 *
 * Polar's rules show before any request: one owner (only the owner can hand the role over, and
 * becomes a billing manager), nobody changes their own role or removes themselves. Customer
 * sessions and plain members get a one-line explanation and nothing else. The whole team is
 * read once (Polar lists members in no order), then searched, sorted and paged here.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading.
 * @csspart form - The invite form.
 * @csspart submit - Its button and the dialog's confirm button.
 * @csspart body - The members, once loaded.
 * @csspart list - The members table.
 * @csspart item - One member row.
 * @csspart pager - Previous / next page.
 * @csspart status - Confirmations.
 * @csspart spinner - Loading indicator.
 * @csspart error - Errors.
 * @csspart empty - The explanation for users who cannot manage the team.
 * @csspart dialog - The remove and hand-over confirmations.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=inherit] - Text: the page's own on its background; #1b1d22 (light) or #eceef2 (dark) on the kit's surfaces.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints and secondary text.
 * @cssproperty [--portal-color-surface=#ffffff] - Inputs and dialogs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders and table rules.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors and the remove button.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 * @cssproperty [--portal-color-surface-muted=#f3f4f7] - Read-only fields.
 * @cssproperty [--portal-color-on-danger=#ffffff] - Text on destructive buttons.
 * @cssproperty [--portal-color-success=#17703a] - Confirmations and good statuses.
 * @cssproperty [--portal-color-warning=#8a5300] - Statuses that ask attention (ends soon, paused).
 * @cssproperty [--portal-space-xs=0.25rem] - Smallest spacing.
 * @cssproperty [--portal-font-size-heading=1.375rem] - The element's heading.
 * @cssproperty [--portal-font-size-section=1.0625rem] - Section and dialog headings.
 * @cssproperty [--portal-font-size-small=0.875rem] - Hints, statuses and table headers.
 * @cssproperty [--portal-target-size=2.75rem] - Smallest height of buttons and fields (touch targets).
 *
 * @cssstate theme-light - Drawn light: the configured theme, or for `auto` the page's declared color scheme.
 * @cssstate theme-dark - Drawn dark: the configured theme, or for `auto` the page's declared color scheme.
 *
 * @event {PortalEvent<'portal-member-added'>} portal-member-added - Someone new joined the team (detail: member).
 * @event {PortalEvent<'portal-member-updated'>} portal-member-updated - A member's role changed (detail: member).
 * @event {PortalEvent<'portal-member-removed'>} portal-member-removed - A member was removed (detail: member).
 */
export class PortalTeam extends PortalElement {
  static override styles = [hostStyles, toolbarStyles, tableStyles];

  /** The customer's type first: members are a team's; an individual customer's role is only nominal. */
  readonly #customer = this.watch((scope) => this.#allowed && customerResource(scope));
  readonly #members = this.watch((scope) => this.#allowed && this.#customer.value?.data?.type === 'team' && membersResource(scope));
  /** One action at a time (`invite`, `role:<id>`, `confirm`), each outcome at its place. */
  readonly #actions = new ActionController(this, () => this.t);
  readonly #modal = new ModalController(this, {
    // A removed member's row is gone: the search box is where to go on from.
    fallback: () => this.renderRoot.querySelector<HTMLElement>('#team-q'),
    busy: () => this.#actions.busy === 'confirm',
  });
  readonly #table = new TableView<Member, Member, SortKey>(
    (m) => m,
    (key, collator) =>
      key === 'role'
        ? (a, b) => ROLE_RANK.indexOf(a.role) - ROLE_RANK.indexOf(b.role) || collator.compare(nameOf(a), nameOf(b))
        : key === 'joined'
          ? (a, b) => a.created_at.localeCompare(b.created_at) || collator.compare(nameOf(a), nameOf(b))
          : (a, b) => collator.compare(nameOf(a), nameOf(b)) || collator.compare(a.email, b.email),
    (m, needle) => searchText(m).includes(needle),
  );

  @state() private email = '';
  @state() private inviteRole: MemberRole = 'member';
  @state() private query = '';
  @state() private sort: TableSort<SortKey> = { key: 'name', dir: 1 };
  @state() private page = 0;
  /** The confirmation open: removing a member, or handing the owner role to one. */
  @state() private confirming: { kind: 'remove' | 'owner'; member: Member } | undefined;

  /** Member sessions with the owner or billing_manager role; the server refuses everyone else. */
  get #allowed(): boolean {
    const s = this.session;
    return s?.status === 'signed-in' && s.user?.type === 'member' && s.user.role !== 'member';
  }

  get #isOwner(): boolean {
    return this.session?.user?.role === 'owner';
  }

  #isSelf = (m: Member) => m.email.toLowerCase() === this.session?.user?.email.toLowerCase();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#table.update(this.#members.value?.data, this.sort, this.resolvedLocale, this.query);
  }

  #handleInvite(event: Event): void {
    event.preventDefault();
    const scope = this.scope;
    if (!scope || this.#actions.busy) return;
    const email = this.email.trim();
    const { emails, invalid } = parseEmails(email);
    if (emails.length !== 1 || invalid.length) {
      this.#actions.fail('invite', email ? this.t.emailInvalid : this.t.emailRequired);
      this.focusNext('#invite-email');
      return;
    }
    void this.#actions.run('invite', async () => {
      const { member, existed } = await addMember(scope, email, this.inviteRole);
      this.email = '';
      // Already on the team: nothing was done, and the address typed was likely a mistake.
      if (existed) return this.#actions.fail('invite', this.t.teamDone('existed', nameOf(member)));
      this.#actions.succeed('invite', this.t.teamDone('added', nameOf(member)));
      this.emit('portal-member-added', { member });
    });
  }

  #handleRole(member: Member, select: HTMLSelectElement): void {
    const role = select.value as MemberRole;
    // The select shows the member's role until Polar has changed it.
    select.value = member.role;
    if (role === 'owner') {
      this.confirming = { kind: 'owner', member };
      return;
    }
    void this.#changeRole(member, role, `role:${member.id}`);
  }

  async #changeRole(member: Member, role: MemberRole, at: string): Promise<void> {
    const scope = this.scope;
    let updated: Member | undefined;
    if (!scope || !(await this.#actions.run(at, async () => (updated = await updateMember(scope, member.id, role))))) return;
    this.#modal.close();
    this.#actions.succeed(`role:${member.id}`, this.t.teamRoleChanged(nameOf(updated!), this.t.role(updated!.role)));
    this.focusNext(`select[data-id="${member.id}"]`);
    this.emit('portal-member-updated', { member: updated! });
  }

  #handleConfirm(): void {
    const c = this.confirming;
    const scope = this.scope;
    if (!c || !scope) return;
    if (c.kind === 'owner') return void this.#changeRole(c.member, 'owner', 'confirm');
    void this.#actions.run('confirm', () => removeMember(scope, c.member.id)).then((done) => {
      if (!done) return;
      this.#modal.close();
      this.#actions.succeed('list', this.t.teamDone('removed', nameOf(c.member)));
      this.emit('portal-member-removed', { member: c.member });
    });
  }

  #setSort(key: SortKey): void {
    this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : 1 };
    this.page = 0;
  }

  protected override render() {
    const t = this.t;
    const gate = this.gate(t.teamSignedOut);
    if (gate) return gate;
    const customer = this.#customer.value;
    // Polar refuses members of an individual customer (403): member management is for teams only.
    const individual = !!customer?.data && customer.data.type !== 'team';
    if (!this.#allowed || individual) return html`<p class="hint" part="empty">${t.teamNotAvailable(individual)}</p>`;
    return html`<section part="base" aria-labelledby="team-h">
      ${this.heading(t.teamHeading, 'team-h')}
      ${customer?.data
        ? html`${this.#renderInvite()}
            ${resourceView(t, this.#members.value, { ready: () => this.#renderMembers(), retry: () => this.#members.retry() })}`
        : resourceView(t, customer, { ready: () => nothing, retry: () => this.#customer.retry() })}
      ${this.#renderConfirm()}
    </section>`;
  }

  #roleOptions(role: MemberRole) {
    // Only the owner may hand over the owner role (member/service.py `update`).
    const roles = this.#isOwner ? ROLE_RANK : ROLE_RANK.slice(1);
    return roles.map((r) => html`<option value=${r} ?selected=${r === role}>${this.t.role(r)}</option>`);
  }

  #renderInvite() {
    const t = this.t;
    const busy = this.#actions.busy === 'invite';
    return html`<form part="form" novalidate aria-labelledby="invite-h" @submit=${this.#handleInvite}>
      <h3 aria-level=${this.level(1)} id="invite-h">${t.teamInviteHeading}</h3>
      <div class="row">
        <div class="field grow">
          <label for="invite-email">${t.emailLabel}</label>
          <input id="invite-email" type="email" autocomplete="off" .value=${this.email} aria-describedby="invite-outcome"
            @input=${(e: Event) => {
              this.email = (e.target as HTMLInputElement).value;
              this.#actions.clear('invite');
            }} />
        </div>
        <div class="field">
          <label for="invite-role">${t.teamColumns[1]}</label>
          <select id="invite-role" @change=${(e: Event) => (this.inviteRole = (e.target as HTMLSelectElement).value as MemberRole)}>
            ${ROLE_RANK.slice(1).map((r) => html`<option value=${r} ?selected=${r === this.inviteRole}>${t.role(r)}</option>`)}
          </select>
        </div>
        <button class="primary" part="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? t.saving : t.teamInvite}</button>
      </div>
      <div id="invite-outcome">${this.#actions.outcomeAt('invite')}</div>
    </form>`;
  }

  #renderMembers() {
    const t = this.t;
    const view = this.#table.view;
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    const page = Math.min(this.page, pages - 1);
    const shown = view.slice(page * PAGE, page * PAGE + PAGE);
    return html`
      <div class="row">
        ${searchField('team-q', t.teamSearch, this.query, 'team-shown', (query) => {
          this.query = query;
          this.page = 0;
        })}
      </div>
      <p class="hint" id="team-shown" role="status">${t.shownOf(page * PAGE + 1, page * PAGE + shown.length, view.length)}</p>
      ${this.#actions.outcomeAt('list')}
      <div class="wrap">
        <table part="list" aria-describedby="team-shown">
          <thead>
            <tr>
              ${sortHeader(t.teamColumns[0], 'name', this.sort, (k) => this.#setSort(k))}
              ${sortHeader(t.teamColumns[1], 'role', this.sort, (k) => this.#setSort(k))}
              ${sortHeader(t.teamJoined, 'joined', this.sort, (k) => this.#setSort(k))}
              <th scope="col"><span class="visually-hidden">${t.teamColumns[2]}</span></th>
            </tr>
          </thead>
          <tbody>
            ${shown.map((m) => this.#renderMember(m))}
          </tbody>
        </table>
      </div>
      ${pager(t, t.teamHeading, page + 1, pages, (p) => {
        this.page = p - 1;
        this.focusNext('tbody tr:first-child [data-first]');
      })}`;
  }

  #renderMember(m: Member) {
    const t = this.t;
    const who = nameOf(m);
    // The owner's role and membership are fixed (one owner); yours are not yours to change.
    const fixed = this.#isSelf(m) || m.role === 'owner';
    return html`<tr part="item">
      <td data-label=${t.teamColumns[0]}>
        <div data-first tabindex="-1">${who}${this.#isSelf(m) ? ` ${t.teamYou}` : ''}</div>
        ${m.name ? html`<div class="hint">${m.email}</div>` : nothing}
        ${this.#actions.outcomeAt(`role:${m.id}`)}
      </td>
      <td data-label=${t.teamColumns[1]}>
        ${fixed
          ? t.role(m.role)
          : html`<select data-id=${m.id} aria-label=${t.forWho(t.teamColumns[1], who)} ?disabled=${this.#actions.busy === `role:${m.id}`}
              @change=${(e: Event) => this.#handleRole(m, e.target as HTMLSelectElement)}>
              ${this.#roleOptions(m.role)}
            </select>`}
      </td>
      <td data-label=${t.teamJoined}>${formatDate(this.resolvedLocale, m.created_at)}</td>
      <td class="actions"><div>
        ${fixed ? nothing : html`<button class="quiet danger" aria-label=${t.forWho(t.remove, who)} @click=${() => (this.confirming = { kind: 'remove', member: m })}>${t.remove}</button>`}
      </div></td>
    </tr>`;
  }

  #renderConfirm() {
    const t = this.t;
    const c = this.confirming;
    if (!c) return nothing;
    const who = nameOf(c.member);
    const remove = c.kind === 'remove';
    const busy = this.#actions.busy === 'confirm';
    return confirmDialog({
      id: 'confirm', title: remove ? t.teamRemoveHeading : t.teamOwnerHeading, body: remove ? t.teamRemoveBody(who) : t.teamOwnerBody(who),
      confirm: busy ? t.saving : remove ? t.remove : t.teamMakeOwner, cancel: t.cancel, danger: remove, busy,
      outcome: this.#actions.outcomeAt('confirm'), onConfirm: () => this.#handleConfirm(), onCancel: () => this.#modal.close(),
      onClose: () => {
        this.confirming = undefined;
        this.#actions.clear('confirm');
      },
    });
  }

}

definePortalElement('portal-team', PortalTeam);

declare global {
  interface HTMLElementTagNameMap {
    'portal-team': PortalTeam;
  }
}
