// Browser tests: one engine per run (PORTAL_ENGINE: chromium, the default, firefox or webkit;
// scripts/test-all.mjs runs each engine it finds), TypeScript through esbuild, and the local
// Polar started in-process on its own port, so every request from a test page crosses origins
// over real HTTP exactly as it would against api.polar.sh.
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { listen } from './sandbox/listen.mjs';
import { ENGINES, freePort, launcherFor, portalCommands } from './scripts/wtr-engines.mjs';

const ENGINE = process.env.PORTAL_ENGINE || 'chromium';
// How much longer than usual a wait may take before a test gives up: scripts/test-all.mjs runs
// two suites at a time, each with a share of the machine. (Waits guard against a hang; no
// test asserts speed: that is `npm run bench`.)
const SLACK = Number(process.env.PORTAL_TIME_SLACK) || 1;
if (!(ENGINE in ENGINES)) throw new Error(`PORTAL_ENGINE=${ENGINE}: not one of ${Object.keys(ENGINES).join(', ')}`);
let sandbox;

/** Starts the local Polar beside the test server; rate limits off unless a test turns them on. */
function sandboxPlugin() {
  return {
    name: 'local-polar',
    async serverStart() {
      sandbox = await listen({ port: 0, rateLimits: false });
    },
    async serverStop() {
      await new Promise((resolve) => sandbox?.server.close(resolve));
    },
  };
}

/**
 * Prints where the time went (the files whose tests took longest, in seconds), then
 * "N passed, N failed, N skipped" alone on the last line, for CI to read.
 */
function plainSummaryReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      /** @type {Map<string, number>} */ const msByFile = new Map();
      /** @type {[string, number][]} */ const msByTest = [];
      const walk = (suite, file) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
          msByFile.set(file, (msByFile.get(file) ?? 0) + (test.duration ?? 0));
          msByTest.push([test.name, test.duration ?? 0]);
        }
        for (const child of suite.suites) walk(child, file);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, session.testFile.replace(/^.*?\/test\//, 'test/'));
        if (!session.passed && session.errors?.length) failed++;
      }
      const slowest = [...msByFile].sort((a, b) => b[1] - a[1]).slice(0, 8);
      const total = [...msByFile.values()].reduce((sum, ms) => sum + ms, 0);
      process.stdout.write(`\n${msByFile.size} files, their tests ${Math.round(total / 1000)} s in all; slowest files: ${slowest.map(([file, ms]) => `${file} ${Math.round(ms / 1000)} s`).join(', ')}\n`);
      const tests = msByTest.sort((a, b) => b[1] - a[1]).slice(0, 8);
      process.stdout.write(`slowest tests: ${tests.map(([name, ms]) => `"${name.slice(0, 60)}" ${(ms / 1000).toFixed(1)} s`).join(', ')}\n`);
      process.stdout.write(`\nbrowser (${ENGINES[ENGINE].label}): ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    },
  };
}

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  // The system's pick, not the runner's (8000 and up): engines run side by side would race for one.
  port: await freePort(),
  // Tests share one local Polar and reset it: one page at a time.
  concurrency: 1,
  plugins: [
    portalCommands(),
    sandboxPlugin(),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <body>
    <script>
      window.process = { env: { NODE_ENV: 'development' } };
      window.__SANDBOX_URL__ = ${JSON.stringify(sandbox?.url ?? '')};
      window.__ENGINE__ = ${JSON.stringify(ENGINE)};
      window.__TIME_SLACK__ = ${SLACK};
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [defaultReporter(), plainSummaryReporter()],
  browsers: [await launcherFor(ENGINE)],
  testFramework: { config: { timeout: 10000 * SLACK, retries: 0 } },
  // The walks through every element in every state take a minute or two on a 2-core machine.
  testsFinishTimeout: 300_000 * SLACK,
  // A browser starting while the other suites run may take longer to open its first page too.
  browserStartTimeout: 30_000 * SLACK,
  testsStartTimeout: 20_000 * SLACK,
};
