import { systemDark } from './color-scheme.js';

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;
let frame = 0;

/** Tells every listener, once a frame at most, that the page may have changed. */
function changed(): void {
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    for (const listener of listeners) listener();
  });
}

/**
 * Calls `listener` when what the page declares for its elements may have changed: its scheme
 * (a class, style or data attribute anywhere, a site's theme toggle; a `color-scheme` meta
 * tag; the system's scheme) or its language (a `lang` anywhere; the browser's languages).
 * Returns the way to stop. One observer serves every element.
 */
export function watchPage(listener: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(changed);
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['class', 'style', 'content', 'data-theme', 'data-color-scheme', 'lang'] });
    systemDark().addEventListener('change', changed);
    addEventListener('languagechange', changed);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
