import { css } from 'lit';

export const portalBillingStyles = css`
  :host {
    --_gap: var(--portal-billing-gap, var(--_space));
  }
  /* The email reads like the fields below it: its name over its value. */
  .email {
    grid-template-columns: 1fr;
  }
  .email dt {
    font-weight: 600;
  }
  .email dd {
    text-align: start;
  }

  /* The email change: a panel of its own, apart from the billing form below. */
  .email-change {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .balance {
    font-size: var(--_heading);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
