// `npm test`: makes sure Debian's Chromium is there, builds the bundle (the smoke and
// merchant-page tests load it), then runs the Node suites (local Polar contract, element
// contract, merchant page in Chromium) and the browser suite. Stops at the first failing
// step with its exit code; ends with one line adding up both suites.
import { spawn } from 'node:child_process';

const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs a command, echoing its output and keeping the lines that report counts. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-4000);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, tail }));
  });
}

const count = (text, pattern) => Number(pattern.exec(text)?.[1] ?? 0);

for (const [command, args, kind] of [
  ['node', ['scripts/ensure-chromium.mjs']],
  ['npm', ['run', '-s', 'build']],
  ['npm', ['run', '-s', 'test:node'], 'node'],
  ['npm', ['run', '-s', 'test:browser'], 'browser'],
]) {
  const { code, tail } = await run(command, args);
  if (kind === 'node') {
    totals.passed += count(tail, /^# pass (\d+)/m);
    totals.failed += count(tail, /^# fail (\d+)/m);
    totals.skipped += count(tail, /^# skipped (\d+)/m);
  } else if (kind === 'browser') {
    const line = /browser: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(tail);
    if (line) {
      totals.passed += Number(line[1]);
      totals.failed += Number(line[2]);
      totals.skipped += Number(line[3]);
    }
  }
  if (code !== 0) {
    console.log(`\ntests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
    process.exit(code);
  }
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
