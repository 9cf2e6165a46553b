/**
 * `theme: auto` is the scheme of the page an element sits on, as the page declares it: the
 * `color-scheme` computed where the element is placed (set on `:root` or any ancestor), else
 * `<meta name="color-scheme">`. Only `dark` gives dark; `light dark` follows the visitor's
 * system; `light`, or nothing declared (most shops), gives light. A page's own dark-mode switch
 * and a change of the system's scheme are followed.
 */
export type Scheme = 'light' | 'dark';

const systemDark = () => matchMedia('(prefers-color-scheme: dark)');

/** The scheme the page declares where `element` sits. */
export function pageScheme(element: Element): Scheme {
  const place = element.parentElement ?? (element.getRootNode() as ShadowRoot).host ?? document.documentElement;
  const computed = getComputedStyle(place).colorScheme;
  const declared = computed && computed !== 'normal' ? computed : (document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '');
  const words = declared.split(/[\s,]+/);
  return words.includes('dark') && (!words.includes('light') || systemDark().matches) ? 'dark' : 'light';
}

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;
let frame = 0;

/** Tells every listener, once a frame at most, that the page's scheme may have changed. */
function changed(): void {
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    for (const listener of listeners) listener();
  });
}

/**
 * Calls `listener` when the page's or the system's scheme may have changed: a class, style or
 * data attribute anywhere in the document (a site's theme toggle), a `color-scheme` meta tag.
 * Returns the way to stop. One observer serves every element.
 */
export function watchScheme(listener: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(changed);
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['class', 'style', 'content', 'data-theme', 'data-color-scheme'] });
    systemDark().addEventListener('change', changed);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
