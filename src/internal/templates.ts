// Small templates every element shows the same way.
import { html, nothing } from 'lit';
import type { Translation } from '../i18n/translation.js';

/** The loading status: a spinner and its announced label. */
export const spinner = (label: string) =>
  html`<p class="status" role="status" part="spinner"><span class="spinner" aria-hidden="true"></span> ${label}</p>`;

/** A message in `role=alert`, hidden while there is none. */
export const alert = (text: string | false | undefined) =>
  html`<p class="alert" role="alert" part="error" ?hidden=${!text}>${text || ''}</p>`;

/**
 * Previous / page N of M / Next under a table (`page` counts from 1); nothing for one page.
 * A navigation landmark named `label`, or, inside another element's region (`landmark` false),
 * a group: two landmarks of one name on a page cannot be told apart.
 */
export const pager = (t: Translation, label: string, page: number, pages: number, go: (page: number) => void, landmark = true) =>
  pages > 1
    ? html`<div class="pager" part="pager" role=${landmark ? 'navigation' : 'group'} aria-label=${label}>
        <button type="button" ?disabled=${page <= 1} @click=${() => go(page - 1)}>${t.previous}</button>
        <span aria-live="polite">${t.pageOf(page, pages)}</span>
        <button type="button" ?disabled=${page >= pages} @click=${() => go(page + 1)}>${t.next}</button>
      </div>`
    : nothing;

/**
 * A column header that sorts the table: a button inside the `<th>`, with `aria-sort` on it for
 * screen readers and an arrow for everyone else.
 */
export function sortHeader<K extends string>(label: string, key: K, sort: { key: K; dir: number }, onSort: (key: K) => void) {
  const active = sort.key === key;
  return html`<th scope="col" aria-sort=${active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none'}>
    <button type="button" class="sort" @click=${() => onSort(key)}>${label}<span aria-hidden="true">${active ? (sort.dir > 0 ? ' ↑' : ' ↓') : ''}</span></button>
  </th>`;
}

/** How a status reads at a glance: fine, needs attention, failed; neutral otherwise. */
export type Tone = 'good' | 'warn' | 'bad' | '';

/** A status pill: its words say the status, its colour only repeats them. */
export const pill = (text: string, tone: Tone, part = 'status') => html`<span class="pill ${tone}" part=${part}>${text}</span>`;

/** A confirmation before something that takes something away (remove, revoke) or hands it over. */
export interface ConfirmOptions {
  /** Prefix of the dialog's ids. */
  id: string;
  title: string;
  body?: string;
  /** Said in red under the body: what the customer loses beyond the obvious. */
  warning?: string;
  confirm: string;
  cancel: string;
  danger: boolean;
  busy: boolean;
  /** The action's outcome (its error) inside the dialog. */
  outcome: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  onClose: () => void;
}

/** The confirmation dialog: the safe choice has focus first; the confirm button says what it does. */
export const confirmDialog = (o: ConfirmOptions) =>
  html`<dialog id=${o.id} part="dialog" aria-labelledby="${o.id}-h" aria-describedby="${o.id}-p" @close=${o.onClose}>
    <form novalidate @submit=${(e: Event) => (e.preventDefault(), o.onConfirm())}>
      <h2 id="${o.id}-h">${o.title}</h2>
      <div id="${o.id}-p">${o.body ? html`<p>${o.body}</p>` : nothing}${o.warning ? html`<p class="alert" part="warning">${o.warning}</p>` : nothing}</div>
      ${o.outcome}
      <div class="actions">
        <button class=${o.danger ? 'danger' : 'primary'} part="submit" aria-disabled=${o.busy ? 'true' : 'false'}>${o.confirm}</button>
        <button type="button" autofocus @click=${o.onCancel}>${o.cancel}</button>
      </div>
    </form>
  </dialog>`;

/** The search box above a table; it describes itself with the table's "Showing …" status, `shown`. */
export const searchField = (id: string, label: string, value: string, shown: string, onInput: (value: string) => void) =>
  html`<div class="field grow"><label for=${id}>${label}</label>
    <input id=${id} type="search" .value=${value} aria-describedby=${shown} @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} /></div>`;

/** One row of amounts in a `<dl>`; `strong` for what is paid. */
export const amountRow = (label: unknown, amount: unknown, strong?: boolean) =>
  html`<dt class=${strong ? 'strong' : ''}>${label}</dt><dd class=${strong ? 'strong' : ''}>${amount}</dd>`;

/**
 * A charge, line by line, as Polar's charge and change previews give it: the plan, each
 * proration credit or charge, metered usage, discount, tax, then `total` (what is due).
 */
export function chargeList(
  t: Translation,
  money: (amount: number) => string,
  p: { base_amount: number; prorations: { label: string; amount: number }[]; metered_amount: number; discount_amount: number; tax_amount: number; total_amount: number; applied_balance_amount: number; due_amount: number },
  total: string,
) {
  const line = (name: Parameters<Translation['chargeLine']>[0], amount: number, show = true) => (show ? amountRow(t.chargeLine(name), money(amount)) : nothing);
  const balance = p.applied_balance_amount !== 0;
  return html`<dl>
    ${p.base_amount || !p.prorations.length ? line('base', p.base_amount) : nothing}
    ${p.prorations.map((x) => amountRow(x.label, money(x.amount)))}
    ${line('metered', p.metered_amount, !!p.metered_amount)} ${line('discount', -p.discount_amount, !!p.discount_amount)}
    ${line('tax', p.tax_amount)} ${balance ? html`${line('total', p.total_amount)}${line('balance', p.applied_balance_amount)}` : nothing}
    ${amountRow(total, money(balance ? p.due_amount : p.total_amount), true)}
  </dl>`;
}

/** A radio button or checkbox inside its label. */
export const choice = (type: 'radio' | 'checkbox', name: string, checked: boolean, change: (e: Event) => void, label: unknown) =>
  html`<label class="choice"><input type=${type} name=${name} .checked=${checked} @change=${change} /> ${label}</label>`;

/** A titled list of benefit descriptions (Polar's text, rendered as text); nothing when empty. */
export const benefitList = (title: string, benefits: { description: string }[], level: number | typeof nothing = nothing) =>
  benefits.length ? html`<h4 aria-level=${level}>${title}</h4><ul class="hint">${benefits.map((b) => html`<li>${b.description}</li>`)}</ul>` : nothing;
