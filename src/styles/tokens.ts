import { css } from 'lit';

/**
 * The kit's one visual language. Public `--portal-*` tokens (set by the page anywhere above an
 * element) are read into private `--_*` variables with light and dark defaults; the rules below
 * use only the private ones, so a page themes every element from `:root` without reaching
 * inside. `light-dark()` follows the `color-scheme` each element sets from its theme (for
 * `auto`, the page's declared scheme: internal/color-scheme.ts). These are declarations: each element places them in its own scope (`:host`, or
 * `portal-login` for the light-DOM login). README "Theming" lists the public names.
 */
export const tokens = css`
  --_font: var(--portal-font-family, inherit);
  --_text: var(--portal-color-text, light-dark(#1b1d22, #eceef2));
  --_muted: var(--portal-color-text-muted, light-dark(#555b69, #a9afbb));
  --_surface: var(--portal-color-surface, light-dark(#ffffff, #17181c));
  --_subtle: var(--portal-color-surface-muted, light-dark(#f3f4f7, #22242a));
  --_border: var(--portal-color-border, light-dark(#c9cdd5, #40444f));
  --_primary: var(--portal-color-primary, light-dark(#0057e0, #5b95ff));
  --_on-primary: var(--portal-color-on-primary, light-dark(#ffffff, #0b1020));
  --_danger: var(--portal-color-danger, light-dark(#b3001b, #ff7a8a));
  --_on-danger: var(--portal-color-on-danger, light-dark(#ffffff, #1a0508));
  --_success: var(--portal-color-success, light-dark(#17703a, #5fd08a));
  --_warning: var(--portal-color-warning, light-dark(#8a5300, #f2b45c));
  --_focus: var(--portal-color-focus, light-dark(#0057e0, #8fb5ff));
  --_radius: var(--portal-radius-m, 0.5rem);
  --_space-xs: var(--portal-space-xs, 0.25rem);
  --_space-s: var(--portal-space-s, 0.5rem);
  --_space: var(--portal-space-m, 1rem);
  /* One type scale: element heading, section heading, body (the page's), small. */
  --_heading: var(--portal-font-size-heading, 1.375rem);
  --_section: var(--portal-font-size-section, 1.0625rem);
  --_small: var(--portal-font-size-small, 0.875rem);
  /* Touch targets: WCAG 2.2 asks 24 px at least; 44 px is what fingers need. */
  --_target: var(--portal-target-size, 2.75rem);

  font-family: var(--_font);
  /* Text on the page's own background is the page's; the kit's surfaces set --_text. */
  color: var(--portal-color-text, inherit);
`;

/**
 * Fields, buttons, pills, messages, the spinner, dialogs and Polar's frame, shared by every element. Shadow
 * roots use the rules as they are; the light-DOM login nests them inside `portal-login { }`.
 */
export const controls = css`
  [hidden] {
    display: none !important;
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
    align-content: start;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
  }
  .hint {
    color: var(--_muted);
    font-size: var(--_small);
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
    min-height: var(--_target);
    box-sizing: border-box;
  }
  input[type='number'] {
    appearance: textfield;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  input[readonly] {
    background: var(--_subtle);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  a.button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.5rem 1rem;
    min-height: var(--_target);
    box-sizing: border-box;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-s);
    text-decoration: none;
    line-height: 1.25;
  }
  .primary,
  .danger {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .quiet {
    border-color: transparent;
    background: none;
    padding-inline: 0;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .quiet.danger {
    color: var(--_danger);
    font-weight: 400;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .error {
    color: var(--_danger);
    font-size: var(--_small);
  }
  .alert,
  .done {
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space);
    color: var(--_danger);
  }
  .done {
    border-color: var(--_success);
    color: var(--_success);
  }
  .status {
    color: var(--_muted);
  }
  .pill {
    display: inline-block;
    font-size: var(--_small);
    font-weight: 600;
    line-height: 1.6;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.65em;
    white-space: nowrap;
    color: var(--_muted);
  }
  .pill.good {
    color: var(--_success);
  }
  .pill.warn {
    color: var(--_warning);
  }
  .pill.bad {
    color: var(--_danger);
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
    box-sizing: border-box;
    width: min(34rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    overflow: auto;
    overscroll-behavior: contain;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  /* Polar's payment-method frame: no height until it says its own. */
  .embed {
    border: 0;
    width: 100%;
    height: 0;
    display: block;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
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
 * The layout every shadow-DOM element starts from: the heading sizes of the type scale, no
 * stray margins, plain lists and fieldsets, rows of controls that wrap, amount lists in two
 * columns, sections spaced alike. Elements add only what is theirs.
 */
export const layout = css`
  h1,
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  [part~='heading'] {
    font-size: var(--_heading);
    line-height: 1.25;
  }
  h3,
  dialog h2 {
    font-size: var(--_section);
  }
  h4 {
    font-size: 1em;
  }
  [part~='base'],
  section,
  article,
  form,
  fieldset,
  dialog[open],
  [part~='body'] {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    gap: var(--_space-s);
    min-width: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* A surface of its own: a grant, a meter, an overview card. */
  .card {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space);
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_space-xs) var(--_space);
    margin: 0;
  }
  dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .strong {
    font-weight: 600;
  }
  .row,
  .actions,
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .spread {
    justify-content: space-between;
  }
  .choice {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    font-weight: 400;
    min-height: var(--_target);
  }
  .pair {
    display: grid;
    gap: var(--_space-s) var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    align-items: start;
  }
`;
