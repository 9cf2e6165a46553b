import { css } from 'lit';

/** Tables, inputs, pager and dialogs shared by `<portal-seats>` and `<portal-team>`. */
export const tableStyles = css`
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
  .wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_space-s);
    border-bottom: 1px solid var(--_border);
  }
  td button,
  .pager button {
    padding: 0.2rem 0.6rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: end;
    gap: var(--_space);
    margin-block-start: var(--_space-s);
  }
  form {
    display: grid;
    gap: var(--_space-s);
  }
`;
