import { css } from 'lit';

/** Headings, rows of fields and buttons, and forms of the list elements (seats, team). */
export const toolbarStyles = css`
  h2 {
    font-size: 1.15em;
  }
  .row {
    align-items: end;
    gap: var(--_space-s) var(--_space);
    margin-block: var(--_space-s);
  }
  .grow {
    flex: 1 1 14rem;
  }
  form {
    display: grid;
    gap: var(--_space-s);
  }
`;
