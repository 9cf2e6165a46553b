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
    font-size: var(--_small);
  }
  .summary dd {
    font-size: var(--_section);
    font-weight: 600;
    text-align: start;
  }
  th:first-child {
    width: 34%;
  }
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
