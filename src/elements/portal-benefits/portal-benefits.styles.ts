import { css } from 'lit';

export const benefitsStyles = css`
  [part~='list'] {
    display: grid;
    gap: var(--_space-s);
  }
  h4 {
    font-size: var(--_section);
  }
  .key {
    font-family: ui-monospace, Menlo, monospace;
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
    overflow-wrap: anywhere;
  }
  .facts {
    font-size: var(--_small);
  }
  .lines li,
  .file {
    border-top: 1px solid var(--_border);
    padding-block: var(--_space-xs);
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space-s);
  }
  .bottom {
    align-items: end;
  }
  .grow {
    flex: 1 1 14rem;
  }
  .note {
    white-space: pre-line;
  }
  a:not(.button) {
    color: var(--_primary);
  }
  summary {
    cursor: pointer;
    padding-block: 0.625rem;
  }
`;
