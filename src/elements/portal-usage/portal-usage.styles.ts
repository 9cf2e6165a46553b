import { css } from 'lit';

export const usageStyles = css`
  [part~='list'] {
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  h3 {
    font-size: var(--_section);
  }
  .chart {
    display: grid;
    gap: var(--_space-xs);
  }
  svg {
    inline-size: 100%;
    block-size: 0.5rem;
  }
  .track {
    fill: var(--_border);
  }
  .used {
    fill: var(--_primary);
  }
  .beyond {
    fill: var(--_danger);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space);
    margin: 0;
  }
  .figures dt {
    font-size: var(--_small);
    color: var(--_muted);
  }
  .figures div {
    display: grid;
    grid-template-columns: auto;
    gap: 0;
  }
  .figures dd {
    margin: 0;
    text-align: start;
    font-size: var(--_section);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .over dd {
    color: var(--_danger);
  }
`;
