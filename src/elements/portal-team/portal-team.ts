import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { definePortalElement } from '../../internal/define.js';
import { errorMessage } from '../../internal/error-message.js';
import { PortalElement } from '../../internal/portal-element.js';
import { resourceView } from '../../internal/resource-view.js';
import { pager } from '../../internal/templates.js';
import { addMember, membersResource, removeMember, updateMember, type Member, type MemberList, type MemberRole } from '../../state/members.js';
import { parseEmails } from '../../state/seats.js';
import { hostStyles } from '../../styles/host.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { toolbarStyles } from '../../styles/toolbar.styles.js';

const ROLES: MemberRole[] = ['member', 'billing_manager'];

/**
 * @summary The team's members and their roles, for the team's owner and billing managers:
 * invite by email with a role, change a role, remove a member.
 * @tag portal-team
 * @status stable
 * @since 0.1
 *
 * Polar's rules show before any request: one owner (the owner's role is fixed and the owner
 * cannot be removed), nobody changes their own role or removes themselves. Customer
 * sessions and plain members get a one-line explanation and nothing else.
 *
 * @csspart base - The wrapper.
 * @csspart form - The invite form.
 * @csspart submit - Its button and the remove confirmation.
 * @csspart body - The members, once loaded.
 * @csspart list - The members table.
 * @csspart item - One member row.
 * @csspart pager - Previous / next page.
 * @csspart status - Confirmations.
 * @csspart spinner - Loading indicator.
 * @csspart error - Load errors.
 * @csspart empty - The explanation for users who cannot manage the team.
 *
 * @cssproperty [--portal-font-family=inherit] - Font of all text.
 * @cssproperty [--portal-color-text=#1b1d22] - Body text.
 * @cssproperty [--portal-color-text-muted=#555b69] - Hints and secondary text.
 * @cssproperty [--portal-color-surface=#ffffff] - Inputs and dialogs.
 * @cssproperty [--portal-color-border=#c9cdd5] - Borders and table rules.
 * @cssproperty [--portal-color-primary=#0057e0] - Primary buttons.
 * @cssproperty [--portal-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--portal-color-danger=#b3001b] - Errors.
 * @cssproperty [--portal-color-focus=#0057e0] - Focus rings.
 * @cssproperty [--portal-radius-m=0.5rem] - Corner radius.
 * @cssproperty [--portal-space-m=1rem] - Spacing.
 * @cssproperty [--portal-space-s=0.5rem] - Small spacing.
 *
 * @cssstate theme-light - The configured theme is light.
 * @cssstate theme-dark - The configured theme is dark.
 *
 * @event {PortalEvent<'portal-member-added'>} portal-member-added - Someone new joined the team (detail: member).
 * @event {PortalEvent<'portal-member-updated'>} portal-member-updated - A member's role changed (detail: member).
 * @event {PortalEvent<'portal-member-removed'>} portal-member-removed - A member was removed (detail: member).
 */
export class PortalTeam extends PortalElement {
  static override styles = [hostStyles, toolbarStyles, tableStyles];

  readonly #members = this.watch((scope) => this.#allowed && membersResource(scope, this.page));
  readonly #modal = new ModalController(this, {
    fallback: () => this.renderRoot.querySelector<HTMLElement>('#invite-email'),
    busy: () => this.busy === 'remove',
  });

  @state() private page = 1;
  @state() private email = '';
  @state() private inviteRole: MemberRole = 'member';
  @state() private inviteError = '';
  @state() private notice = '';
  @state() private rowNote: { id: string; text: string; error?: boolean } | undefined;
  /** What is in flight: a member id (role change), `invite` or `remove`. */
  @state() private busy = '';
  @state() private removing: Member | undefined;
  @state() private dialogError = '';

  /** Member sessions with the owner or billing_manager role; the server refuses everyone else. */
  get #allowed(): boolean {
    const s = this.session;
    return s?.status === 'signed-in' && s.user?.type === 'member' && s.user.role !== 'member';
  }

  #who = (m: Member) => m.name || m.email;
  #isSelf = (m: Member) => m.email.toLowerCase() === this.session?.user?.email.toLowerCase();

  async #handleInvite(event: Event): Promise<void> {
    event.preventDefault();
    const scope = this.scope;
    if (!scope || this.busy) return;
    const email = this.email.trim();
    const { emails, invalid } = parseEmails(email);
    if (emails.length !== 1 || invalid.length) {
      this.inviteError = this.t.emailInvalid;
      return;
    }
    this.busy = 'invite';
    this.inviteError = '';
    try {
      const { member, existed } = await addMember(scope, email, this.inviteRole);
      this.email = '';
      this.notice = this.t.teamDone(existed ? 'existed' : 'added', this.#who(member));
      if (!existed) this.emit('portal-member-added', { member });
    } catch (error) {
      this.inviteError = errorMessage(this.t, error);
    } finally {
      this.busy = '';
    }
  }

  async #handleRole(member: Member, select: HTMLSelectElement): Promise<void> {
    const scope = this.scope;
    const role = select.value as MemberRole;
    if (!scope || this.busy) {
      select.value = member.role;
      return;
    }
    this.busy = member.id;
    try {
      const updated = await updateMember(scope, member.id, role);
      this.#setNote(member.id, this.t.teamRoleChanged(this.#who(updated), this.t.role(updated.role)));
      this.emit('portal-member-updated', { member: updated });
    } catch (error) {
      select.value = member.role;
      this.#setNote(member.id, errorMessage(this.t, error), true);
    } finally {
      this.busy = '';
    }
  }

  #handleAskRemove(member: Member): void {
    this.removing = member;
    this.dialogError = '';
  }

  async #handleRemove(event: Event): Promise<void> {
    event.preventDefault();
    const scope = this.scope;
    const member = this.removing;
    if (!scope || !member || this.busy) return;
    this.busy = 'remove';
    try {
      await removeMember(scope, member.id);
      this.busy = '';
      this.#modal.close();
      this.notice = this.t.teamDone('removed', this.#who(member));
      this.emit('portal-member-removed', { member });
    } catch (error) {
      this.dialogError = errorMessage(this.t, error);
    } finally {
      this.busy = '';
    }
  }

  #setNote(id: string, text: string, error = false): void {
    this.rowNote = { id, text, error };
    this.notice = text;
  }

  protected override render() {
    const t = this.t;
    const gate = this.gate(t.teamSignedOut);
    if (gate) return gate;
    const state = this.#members.value;
    // Polar answers 403 for individual customers: member management is for teams only.
    const refused = !state?.data && state?.error?.status === 403;
    if (!this.#allowed || refused) {
      return html`<p class="hint" part="empty">${t.teamNotAvailable(refused)}</p>`;
    }
    return html`<div part="base">
      ${this.#renderInvite()}
      ${resourceView(t, state, { ready: (d) => this.#renderMembers(d), retry: () => this.#members.retry() })}
      <p role="status" class="status" part="status">${this.notice}</p>
      ${this.#renderRemove()}
    </div>`;
  }

  #renderRoleOptions(role: MemberRole) {
    return ROLES.map((r) => html`<option value=${r} ?selected=${r === role}>${this.t.role(r)}</option>`);
  }

  #renderInvite() {
    const t = this.t;
    return html`<form part="form" novalidate aria-labelledby="invite-h" @submit=${this.#handleInvite}>
      <h2 id="invite-h">${t.teamInviteHeading}</h2>
      <div class="row">
        <div class="field grow">
          <label for="invite-email">${t.emailLabel}</label>
          <input
            id="invite-email"
            type="email"
            autocomplete="off"
            .value=${this.email}
            aria-invalid=${this.inviteError ? 'true' : 'false'}
            aria-describedby="invite-error"
            @input=${(e: Event) => {
              this.email = (e.target as HTMLInputElement).value;
              this.inviteError = '';
            }}
          />
        </div>
        <div class="field">
          <label for="invite-role">${t.teamColumns[1]}</label>
          <select id="invite-role" @change=${(e: Event) => (this.inviteRole = (e.target as HTMLSelectElement).value as MemberRole)}>
            ${this.#renderRoleOptions(this.inviteRole)}
          </select>
        </div>
        <button class="primary" part="submit" aria-disabled=${this.busy === 'invite' ? 'true' : 'false'}>${t.teamInvite}</button>
      </div>
      <p id="invite-error" class="error">${this.inviteError}</p>
    </form>`;
  }

  #renderMembers(list: MemberList) {
    const t = this.t;
    const pages = list.pagination.max_page;
    return html`<div class="wrap">
        <table part="list">
          <thead>
            <tr>
              ${t.teamColumns.map((c) => html`<th scope="col">${c}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${list.items.map((m) => this.#renderMember(m))}
          </tbody>
        </table>
      </div>
      ${pager(t, t.teamColumns[0], this.page, pages, (p) => (this.page = p))}`;
  }

  #renderMember(m: Member) {
    const t = this.t;
    const who = this.#who(m);
    // The owner's role and membership are fixed (one owner); yours are not yours to change.
    const fixed = this.#isSelf(m) || m.role === 'owner';
    const note = this.rowNote?.id === m.id ? this.rowNote : undefined;
    return html`<tr part="item">
      <td>
        <div>${who} ${this.#isSelf(m) ? t.teamYou : ''}</div>
        ${m.name ? html`<div class="hint">${m.email}</div>` : nothing}
        ${note ? html`<p class=${note.error ? 'error' : 'status'}>${note.text}</p>` : nothing}
      </td>
      <td>
        ${fixed
          ? t.role(m.role)
          : html`<select
              aria-label=${t.forWho(t.teamColumns[1], who)}
              ?disabled=${this.busy === m.id}
              @change=${(e: Event) => this.#handleRole(m, e.target as HTMLSelectElement)}
            >
              ${this.#renderRoleOptions(m.role)}
            </select>`}
      </td>
      <td>
        ${fixed ? nothing : html`<button aria-label=${t.forWho(t.remove, who)} @click=${() => this.#handleAskRemove(m)}>${t.remove}</button>`}
      </td>
    </tr>`;
  }

  #renderRemove() {
    const t = this.t;
    if (!this.removing) return nothing;
    const who = this.#who(this.removing);
    return html`<dialog id="remove" aria-labelledby="remove-h" aria-describedby="remove-p" @close=${() => (this.removing = undefined)}>
      <form novalidate @submit=${this.#handleRemove}>
        <h2 id="remove-h">${t.teamRemoveHeading}</h2>
        <p id="remove-p">${t.teamRemoveBody(who)}</p>
        <p role="alert" class="error">${this.dialogError}</p>
        <div class="actions">
          <button class="primary" part="submit" aria-disabled=${this.busy === 'remove' ? 'true' : 'false'}>${t.remove}</button>
          <button type="button" @click=${() => this.#modal.close()}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }
}

definePortalElement('portal-team', PortalTeam);

declare global {
  interface HTMLElementTagNameMap {
    'portal-team': PortalTeam;
  }
}
