import { css } from 'lit';
import { controls, keyframes, tokens } from '../../styles/tokens.js';

/**
 * Scoped to `portal-login` by nesting: the element renders in light DOM (see its docs), where a
 * page's own rules reach it, as a CMS theme's `label { text-transform: uppercase }` or
 * `.entry-content button { box-shadow: … }` do. So every rule here weighs an ID more than the
 * page's usual ones (`:is()` weighs as its heaviest argument, `#\#`, and matches as `*`), and first
 * takes the element's own parts back to the browser's defaults (`all: revert`; custom
 * properties, our tokens, are not part of `all`). A page still styles it through --portal-*.
 */
export const loginStyles = css`
  ${keyframes}
  portal-login:is(#\\#, *) {
    * {
      all: revert;
    }
    color-scheme: light;
    &:state(theme-dark) {
      color-scheme: dark;
    }
    ${tokens}
    ${controls}

    display: block;
    max-width: var(--portal-login-max-width, 24rem);
    line-height: 1.5;

    h2 {
      font-size: var(--_heading);
      line-height: 1.25;
      margin: 0;
    }
    form,
    .portal-login,
    fieldset,
    .signed-in {
      display: grid;
      gap: var(--_space-s);
    }
    form {
      gap: var(--_space);
    }
    p {
      margin: 0;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: var(--_space-s);
      font-weight: 400;
      padding: var(--_space-s);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    .code {
      font-family: ui-monospace, Menlo, monospace;
      font-size: 1.35em;
      letter-spacing: 0.3em;
      text-transform: uppercase;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s) var(--_space);
      align-items: center;
    }
    .signed-in {
      justify-items: start;
    }
  }
`;

/** Light-DOM rules must live in the root that contains the element: the document or a host's shadow root. */
export function adoptLoginStyles(element: Element): void {
  const root = element.getRootNode() as Document | ShadowRoot;
  const sheet = loginStyles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
