// Entry of the classic script (dist/portal-elements.js): everything index.ts does, but no
// exports, so the script defines no global of its own; window.PolarPortal is its only handle.
import './index.js';
