import { css } from 'lit';

export const seatsStyles = css`
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  /* The counts (in use, total, available); the seat-count dialog keeps its own amounts. */
  .summary dl {
    display: flex;
    gap: var(--_space);
    margin: 0 auto 0 0;
  }
  .summary dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .summary dd {
    font-size: 1.25em;
    font-weight: 600;
  }
  table {
    table-layout: fixed;
  }
  th:first-child {
    width: 34%;
  }
  td {
    overflow-wrap: anywhere;
  }
  .pill {
    border: 1px solid var(--_border);
    border-radius: 1em;
    padding: 0 0.5em;
    font-size: 0.875em;
    white-space: nowrap;
  }
  .claimed {
    color: var(--_primary);
    border-color: currentColor;
  }
  .revoking {
    color: var(--_danger);
    border-color: currentColor;
  }
  .revoked,
  td + td {
    color: var(--_muted);
  }
  .results {
    max-height: 12rem;
    overflow: auto;
  }
  .results .invalid,
  .results .noSeat,
  .results .failed {
    color: var(--_danger);
  }
  textarea {
    resize: vertical;
  }
`;
