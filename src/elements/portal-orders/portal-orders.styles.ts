import { css } from 'lit';

export const portalOrdersStyles = css`
  :host {
    --_gap: var(--portal-orders-gap, var(--_space));
  }
`;
