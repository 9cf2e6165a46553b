import { html, nothing } from 'lit';
import type { Translation } from '../../i18n/translation.js';
import { formatBytes, formatDate, formatNumber } from '../../internal/format.js';
import { amountRow, pill } from '../../internal/templates.js';
import { accountsOf, platformOf, type Downloadable, type Grant, type LicenseKey, type LicenseKeyRead, type Platform } from '../../state/benefits.js';

/** What a grant's body needs from `<portal-benefits>`: data, state, and the actions. */
export interface GrantView {
  t: Translation;
  locale: string;
  key(id: string): LicenseKeyRead | undefined;
  /** The key whose activations are open, once loaded. */
  activations: LicenseKey | undefined;
  openActivations: string | undefined;
  files(benefitId: string): Downloadable[] | undefined;
  shownKeys: ReadonlySet<string>;
  /** The account chosen in a grant's picker, by grant id. */
  chosen: Readonly<Record<string, string>>;
  /** The platform whose account is being connected in another tab. */
  connecting: Platform | undefined;
  email: string;
  busy(at: string): boolean;
  outcome(at: string): unknown;
  toggleKey(id: string): void;
  toggleActivations(id: string): void;
  copy(text: string, at: string): void;
  rotate(lk: LicenseKeyRead): void;
  deactivate(lk: LicenseKeyRead, activationId: string, label: string): void;
  download(d: Downloadable): void;
  choose(g: Grant, accountId: string): void;
  request(g: Grant, accountId: string | null): void;
  connect(g: Grant, platform: Platform): void;
  slack(g: Grant, email: string): void;
}

/** `https://…` links in a note become links; everything else stays text. No HTML from the API reaches the DOM. */
export function linkified(text: string) {
  return text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/).map((part, i) => (i % 2 ? html`<a href=${part} rel="noopener noreferrer" target="_blank">${part}</a>` : part));
}

/** The body of one grant, by its benefit's type. */
export function grantBody(v: GrantView, g: Grant) {
  const p = g.properties as Record<string, string | undefined>;
  const b = g.benefit.properties as Record<string, unknown>;
  switch (g.benefit.type) {
    case 'license_keys':
      return licenseKey(v, p.license_key_id ? v.key(p.license_key_id) : undefined);
    case 'downloadables':
      return files(v, g, (b.active_files as string[] | undefined) ?? []);
    case 'github_repository':
    case 'discord':
      return access(v, g, platformOf(g)!);
    case 'slack_shared_channel':
      return slack(v, g, p);
    case 'custom':
      return b.note ? html`<p class="note">${linkified(String(b.note))}</p>` : nothing;
    case 'meter_credit':
      return p.last_credited_units ? html`<p>${v.t.credits(formatNumber(v.locale, Number(p.last_credited_units)), formatDate(v.locale, p.last_credited_at))}</p>` : nothing;
    case 'feature_flag':
      return html`<p>${v.t.flagOn}</p>`;
  }
  return nothing;
}

function licenseKey(v: GrantView, lk: LicenseKeyRead | undefined) {
  if (!lk) return nothing;
  const { t, locale } = v;
  const shown = v.shownKeys.has(lk.id);
  const open = v.openActivations === lk.id;
  const active = v.activations?.id === lk.id ? v.activations.activations : undefined;
  const facts = t.keyFacts;
  const date = (iso: string | null | undefined) => formatDate(locale, iso) || t.never;
  return html`
    <div class="row">
      <code class="key">${shown ? lk.key : lk.display_key}</code>
      <button type="button" aria-pressed=${shown ? 'true' : 'false'} @click=${() => v.toggleKey(lk.id)}>${t.keyShow}</button>
      <button type="button" @click=${() => v.copy(lk.key, `key:${lk.id}`)}>${t.copy}</button>
      <button type="button" class="quiet danger" ?hidden=${lk.status === 'revoked'} @click=${() => v.rotate(lk)}>${t.rotateKey}</button>
    </div>
    ${v.outcome(`key:${lk.id}`)}
    <dl class="facts">
      ${amountRow(facts[0], pill(t.keyStatus(lk.status), lk.status === 'granted' ? 'good' : 'bad', 'key-status'))}
      ${amountRow(facts[1], date(lk.expires_at))}
      ${lk.limit_activations ? amountRow(facts[2], active ? t.ofLimit(active.length, lk.limit_activations) : t.upTo(lk.limit_activations)) : nothing}
      ${lk.limit_usage ? amountRow(facts[3], t.ofLimit(lk.usage, lk.limit_usage)) : nothing}
      ${amountRow(facts[4], lk.validations)} ${amountRow(facts[5], date(lk.last_validated_at))}
    </dl>
    ${lk.limit_activations
      ? html`<details ?open=${open} @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open !== open && v.toggleActivations(lk.id)}>
          <summary>${facts[2]}</summary>
          ${open && !active ? html`<p class="status">${t.loading}</p>` : nothing}
          <ul class="lines">
            ${(active ?? []).map(
              (a) => html`<li class="row spread">
                <span>${a.label} <span class="hint">${formatDate(locale, a.created_at)}</span></span>
                <button type="button" class="quiet danger" aria-label=${t.forWho(t.deactivate, a.label)} @click=${() => v.deactivate(lk, a.id, a.label)}>${t.deactivate}</button>
              </li>`,
            )}
          </ul>
        </details>`
      : nothing}
  `;
}

function files(v: GrantView, g: Grant, active: string[]) {
  const { t, locale } = v;
  const list = v.files(g.benefit_id);
  if (!list) return html`<p class="status">${t.loading}</p>`;
  // Active files first, in the benefit's order; files the customer kept from before, after.
  const rank = (d: Downloadable) => (active.includes(d.file.id) ? active.indexOf(d.file.id) : active.length);
  return html`<ul class="lines">
    ${[...list].sort((a, b) => rank(a) - rank(b)).map(
      (d) => html`<li class="file">
        <span><span class="strong">${d.file.name}</span>
          ${active.includes(d.file.id) ? nothing : pill(t.earlierVersion, '', 'file-status')}<br />
          <span class="hint">${[formatBytes(locale, d.file.size), d.file.version].filter(Boolean).join(' · ')}</span></span>
        <span class="row">
          <button type="button" class="quiet" aria-label=${t.forWho(t.copyChecksum, d.file.name)} ?hidden=${!d.file.checksum_sha256_hex}
            @click=${() => v.copy(d.file.checksum_sha256_hex ?? '', `file:${d.id}`)}>${t.copyChecksum}</button>
          <button type="button" aria-label=${t.forWho(t.download, d.file.name)} aria-disabled=${v.busy(`file:${d.id}`) ? 'true' : 'false'}
            @click=${() => v.download(d)}>${t.download}</button>
        </span>
        ${v.outcome(`file:${d.id}`)}
      </li>`,
    )}
  </ul>`;
}

/** GitHub repository and Discord: the invitation, or the account to send it to. */
function access(v: GrantView, g: Grant, platform: Platform) {
  const { t } = v;
  const p = g.properties as { account_id?: string | null; granted_account_id?: string };
  const b = g.benefit.properties as { repository_owner?: string; repository_name?: string; guild_id?: string };
  const at = `grant:${g.id}`;
  const busy = v.busy(at);
  if (g.granted_at && p.granted_account_id && !g.error) {
    const repo = `${b.repository_owner}/${b.repository_name}`;
    const url = platform === 'github' ? `https://github.com/${repo}/invitations` : `https://discord.com/channels/${b.guild_id}`;
    return html`<div class="row">
        <a class="button primary" href=${url} target="_blank" rel="noopener noreferrer">${t.openInvite(platform === 'github' ? repo : 'Discord')}</a>
        <button type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => v.request(g, null)}>${t.newInvite}</button>
      </div>
      ${v.outcome(at)}`;
  }
  const accounts = accountsOf(g, platform);
  const chosen = v.chosen[g.id] ?? accounts[0]?.account_id;
  const id = `acct-${g.id}`;
  return html`
    ${accounts.length
      ? html`<div class="row bottom">
          <div class="field"><label for=${id}>${t.accountLabel(platform)}</label>
            <select id=${id} @change=${(e: Event) => v.choose(g, (e.target as HTMLSelectElement).value)}>
              ${accounts.map((a) => html`<option value=${a.account_id} ?selected=${a.account_id === chosen}>${a.account_username}</option>`)}
            </select></div>
          <button type="button" class="primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => chosen && v.request(g, chosen)}>${busy ? t.working : t.requestInvite}</button>
        </div>`
      : nothing}
    <div class="row"><button type="button" class=${accounts.length ? 'quiet' : 'primary'} @click=${() => v.connect(g, platform)}>${t.connectAccount(platform)}</button></div>
    ${v.connecting === platform ? html`<p class="status" role="status">${t.connecting}</p>` : nothing}
    ${v.outcome(at)}
  `;
}

function slack(v: GrantView, g: Grant, p: Record<string, string | undefined>) {
  const { t } = v;
  const at = `grant:${g.id}`;
  if (p.connected_team_id) return html`<p>${t.slackConnected(p.channel_name ?? '')}</p>`;
  const id = `slack-${g.id}`;
  const busy = v.busy(at);
  return html`
    ${p.invite_url
      ? html`<p>${t.slackSentTo(p.invited_email ?? '')}</p>
          <div class="row"><a class="button primary" href=${p.invite_url} target="_blank" rel="noopener noreferrer">${t.slackOpen}</a></div>`
      : nothing}
    <form class="row bottom" novalidate @submit=${(e: Event) => {
      e.preventDefault();
      v.slack(g, ((e.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement).value.trim());
    }}>
      <div class="field grow"><label for=${id}>${t.slackEmail}</label>
        <input id=${id} name="email" type="email" autocomplete="email" .value=${p.invited_email ?? v.email} /></div>
      <button class=${p.invite_url ? '' : 'primary'} aria-disabled=${busy ? 'true' : 'false'}>${busy ? t.working : t.slackSend}</button>
    </form>
    ${v.outcome(at)}
  `;
}
