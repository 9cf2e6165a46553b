// Prints raw, gzip and brotli bytes of every bundle in dist/ and fails when one is above its
// budget in package.json "sizeBudget" (gzip bytes). Then, for npm users, what each ES entry
// costs with the shared chunks it imports (lit and nanostores excluded: the app shares them).
// Run after `npm run build`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const budgets = pkg.sizeBudget ?? {};
const files = existsSync('dist')
  ? readdirSync('dist')
      .filter((name) => statSync(join('dist', name)).isFile())
      .map((name) => join('dist', name))
  : [];
if (!files.length) {
  console.error('dist/ is empty: run `npm run build` first.');
  process.exit(1);
}

const gzip = (data) => gzipSync(data, { level: 9 }).length;
const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function print(header, rows) {
  const table = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
}

let failed = false;
print(
  ['file', 'raw', 'gzip', 'brotli', 'gzip budget', ''],
  files.map((file) => {
    const data = readFileSync(file);
    const size = gzip(data);
    const budget = budgets[file];
    const over = budget !== undefined && size > budget;
    failed ||= over;
    return [file, data.length, size, brotli(data), budget ?? '', budget === undefined ? '' : over ? 'OVER' : 'ok'];
  }),
);

/** An ES module and every relative module it imports, each once. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(join(dirname(file), spec), seen);
  }
  return seen;
}

const entries = files.filter((file) => file.endsWith('.mjs'));
if (entries.length) {
  console.log('\nES entries with the chunks they import (gzip of each file, added up):');
  print(
    ['entry', 'files', 'gzip'],
    entries.map((entry) => {
      const all = [...closure(entry)];
      return [entry, all.length, all.reduce((sum, file) => sum + gzip(readFileSync(file)), 0)];
    }),
  );
}

// Each language beside the script: loaded on its own, so each has its own ceiling. 6 KB held the
// eight elements of the first fourteen languages; <portal-app>, <portal-usage>, the wallet and
// the email change added 35 messages (about 0.4 KB in the densest scripts), so 6.5 KB.
const LOCALE_BUDGET = 6656;
const locales = existsSync('dist/locales') ? readdirSync('dist/locales').map((name) => join('dist/locales', name)) : [];
if (locales.length) {
  console.log(`\nLocale files (each at most ${LOCALE_BUDGET} B gzip):`);
  print(
    ['file', 'raw', 'gzip', ''],
    locales.map((file) => {
      const data = readFileSync(file);
      const over = gzip(data) > LOCALE_BUDGET;
      failed ||= over;
      return [file, data.length, gzip(data), over ? 'OVER' : 'ok'];
    }),
  );
}

if (failed) {
  console.error('\nA bundle is over its gzip budget (package.json "sizeBudget", or 6.5 KB for a locale file).');
  process.exit(1);
}
