import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import type { ResourceState } from '../state/resource.js';
import { errorMessage } from './error-message.js';
import { spinner } from './templates.js';

export interface ResourceViewOptions<T> {
  ready: (data: T) => TemplateResult | typeof nothing;
  retry: () => void;
  /** When true for the data, `empty` renders instead of `ready`. */
  isEmpty?: (data: T) => boolean;
  empty?: () => TemplateResult;
}

/**
 * The four states every data-bearing element shows the same way: loading, error with retry,
 * empty, ready. Data already on screen stays while it refreshes or after a failed refresh.
 */
export function resourceView<T>(t: Translation, state: ResourceState<T> | undefined, options: ResourceViewOptions<T>) {
  const data = state?.data;
  const error = state?.error
    ? html`<div class="alert" role="alert" part="error">
        <span>${errorMessage(t, state.error)}</span>
        <button type="button" @click=${options.retry}>${t.retry}</button>
      </div>`
    : nothing;
  if (data === undefined) {
    if (state?.error) return error;
    return spinner(t.loading);
  }
  const body =
    options.isEmpty?.(data) && options.empty
      ? html`<div part="empty"><slot name="empty">${options.empty()}</slot></div>`
      : options.ready(data);
  return html`${error}<div part="body" aria-busy=${state?.loading ? 'true' : 'false'}>${body}</div>`;
}
