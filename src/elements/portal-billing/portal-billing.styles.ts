import { css } from 'lit';

export const portalBillingStyles = css`
  :host {
    --_gap: var(--portal-billing-gap, var(--_space));
  }
`;
