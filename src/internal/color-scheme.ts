/**
 * `theme: auto` is the scheme of the page an element sits on, as the page declares it: the
 * `color-scheme` computed where the element is placed (set on `:root` or any ancestor), else
 * `<meta name="color-scheme">`. Only `dark` gives dark; `light dark` follows the visitor's
 * system; `light`, or nothing declared (most shops), gives light. A page's own dark-mode switch
 * and a change of the system's scheme are followed.
 */
export type Scheme = 'light' | 'dark';

export const systemDark = () => matchMedia('(prefers-color-scheme: dark)');

/** The scheme the page declares where `element` sits. */
export function pageScheme(element: Element): Scheme {
  const place = element.parentElement ?? (element.getRootNode() as ShadowRoot).host ?? document.documentElement;
  const computed = getComputedStyle(place).colorScheme;
  const declared = computed && computed !== 'normal' ? computed : (document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '');
  const words = declared.split(/[\s,]+/);
  return words.includes('dark') && (!words.includes('light') || systemDark().matches) ? 'dark' : 'light';
}
