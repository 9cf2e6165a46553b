import { css } from 'lit';

/** The search and filter row above a table (seats, team), and the invite form's row. */
export const toolbarStyles = css`
  .row {
    align-items: end;
    gap: var(--_space-s) var(--_space);
  }
  .grow {
    flex: 1 1 14rem;
  }
`;
