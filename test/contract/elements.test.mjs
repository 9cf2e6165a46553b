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

/** Every module of src/ with the relative modules it imports (type-only imports included). */
function importGraph() {
  const graph = new Map();
  for (const file of readdirSync('src', { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    const path = join('src', file);
    const text = readFileSync(path, 'utf8');
    const deps = [...text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.[^']+)'|import\s+'(\.[^']+)'/g)]
      .map((m) => join(path, '..', (m[1] ?? m[2]).replace(/\.js$/, '.ts')));
    graph.set(path, deps);
  }
  return graph;
}

test('src/ has no import cycles', () => {
  const graph = importGraph();
  const done = new Set();
  const walk = (node, trail) => {
    const at = trail.indexOf(node);
    assert.equal(at, -1, `import cycle: ${[...trail.slice(at), node].join(' → ')}`);
    if (done.has(node)) return;
    for (const dep of graph.get(node) ?? []) walk(dep, [...trail, node]);
    done.add(node);
  };
  for (const node of graph.keys()) walk(node, []);
});

test('elements reach the API only through src/state/: no client calls, no cache keys', () => {
  for (const file of readdirSync('src/elements', { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join('src/elements', file), 'utf8');
    // Without the client and the cache an element cannot hold a cache key either.
    assert.doesNotMatch(text, /\.api\.|\.resources\.|\.load\(\)|state\/keys\.js/, `${file} uses the API or the cache itself`);
  }
});

test('no element file is much above 400 lines', () => {
  for (const file of readdirSync('src/elements', { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    const lines = readFileSync(join('src/elements', file), 'utf8').split('\n').length;
    assert.ok(lines <= 440, `${file} has ${lines} lines: split it along its jobs`);
  }
});

test('package.json points editors and framework tools at the published manifest', async () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'));
  assert.equal(pkg.exports['./package.json'], './package.json');
  const { default: config } = await import('../../custom-elements-manifest.config.mjs');
  assert.equal(config.packagejson, false, 'the analyzer must not rewrite customElements');
});
