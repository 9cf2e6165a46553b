// Writes the framework declarations (dist/types/frameworks/*.d.ts) from custom-elements.json,
// so React, Vue and Svelte check every portal-* tag's props and events against the same
// manifest editors read. Run by `npm run build` after tsc has written dist/types.
// Types come from the element classes themselves (HTMLElementTagNameMap[tag][field]) and from
// PortalEvent<name>; the manifest says which names exist.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const out = new URL('../dist/types/frameworks/', import.meta.url);

/** @type {{tag: string, props: {name: string, attribute?: string, description?: string}[], events: {name: string, description?: string}[]}[]} */
const elements = manifest.modules
  .flatMap((/** @type {any} */ mod) => mod.declarations ?? [])
  .filter((/** @type {any} */ d) => d.customElement && d.tagName)
  .map((/** @type {any} */ d) => {
    const attributeOf = new Map((d.attributes ?? []).filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]));
    const props = (d.members ?? [])
      .filter((m) => m.kind === 'field' && !m.static && !m.readonly && !m.inheritedFrom && (!m.privacy || m.privacy === 'public'))
      .map((m) => ({ name: m.name, attribute: attributeOf.get(m.name), description: m.description }));
    return { tag: d.tagName, props, events: d.events ?? [] };
  })
  .sort((a, b) => a.tag.localeCompare(b.tag));

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs (npm run build). Do not edit.\n';
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** One interface per element, keyed by tag, with `line(member)` for each prop or event. */
function byTag(name, comment, members) {
  const body = elements
    .map((el) => {
      const lines = members(el);
      return `  '${el.tag}': {${lines.length ? `\n${lines.join('')}  ` : ''}};\n`;
    })
    .join('');
  return `${doc(comment, '')}export interface ${name} {\n${body}}\n`;
}

const propType = (tag, prop) => `HTMLElementTagNameMap['${tag}']['${prop}']`;

const shared = `${HEADER}import type { PortalEvent } from '../events/portal-event.js';
import type {} from '../index.js';

${byTag('PortalElementProperties', 'Each element\'s settable properties, by tag (camelCase, as the element class names them).', (el) =>
  el.props.map((p) => `${doc(p.description, '    ')}    ${key(p.name)}?: ${propType(el.tag, p.name)};\n`),
)}
${byTag('PortalElementAttributes', 'Each element\'s attributes, by tag, as HTML spells them (kebab-case), for server-rendered markup.', (el) =>
  el.props.filter((p) => p.attribute && p.attribute !== p.name).map((p) => `${doc(p.description, '    ')}    '${p.attribute}'?: ${propType(el.tag, p.name)};\n`),
)}
${byTag('PortalElementEvents', 'The portal-* events each element dispatches, by tag. All bubble and cross shadow roots.', (el) =>
  el.events.map((e) => `${doc(e.description, '    ')}    '${e.name}': PortalEvent<'${e.name}'>;\n`),
)}
export type PortalTag = keyof PortalElementProperties;
`;

// React 19 sets a prop as a property when the element has it, and adds `on<event>` functions as
// listeners for exactly <event> (react-dom's setPropOnCustomElement), so the handler names keep
// the event's own spelling.
const react = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PortalElementAttributes, PortalElementEvents, PortalElementProperties, PortalTag } from './elements.js';

/** \`on<event>\` for each portal-* event the element dispatches. */
export type PortalReactEvents<T extends PortalTag> = {
  [K in keyof PortalElementEvents[T] & string as \`on\${K}\`]?: (event: PortalElementEvents[T][K]) => void;
};

/** What JSX accepts on a portal-* tag: HTML attributes, the element's properties and attributes, its events. */
export type PortalReactProps<T extends PortalTag> = DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[T]>, HTMLElementTagNameMap[T]> &
  PortalElementProperties[T] &
  PortalElementAttributes[T] &
  PortalReactEvents<T>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((el) => `      '${el.tag}': PortalReactProps<'${el.tag}'>;\n`).join('')}    }
  }
}
`;

// Vue compiles @portal-x-y to an onPortalXY prop and, for a custom element, listens to
// portal-x-y; vue-tsc checks both against GlobalComponents.
const vue = `${HEADER}import type { DefineComponent } from 'vue';
import type { PortalElementEvents, PortalElementProperties } from './elements.js';

${byTag('PortalVueEvents', 'Each element\'s events as Vue\'s on<Event> props (what @portal-… compiles to).', (el) =>
  el.events.map((e) => `    on${pascal(e.name)}?: (event: PortalElementEvents['${el.tag}']['${e.name}']) => void;\n`),
)}
declare module 'vue' {
  interface GlobalComponents {
${elements.map((el) => `    '${el.tag}': DefineComponent<PortalElementProperties['${el.tag}'] & PortalVueEvents['${el.tag}']>;\n`).join('')}  }
}
`;

// Svelte 5 sets a prop as a property when the element has it, and treats on<event> attributes
// as listeners for exactly <event>.
const svelte = `${HEADER}import type { HTMLAttributes } from 'svelte/elements';
import type { PortalElementAttributes, PortalElementEvents, PortalElementProperties, PortalTag } from './elements.js';

/** \`on<event>\` for each portal-* event the element dispatches. */
export type PortalSvelteEvents<T extends PortalTag> = {
  [K in keyof PortalElementEvents[T] & string as \`on\${K}\`]?: (event: PortalElementEvents[T][K]) => void;
};

export type PortalSvelteProps<T extends PortalTag> = HTMLAttributes<HTMLElementTagNameMap[T]> &
  PortalElementProperties[T] &
  PortalElementAttributes[T] &
  PortalSvelteEvents<T>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements.map((el) => `    '${el.tag}': PortalSvelteProps<'${el.tag}'>;\n`).join('')}  }
}
`;

mkdirSync(out, { recursive: true });
for (const [file, text] of Object.entries({ 'elements.d.ts': shared, 'react.d.ts': react, 'vue.d.ts': vue, 'svelte.d.ts': svelte })) {
  writeFileSync(new URL(file, out), text);
}
console.log(`framework types: ${elements.length} elements -> dist/types/frameworks/{elements,react,vue,svelte}.d.ts`);
