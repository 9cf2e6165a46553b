import { css } from 'lit';

/**
 * Reads the public `--portal-*` tokens (set by the host page anywhere above the element)
 * into private `--_*` variables, with light and dark defaults. Elements use only the private
 * ones, so a page themes every element from `:root` without reaching inside. These are
 * declarations: each element places them in its own scope (`:host`, or `portal-login` for
 * the light-DOM login). The `theme-light`/`theme-dark` states override `color-scheme`.
 */
export const tokens = css`
  --_font: var(--portal-font-family, inherit);
  --_text: var(--portal-color-text, light-dark(#1b1d22, #eceef2));
  --_muted: var(--portal-color-text-muted, light-dark(#555b69, #a9afbb));
  --_surface: var(--portal-color-surface, light-dark(#ffffff, #17181c));
  --_border: var(--portal-color-border, light-dark(#c9cdd5, #40444f));
  --_primary: var(--portal-color-primary, light-dark(#0057e0, #5b95ff));
  --_on-primary: var(--portal-color-on-primary, light-dark(#ffffff, #0b1020));
  --_danger: var(--portal-color-danger, light-dark(#b3001b, #ff7a8a));
  --_focus: var(--portal-color-focus, light-dark(#0057e0, #8fb5ff));
  --_radius: var(--portal-radius-m, 0.5rem);
  --_space: var(--portal-space-m, 1rem);
  --_space-s: var(--portal-space-s, 0.5rem);

  color-scheme: light dark;
  font-family: var(--_font);
  color: var(--_text);
`;

/**
 * Fields, buttons, messages and the spinner, shared by every element. Shadow roots use the
 * rules as they are; the light-DOM login nests them inside `portal-login { }`.
 */
export const controls = css`
  [hidden] {
    display: none !important;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.65rem;
    min-width: 0;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.55rem 1rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-primary);
    font-weight: 600;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    border-radius: var(--_radius);
    padding: 0.55rem 1rem;
    border: 1px solid var(--_border);
    color: var(--_text);
    text-decoration: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button.link {
    border: none;
    background: none;
    padding: 0.25rem 0;
    color: var(--_primary);
    text-decoration: underline;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .alert {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space);
    color: var(--_danger);
  }
  .status {
    color: var(--_muted);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: portal-spin 0.8s linear infinite;
    vertical-align: -0.15em;
  }
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    width: min(34rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;

/** Keyframes cannot nest inside a rule: every stylesheet that uses the spinner adds these. */
export const keyframes = css`
  @keyframes portal-spin {
    to {
      transform: rotate(1turn);
    }
  }
`;

/**
 * The layout every shadow-DOM element starts from: no stray margins, plain lists and fieldsets,
 * rows of controls that wrap, amount lists in two columns, status badges. Elements add only
 * what is theirs.
 */
export const layout = css`
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15rem var(--_space);
    margin: 0;
  }
  dd {
    margin: 0;
  }
  .row,
  .actions,
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .badge {
    font-size: 0.8em;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.6em;
  }
`;
