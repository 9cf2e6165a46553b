import { css } from 'lit';

export const subscriptionsStyles = css`
  :host {
    --_gap: var(--portal-subscriptions-gap, var(--_space));
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.05em;
  }
  h4 {
    font-size: 0.95em;
    margin-top: var(--_space-s);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  [part~='body'],
  .item,
  [part~='detail'] {
    display: grid;
    gap: var(--_space-s);
  }
  .item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
  }
  .head,
  .actions,
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .head {
    justify-content: space-between;
  }
  .badge {
    font-size: 0.8em;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.6em;
  }
  .badge.past_due,
  .badge.unpaid {
    color: var(--_danger);
  }
  s {
    color: var(--_muted);
  }
  dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15rem var(--_space);
    margin: 0;
  }
  dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .strong {
    font-weight: 600;
  }
  details > summary {
    cursor: pointer;
    margin-block: var(--_space-s);
  }
`;
