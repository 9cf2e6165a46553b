// Renders docs/elements.md from custom-elements.json: every element's attributes, events,
// parts, slots and custom properties. The tables are never written by hand.
// `node scripts/docs.mjs` writes the file; `node scripts/docs.mjs --check` fails if it is stale.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const table = (head, rows) =>
  rows.length ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''] : [];

const lines = ['# Elements', '', 'Generated from `custom-elements.json` by `scripts/docs.mjs`. Do not edit.', ''];
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));
for (const el of elements) {
  lines.push(`## \`<${el.tagName}>\``, '', cell(el.summary), '');
  if (el.description) lines.push(el.description.trim(), '');
  lines.push(
    ...table(
      ['attribute', 'property', 'type', 'default', 'description'],
      (el.attributes ?? []).map((a) => [`\`${a.name}\``, a.fieldName ?? '', a.type?.text ?? '', a.default ?? '', a.description]),
    ),
    ...table(['event', 'type', 'description'], (el.events ?? []).map((e) => [`\`${e.name}\``, e.type?.text ?? '', e.description])),
    ...table(['part', 'description'], (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description])),
    ...table(['slot', 'description'], (el.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description])),
    ...table(
      ['custom property', 'default', 'description'],
      (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.default ?? '', p.description]),
    ),
    ...table(['state', 'description'], (el.cssStates ?? []).map((s) => [`\`:state(${s.name})\``, s.description])),
  );
}
const text = lines.join('\n');

if (process.argv.includes('--check')) {
  if (readFileSync('docs/elements.md', 'utf8') !== text) {
    console.error('docs/elements.md is out of date: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('docs/elements.md is up to date.');
} else {
  writeFileSync('docs/elements.md', text);
}
