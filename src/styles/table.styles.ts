import { css } from 'lit';

/** The one table look: seats, team, orders and an order's items. Pairs with `pager()`. */
export const tableStyles = css`
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
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th .sort {
    border: none;
    background: none;
    padding: 0;
    font-weight: 600;
  }
  td button,
  .pager button {
    padding: 0.2rem 0.6rem;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: end;
    gap: var(--_space);
    margin-block-start: var(--_space-s);
  }
`;
