import { css } from 'lit';

/** The subscription-change dialog (`SubscriptionChange`), in whichever element opens it. */
export const subscriptionChangeStyles = css`
  dialog form,
  dialog fieldset {
    display: grid;
    gap: var(--_space-s);
  }
  dialog h2 {
    font-size: 1.25em;
  }
  dialog h4 {
    font-size: 0.95em;
    margin-top: var(--_space-s);
  }
  /* Over the layout of the element it opens in (seats lays its rows and counts out otherwise). */
  dialog .row {
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
  }
  dialog dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  dialog .strong {
    font-weight: 600;
  }
  .choice {
    font-weight: 400;
    display: flex;
    gap: var(--_space-s);
    align-items: baseline;
  }
  input[type='number'] {
    width: 6em;
    text-align: center;
  }
  .warning {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: var(--_space-s);
  }
`;
