// Finds things the way a person or a screen reader does: by label, by button name, by role.

function roots(root: Element | ShadowRoot | Document): (Element | ShadowRoot | Document)[] {
  const all: (Element | ShadowRoot | Document)[] = [root];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) all.push(...roots(element.shadowRoot));
  }
  return all;
}

function queryAllDeep<T extends Element>(root: Element | ShadowRoot | Document, selector: string): T[] {
  return roots(root).flatMap((r) => [...r.querySelectorAll<T>(selector)]);
}

const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

function isVisible(element: Element): boolean {
  return !!(element as HTMLElement).offsetParent || getComputedStyle(element).position === 'fixed';
}

/** The form control whose <label> reads `label` (exactly, or starting with it). */
export function field(root: Element | Document, label: string): HTMLInputElement {
  for (const element of queryAllDeep<HTMLLabelElement>(root, 'label')) {
    const name = text(element);
    if (name === label || name.startsWith(label)) {
      const control = element.control as HTMLInputElement | null;
      if (control && isVisible(control)) return control;
    }
  }
  throw new Error(`No visible field labelled "${label}"`);
}

/** The visible button whose accessible text is `name` (exactly, or starting with it). */
export function button(root: Element | Document, name: string | RegExp): HTMLButtonElement {
  const match = (value: string) => (typeof name === 'string' ? value === name || value.startsWith(name) : name.test(value));
  const found = queryAllDeep<HTMLButtonElement>(root, 'button').find(
    (element) => isVisible(element) && match(element.getAttribute('aria-label') ?? text(element)),
  );
  if (!found) throw new Error(`No visible button named ${String(name)}`);
  return found;
}

export function maybeButton(root: Element | Document, name: string | RegExp): HTMLButtonElement | undefined {
  try {
    return button(root, name);
  } catch {
    return undefined;
  }
}

/** Visible text of the elements with `role` (alert, status, ...). */
export function roleText(root: Element | Document, role: string): string {
  return queryAllDeep(root, `[role="${role}"]`)
    .filter(isVisible)
    .map(text)
    .join(' ');
}

export { text as textOf };
