import { css } from 'lit';

/**
 * Sections, amounts, badges and dialogs of `<portal-billing>` and `<portal-orders>`.
 * Each element sets `--_gap` from its own public token.
 */
export const panelStyles = css`
  [part~='base'],
  form,
  fieldset,
  section,
  dialog {
    display: grid;
    gap: var(--_gap);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
  }
  .pair {
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem var(--_space);
    margin: 0;
  }
  dd {
    margin: 0;
  }
  .row,
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-bottom: 1px solid var(--_border);
  }
  .badge {
    border: 1px solid currentColor;
    border-radius: 1em;
    padding: 0 0.5em;
    font-size: 0.85em;
  }
  .pending {
    color: var(--_danger);
  }
  .embed {
    border: 0;
    width: 100%;
    height: 0;
    display: block;
  }
  a {
    color: var(--_primary);
  }
`;
