// `npm test`: makes sure Debian's Chromium (and PHP, for the WordPress example) is there,
// builds the bundle (the smoke, merchant-page and example tests load it), runs the Node suites
// (local Polar contract, element contract, merchant page, and the framework examples, in
// Chromium), then the browser suite in every engine it finds, one after the
// other: Chromium, and Firefox ESR and WebKitGTK when Debian's packages are installed
// (PORTAL_ENGINES=chromium,firefox picks). Side by side on two cores they would finish sooner,
// but some 10-second test limits give way under the load, so not that. Prints each engine's count and
// time, which engines it skipped and why, and one line adding everything up.
import { spawn } from 'node:child_process';
import { ENGINES, missing } from './engines.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (passed, failed, skipped) => {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
};
const summary = () => `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;

/** Runs a command, echoing its output as it comes and keeping it for the counts. */
function run(command, args, { env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    const take = (chunk) => {
      process.stdout.write(chunk);
      out = (out + chunk).slice(-8000);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const count = (text, pattern) => Number(pattern.exec(text)?.[1] ?? 0);

for (const [command, args, kind] of [
  ['node', ['scripts/ensure-test-tools.mjs']],
  ['npm', ['run', '-s', 'build']],
  ['npm', ['run', '-s', 'test:node'], 'node'],
]) {
  const { code, out } = await run(command, args);
  if (kind === 'node') add(count(out, /^# pass (\d+)/m), count(out, /^# fail (\d+)/m), count(out, /^# skipped (\d+)/m));
  if (code !== 0) {
    console.log(`\n${summary()}`);
    process.exit(code);
  }
}

const wanted = (process.env.PORTAL_ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((e) => e.trim()).filter(Boolean);
const engines = wanted.filter((engine) => {
  const why = engine in ENGINES ? missing(engine) : 'not an engine the suite knows';
  if (why) console.log(`\nbrowser suite: ${engine} skipped: ${why}`);
  return !why;
});

const started = Date.now();
const results = [];
for (const engine of engines) {
  const begin = Date.now();
  // WebKitGTK needs a display: a virtual one of its own.
  const [command, args] = engine === 'webkit' ? ['xvfb-run', ['-a', 'npx', 'wtr']] : ['npx', ['wtr']];
  if (engines.length > 1) console.log(`\n===== browser suite in ${ENGINES[engine].label} =====`);
  const { code, out } = await run(command, args, { env: { PORTAL_ENGINE: engine } });
  results.push({ engine, code, out, seconds: Math.round((Date.now() - begin) / 1000) });
}

console.log('');
for (const { engine, code, out, seconds } of results) {
  const line = /browser(?: \([^)]*\))?: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(out);
  if (line) add(Number(line[1]), Number(line[2]), Number(line[3]));
  else if (code !== 0) add(0, 1, 0);
  console.log(`browser suite in ${ENGINES[engine].label}: ${line ? `${line[1]} passed, ${line[2]} failed, ${line[3]} skipped` : `exit ${code}`} in ${seconds} s`);
}
console.log(`browser suites in all: ${Math.round((Date.now() - started) / 1000)} s`);
const failed = results.find((r) => r.code !== 0);
console.log(`\n${summary()}`);
if (failed) process.exit(failed.code);
