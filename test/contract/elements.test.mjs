// The public styling and documentation contract of every element, read from the source and
// from custom-elements.json (which CI checks is fresh): tokens, private variables, docs, tests.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })))
  .filter((declaration) => declaration.customElement);

const read = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((file) => String(file).endsWith('.ts'))
    .map((file) => readFileSync(join(dir, String(file)), 'utf8'))
    .join('\n');
const shared = read('src/styles');
const names = (text, pattern) => new Set([...text.matchAll(pattern)].map((match) => match[1]));

test('every element is documented, registered under its folder name, and tested', () => {
  assert.ok(elements.length >= 2);
  for (const element of elements) {
    assert.ok(element.summary, `${element.tagName} has a @summary`);
    assert.equal(element.path, `src/elements/${element.tagName}/${element.tagName}.ts`, `${element.tagName} lives in its own folder`);
    const file = `test/elements/${element.tagName}.test.ts`;
    if (element.tagName !== 'portal-provider') assert.ok(existsSync(file), `${file} exists`);
  }
});

test('every --portal-* token an element reads is documented with @cssproperty', () => {
  for (const element of elements) {
    const own = read(`src/elements/${element.tagName}`);
    const usesShared = /from '\.\.\/\.\.\/styles\//.test(own);
    const read_ = names(own + (usesShared ? shared : ''), /var\((--portal-[\w-]+)/g);
    const documented = new Set((element.cssProperties ?? []).map((property) => property.name));
    for (const token of read_) assert.ok(documented.has(token), `${element.tagName} documents ${token}`);
    for (const token of documented) assert.ok(read_.has(token), `${element.tagName} documents ${token}, which it does not read`);
  }
});

test('private --_* variables are defined before use and never defined in vain', () => {
  const all = shared + read('src/elements');
  const defined = names(all, /(--_[\w-]+)\s*:/g);
  const used = names(all, /var\((--_[\w-]+)/g);
  for (const name of used) assert.ok(defined.has(name), `${name} is used but never defined`);
  for (const name of defined) assert.ok(used.has(name), `${name} is defined but never used`);
});
