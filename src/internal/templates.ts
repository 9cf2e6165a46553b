// Small templates every element shows the same way.
import { html, nothing } from 'lit';
import type { Translation } from '../i18n/translation.js';

/** The loading status: a spinner and its announced label. */
export const spinner = (label: string) =>
  html`<p class="status" role="status" part="spinner"><span class="spinner" aria-hidden="true"></span> ${label}</p>`;

/** A message in `role=alert`, hidden while there is none. */
export const alert = (text: string | false | undefined) =>
  html`<p class="alert" role="alert" part="error" ?hidden=${!text}>${text || ''}</p>`;

/** Previous / page N of M / Next under a table (`page` counts from 1); nothing for one page. */
export const pager = (t: Translation, label: string, page: number, pages: number, go: (page: number) => void) =>
  pages > 1
    ? html`<nav class="pager" part="pager" aria-label=${label}>
        <button type="button" ?disabled=${page <= 1} @click=${() => go(page - 1)}>${t.previous}</button>
        <span aria-live="polite">${t.pageOf(page, pages)}</span>
        <button type="button" ?disabled=${page >= pages} @click=${() => go(page + 1)}>${t.next}</button>
      </nav>`
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

/** One row of amounts in a `<dl>`; `strong` for what is paid. */
export const amountRow = (label: unknown, amount: unknown, strong?: boolean) =>
  html`<dt class=${strong ? 'strong' : ''}>${label}</dt><dd class=${strong ? 'strong' : ''}>${amount}</dd>`;

/** A radio button or checkbox inside its label. */
export const choice = (type: 'radio' | 'checkbox', name: string, checked: boolean, change: (e: Event) => void, label: unknown) =>
  html`<label class="choice"><input type=${type} name=${name} .checked=${checked} @change=${change} /> ${label}</label>`;

/** A titled list of benefit descriptions (Polar's text, rendered as text); nothing when empty. */
export const benefitList = (title: string, benefits: { description: string }[]) =>
  benefits.length ? html`<h4>${title}</h4><ul class="hint">${benefits.map((b) => html`<li>${b.description}</li>`)}</ul>` : nothing;
