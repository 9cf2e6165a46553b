import { css } from 'lit';

export const appStyles = css`
  :host {
    container: portal-app / inline-size;
  }
  .app {
    display: grid;
    gap: var(--_space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space);
    padding-block-end: var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }
  .org {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    font-weight: 600;
    font-size: var(--_section);
  }
  .org img {
    border-radius: 50%;
  }
  /* <portal-login> draws in this shadow root (light DOM, for password managers): one row here. */
  .user {
    flex: 1 1 16rem;
  }
  /* The login's own rules weigh an ID (portal-login.styles.ts); these weigh a class more. */
  .user:is(#\\#, *) .signed-in {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space-xs) var(--_space);
  }
  .card a {
    color: var(--_primary);
  }
  .layout {
    display: grid;
    gap: var(--_space);
    align-items: start;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: none;
    gap: var(--_space-xs);
  }
  nav ul.open {
    display: grid;
    margin-block-start: var(--_space-s);
  }
  nav a {
    display: flex;
    align-items: center;
    min-block-size: var(--_target);
    padding-inline: var(--_space-s);
    border-radius: var(--_radius);
    color: inherit;
    text-decoration: none;
  }
  nav a:hover {
    background: var(--_subtle);
  }
  nav a[aria-current='page'] {
    background: var(--_subtle);
    color: var(--_primary);
    font-weight: 600;
    box-shadow: inset 3px 0 0 var(--_primary);
  }
  .menu {
    inline-size: 100%;
    justify-content: space-between;
  }
  .menu::after {
    content: '▾';
  }
  .menu[aria-expanded='true']::after {
    content: '▴';
  }
  .section {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .section:focus {
    outline: none;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
  }
  .cards:empty {
    display: none;
  }
  .cards .card {
    gap: var(--_space-xs);
  }
  .label {
    font-size: var(--_small);
    color: var(--_muted);
  }
  .amount {
    font-size: var(--_heading);
    font-variant-numeric: tabular-nums;
  }
  @container portal-app (max-width: 30rem) {
    .user .signed-in {
      justify-content: flex-start;
    }
  }
  @container portal-app (min-width: 48rem) {
    .layout {
      grid-template-columns: 13rem minmax(0, 1fr);
    }
    .menu {
      display: none;
    }
    nav ul {
      display: grid;
      position: sticky;
      top: var(--_space);
    }
  }
`;
