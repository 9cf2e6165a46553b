import { css } from 'lit';

export const portalOrdersStyles = css`
  :host {
    --_gap: var(--portal-orders-gap, var(--_space));
  }
  /* What a one-time order gave: a section of its detail. */
  portal-benefits {
    --portal-font-size-heading: var(--_section);
  }
  /* Fixed column widths: the table keeps its shape from page to page. */
  .orders th:nth-child(1) {
    width: 44%;
  }
  .orders th:nth-child(2) {
    width: 22%;
  }
  /* An order's items: the label takes the room, the amount what it needs. */
  article th:first-child {
    width: 70%;
  }
  .orders td:first-child .quiet {
    padding-inline: 0;
    text-align: start;
    justify-content: start;
  }
`;
