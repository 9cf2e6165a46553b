import { css } from 'lit';

/**
 * The lists and frames of `<portal-billing>` and `<portal-orders>`. Each element sets `--_gap`
 * from its own public token.
 */
export const panelStyles = css`
  [part~='base'],
  section {
    gap: var(--_gap);
  }
  li {
    border-bottom: 1px solid var(--_border);
    padding-block: var(--_space-xs);
  }
  a:not(.button) {
    color: var(--_primary);
  }
`;
