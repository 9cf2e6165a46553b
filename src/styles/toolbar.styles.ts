import { css } from 'lit';

/** Headings, rows of fields and buttons, and forms of the list elements (seats, team). */
export const toolbarStyles = css`
  p,
  h2 {
    margin: 0;
  }
  h2 {
    font-size: 1.15em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-s) var(--_space);
    margin-block: var(--_space-s);
  }
  .grow {
    flex: 1 1 14rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  form {
    display: grid;
    gap: var(--_space-s);
  }
`;
