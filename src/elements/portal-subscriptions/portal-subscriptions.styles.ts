import { css } from 'lit';

export const subscriptionsStyles = css`
  :host {
    --_gap: var(--portal-subscriptions-gap, var(--_space));
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
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    justify-content: space-between;
  }
  .badge.past_due,
  .badge.unpaid {
    color: var(--_danger);
  }
  s {
    color: var(--_muted);
  }
  dd {
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
