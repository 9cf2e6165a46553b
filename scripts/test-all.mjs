// `npm test`: makes sure Debian's Chromium (and PHP, for the WordPress example) is there, builds
// the bundle (the smoke, merchant-page and example tests load it), then runs the Node suites
// (local Polar contract, element contract, the merchant page and demo in every engine, the
// framework examples in Chromium) and the browser suite in every engine it finds: Chromium, and
// Firefox ESR and WebKitGTK when Debian's packages are installed (PORTAL_ENGINES=chromium,firefox
// picks). Two suites run at a time; their waits get more slack (PORTAL_TIME_SLACK) because each
// has a share of the machine. Prints each suite's output when it ends, its count and time, which
// engines it skipped and why, and one line adding everything up.
import { spawn } from 'node:child_process';
import { ENGINES, missing } from './engines.mjs';

// How many suites run at once (PORTAL_SUITES_AT_ONCE; 1 is one after the other). Two keep both
// cores busy, since each suite alone leaves one partly idle while it waits; with all four at once
// a browser starved of the CPU crashed or stalled now and then.
const AT_ONCE = Math.max(1, Number(process.env.PORTAL_SUITES_AT_ONCE) || 2);
const SLACK = process.env.PORTAL_TIME_SLACK ?? String(Math.min(AT_ONCE, 3));
/** A suite still running after this has hung (a runner that failed to start can wait forever): it is stopped and fails. */
const LIMIT_MS = 30 * 60_000;

/** Process groups of the suites running, stopped with this script. */
const groups = new Set();
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    for (const pid of groups) stop(pid);
    process.exit(1);
  });
}
function stop(pid) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {}
}

/** Runs a command in its own process group, keeping its output; `live` echoes it as it comes. */
function run(command, args, { env = {}, live = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true });
    groups.add(child.pid);
    let out = '';
    const take = (chunk) => {
      if (live) process.stdout.write(chunk);
      out += chunk;
    };
    const hung = setTimeout(() => {
      out += `\nstopped after ${LIMIT_MS / 60_000} minutes: it hung\n`;
      stop(child.pid);
    }, LIMIT_MS);
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => {
      clearTimeout(hung);
      groups.delete(child.pid);
      resolve({ code: code ?? 1, out });
    });
  });
}

for (const [command, args] of [
  ['node', ['scripts/ensure-test-tools.mjs']],
  ['npm', ['run', '-s', 'build']],
]) {
  const { code } = await run(command, args, { live: true });
  if (code !== 0) process.exit(code);
}

const wanted = (process.env.PORTAL_ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((e) => e.trim()).filter(Boolean);
const engines = wanted.filter((engine) => {
  const why = engine in ENGINES ? missing(engine) : 'not an engine the suite knows';
  if (why) console.log(`browser suite: ${engine} skipped: ${why}`);
  return !why;
});

const count = (text, pattern) => Number(pattern.exec(text)?.[1] ?? 0);
/** @type {{label: string, command: string, args: string[], env?: Record<string, string>, counts: (out: string) => [number, number, number] | undefined, code?: number, out?: string, time?: number}[]} */
const suites = [
  ...engines.map((engine) => ({
    label: `browser suite in ${ENGINES[engine].label}`,
    // WebKitGTK needs a display: a virtual one of its own.
    command: engine === 'webkit' ? 'xvfb-run' : 'npx',
    args: engine === 'webkit' ? ['-a', 'npx', 'wtr'] : ['wtr'],
    env: { PORTAL_ENGINE: engine },
    counts: (/** @type {string} */ out) => {
      const line = /browser(?: \([^)]*\))?: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(out);
      return line ? [Number(line[1]), Number(line[2]), Number(line[3])] : undefined;
    },
  })),
  {
    label: 'Node suites',
    command: 'npm',
    args: ['run', '-s', 'test:node'],
    env: { PORTAL_ENGINES: engines.join(',') },
    counts: (out) => (/^# pass \d+/m.test(out) ? [count(out, /^# pass (\d+)/m), count(out, /^# fail (\d+)/m), count(out, /^# skipped (\d+)/m)] : undefined),
  },
];
// The order they start in. Firefox slows most when it shares the machine, and most of all beside
// the Node suites (builds, type checks, three more browsers): 225 s alone, 470 s beside them
// once. It starts first, beside WebKit, and the Node suites come last, beside Chromium.
const ORDER = ['browser suite in Firefox', 'browser suite in WebKit', 'browser suite in Chromium', 'Node suites'];
suites.sort((a, b) => ORDER.indexOf(a.label) - ORDER.indexOf(b.label));

const started = Date.now();
const seconds = (since) => Math.round((Date.now() - since) / 1000);
/** The suites started and not yet done. */
const running = new Set();
console.log(`\n${AT_ONCE === 1 ? 'one after the other' : `${AT_ONCE} at a time`}: ${suites.map((s) => s.label).join(', ')}`);
const heartbeat = setInterval(() => console.log(`… ${seconds(started)} s, still running: ${[...running].join(', ')}`), 60_000);
const runSuite = async (suite) => {
  const begin = Date.now();
  running.add(suite.label);
  const { code, out } = await run(suite.command, suite.args, { env: { ...suite.env, PORTAL_TIME_SLACK: SLACK } });
  running.delete(suite.label);
  const time = seconds(begin);
  console.log(`\n===== ${suite.label} (${time} s) =====\n${out}`);
  Object.assign(suite, { code, out, time });
};
const waiting = [...suites];
const worker = async () => {
  for (let suite; (suite = waiting.shift()); ) await runSuite(suite);
};
await Promise.all(Array.from({ length: Math.min(AT_ONCE, suites.length) }, worker));
clearInterval(heartbeat);

const totals = [0, 0, 0];
console.log('');
// Each suite holds its outcome now; they print in the order they started, whatever order they ended in.
for (const { label, code, out, time, counts } of suites) {
  const [passed, failed, skipped] = counts(out) ?? [0, code === 0 ? 0 : 1, 0];
  totals[0] += passed;
  totals[1] += failed;
  totals[2] += skipped;
  console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped in ${time} s${code !== 0 ? ` (exit ${code})` : ''}`);
}
console.log(`all suites: ${seconds(started)} s`);
console.log(`\ntests: ${totals[0]} passed, ${totals[1]} failed, ${totals[2]} skipped`);
const failed = suites.find((s) => s.code !== 0);
if (failed) process.exit(failed.code);
