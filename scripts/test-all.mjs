// `npm test`: builds the bundle (the smoke and merchant-page tests load it), then runs the
// Node suites (local Polar contract, merchant page in Chromium) and the browser suite.
// Stops at the first failing step and exits with its code.
import { spawnSync } from 'node:child_process';

const steps = [
  ['npm', ['run', '-s', 'build']],
  ['npm', ['run', '-s', 'test:node']],
  ['npm', ['run', '-s', 'test:browser']],
];
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
