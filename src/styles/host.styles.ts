import { css } from 'lit';
import { controls, keyframes, layout, tokens } from './tokens.js';

/** First in every shadow-DOM element's `static styles`: tokens, theme states, controls and layout. */
export const hostStyles = css`
  ${keyframes}
  :host {
    ${tokens}
    display: block;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  :host {
    color-scheme: light;
  }
  :host(:state(theme-dark)) {
    color-scheme: dark;
  }
  ${controls}
  ${layout}
`;
