import { css } from 'lit';

/**
 * The one table look: seats, team, orders and an order's items, with `pager()`. The element is
 * a size container: below 36rem of its own width (a phone, or a narrow column on a wide screen)
 * each row of a list table (`part="list"`) becomes a card whose cells carry their column's name
 * (`data-label`), and the header becomes a row of sort buttons. Short tables (an order's items)
 * stay tables.
 */
export const tableStyles = css`
  :host {
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_space-s);
    border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  th {
    font-size: var(--_small);
    color: var(--_muted);
    vertical-align: bottom;
  }
  /* First and last cells line up with what is above and below the table. */
  th:first-child,
  td:first-child {
    padding-inline-start: 0;
  }
  th:last-child,
  td:last-child {
    padding-inline-end: 0;
  }
  /* A cell stays a cell (its row's rule stays straight): the buttons' row is inside it. */
  td.actions > div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    justify-content: end;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th .sort {
    border: 0;
    background: none;
    padding: 0;
    min-height: 0;
    font-weight: 600;
    color: inherit;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: end;
    gap: var(--_space-s);
  }
  @container (max-width: 36rem) {
    [part~='list'],
    [part~='list'] :is(tbody, tr, td) {
      display: block;
    }
    [part~='list'] thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s) var(--_space);
    }
    [part~='list'] th {
      border: 0;
      padding: 0;
      width: auto !important;
    }
    [part~='list'] :is(th:empty, th:has(.visually-hidden)) {
      display: none;
    }
    /* Column names without sorting: each cell says its own (data-label); screen readers keep them. */
    [part~='list'] thead:not(:has(.sort)) {
      position: absolute;
      clip-path: inset(50%);
      width: 1px;
      height: 1px;
      overflow: hidden;
    }
    th .sort {
      min-height: var(--_target);
    }
    [part~='list'] tbody {
      display: grid;
      gap: var(--_space-s);
    }
    [part~='list'] tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space-s) var(--_space);
    }
    [part~='list'] td {
      border: 0;
      padding: var(--_space-xs) 0;
      text-align: start;
    }
    [part~='list'] td[data-label]:not(:first-child)::before {
      content: attr(data-label) ':';
      margin-inline-end: var(--_space-xs);
      color: var(--_muted);
      font-size: var(--_small);
    }
    td.actions > div {
      justify-content: start;
    }
    .pager {
      justify-content: space-between;
    }
  }
`;
