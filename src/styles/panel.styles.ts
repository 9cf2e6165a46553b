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
  .pair {
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  }
  li {
    border-bottom: 1px solid var(--_border);
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
