import { css } from 'lit';

/** The subscription-change dialog (`SubscriptionChange`), in whichever element opens it. */
export const subscriptionChangeStyles = css`
  dialog form,
  dialog fieldset {
    gap: var(--_space-s);
  }
  dialog h4 {
    margin-top: var(--_space-s);
  }
  /* Over the layout of the element it opens in (seats lays its rows and counts out otherwise). */
  dialog .row {
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
  }
  dialog .row input {
    width: 6em;
    text-align: center;
  }
  dialog .row button {
    min-width: var(--_target);
  }
  [part~='quote'] dl {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space-s);
  }
  .warning {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: var(--_space-s);
  }
`;
