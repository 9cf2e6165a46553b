import { css } from 'lit';

/** The subscription-change dialog (`SubscriptionChange`), in whichever element opens it. */
export const subscriptionChangeStyles = css`
  dialog form,
  dialog fieldset {
    display: grid;
    gap: var(--_space-s);
  }
  dialog fieldset {
    border: none;
    margin: 0;
    padding: 0;
  }
  dialog h2,
  dialog h4,
  dialog p {
    margin: 0;
  }
  dialog h2 {
    font-size: 1.25em;
  }
  dialog h4 {
    font-size: 0.95em;
    margin-top: var(--_space-s);
  }
  dialog .row,
  dialog .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  dialog dl {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15rem var(--_space);
    margin: 0;
  }
  dialog dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  dialog .strong {
    font-weight: 600;
  }
  dialog ul {
    margin: 0;
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
