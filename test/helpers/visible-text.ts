// Reads what a person sees, and what a screen reader says, in every element on the page: text
// in shadow and light DOM, values of fields, and accessible names. Finds words that only a
// bug puts on screen ("false", "undefined", "[object Object]", a raw translation key), and
// English on a page in another language. Hidden text counts too: a narrower or wider screen,
// or a closed disclosure, shows it to someone.
import { en } from '../../src/i18n/en.js';

const LEAKS = /\b(?:false|true|undefined|null|NaN)\b|\[object \w+\]/;
const KEYS = new Set(Object.keys(en));
const NAMED = ['aria-label', 'title', 'placeholder', 'alt'];

/** Every piece of text a user may meet, with the element it sits in. */
function* readable(root: Node): Generator<[text: string, where: Element]> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (parent && text && !['STYLE', 'SCRIPT'].includes(parent.tagName)) yield [text, parent];
      continue;
    }
    if (!(node instanceof Element)) continue; // the root itself: a shadow root or the document
    const element = node;
    for (const name of NAMED) {
      const value = element.getAttribute(name);
      if (value) yield [value, element];
    }
    if (((element instanceof HTMLInputElement && element.type !== 'hidden') || element instanceof HTMLTextAreaElement) && element.value) {
      yield [element.value, element];
    }
    if (element.shadowRoot) yield* readable(element.shadowRoot);
  }
}

/** "<tag>: text" for everything on screen under `root` that no correct render shows. */
export function leakedText(root: Node = document.body): string[] {
  const found: string[] = [];
  for (const [text, where] of readable(root)) {
    if (LEAKS.test(text) || KEYS.has(text)) {
      const host = (where.getRootNode() as ShadowRoot).host ?? where.closest('[class]') ?? where;
      found.push(`<${host.tagName.toLowerCase()}> ${where.tagName.toLowerCase()}: ${JSON.stringify(text)}`);
    }
  }
  return found;
}

/**
 * English's fixed messages, each with at least two words ("Cancel subscription", "Sign out"):
 * on a page in another language, one of them on screen is a message some element did not
 * translate. (Single words like "Status" or "Plan" are the same in several languages; what
 * Polar sends, product names say, stays in the merchant's words and never matches a whole message.)
 */
const ENGLISH = new Set(
  Object.values(en)
    .flatMap((value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []))
    .filter((text) => /\s/.test(text.trim())),
);

/** "<tag>: text" for every English message under `root`. */
export function englishText(root: Node = document.body): string[] {
  const found: string[] = [];
  for (const [text, where] of readable(root)) {
    const english = [...ENGLISH].find((message) => text === message || (message.split(' ').length > 2 && text.includes(message)));
    if (english) {
      const host = (where.getRootNode() as ShadowRoot).host ?? where.closest('[class]') ?? where;
      found.push(`<${host.tagName.toLowerCase()}> ${where.tagName.toLowerCase()}: ${JSON.stringify(text)}`);
    }
  }
  return found;
}
