// Browser tests: Debian's Chromium, TypeScript through esbuild, and the local Polar started
// in-process on its own port, so every request from a test page crosses origins over real
// HTTP exactly as it would against api.polar.sh.
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { listen } from './sandbox/listen.mjs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
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

/** Prints "N passed, N failed, N skipped" alone on the last line, for CI to read. */
function plainSummaryReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && session.errors?.length) failed++;
      }
      process.stdout.write(`\nbrowser: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    },
  };
}

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  // Tests share one local Polar and reset it: one page at a time.
  concurrency: 1,
  plugins: [
    sandboxPlugin(),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <body>
    <script>
      window.process = { env: { NODE_ENV: 'development' } };
      window.__SANDBOX_URL__ = ${JSON.stringify(sandbox?.url ?? '')};
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [defaultReporter(), plainSummaryReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000, retries: 0 } },
  // The walks through every element in every state take a minute or two on a 2-core machine.
  testsFinishTimeout: 300_000,
};
