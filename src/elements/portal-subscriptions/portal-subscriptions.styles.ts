import { css } from 'lit';

export const subscriptionsStyles = css`
  :host {
    --_gap: var(--portal-subscriptions-gap, var(--_space));
  }
  [part~='list'] {
    display: grid;
    gap: var(--_gap);
  }
  .item,
  [part~='detail'] {
    display: grid;
    gap: var(--_space-s);
  }
  .item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    justify-content: space-between;
  }
  [part~='detail'] {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space-s);
  }
  s {
    color: var(--_muted);
  }
  /* The grants and orders inside a subscription's detail: sections of it, not a page's elements. */
  portal-benefits,
  portal-orders {
    --portal-font-size-heading: var(--_section);
  }
  summary {
    cursor: pointer;
    padding-block: 0.625rem;
  }
`;
