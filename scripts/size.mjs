// Prints raw, gzip and brotli bytes of every file in dist/ and fails when one is above its
// budget in package.json "sizeBudget" (gzip bytes). Run after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const budgets = pkg.sizeBudget ?? {};
const files = readdirSync('dist')
  .filter((name) => statSync(join('dist', name)).isFile())
  .map((name) => join('dist', name));
if (!files.length) {
  console.error('dist/ is empty: run `npm run build` first.');
  process.exit(1);
}

let failed = false;
const rows = files.map((file) => {
  const data = readFileSync(file);
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = budgets[file];
  const over = budget !== undefined && gzip > budget;
  failed ||= over;
  return { file, raw: data.length, gzip, brotli, budget: budget ?? '', verdict: budget === undefined ? '' : over ? 'OVER' : 'ok' };
});

const header = ['file', 'raw', 'gzip', 'brotli', 'gzip budget', ''];
const table = [header, ...rows.map((r) => [r.file, r.raw, r.gzip, r.brotli, r.budget, r.verdict].map(String))];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
if (failed) {
  console.error('\nA bundle is over its gzip budget (package.json "sizeBudget").');
  process.exit(1);
}
