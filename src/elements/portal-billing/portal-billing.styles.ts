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
`;
