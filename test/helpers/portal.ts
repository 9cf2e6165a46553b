import { PolarPortal } from '../../src/index.js';
import { disposeScopes } from '../../src/state/scope.js';
import { clearFaults, configureSandbox, resetSandbox, SANDBOX } from './sandbox.js';

/** Each test starts from a fresh page state and a freshly seeded local Polar. */
export async function freshPortal(organization: 'acme' | 'solo' = 'solo'): Promise<void> {
  await resetSandbox();
  await clearFaults();
  await configureSandbox({ rate_limits: false });
  disposeScopes();
  sessionStorage.clear();
  localStorage.clear();
  PolarPortal.configure({ organization, api: SANDBOX, storage: 'session', getToken: null as never, theme: 'auto', stripeKey: null as never, apiVersion: '2026-10', locale: '' });
}

/** How much longer waits may take: more when suites share the machine (web-test-runner.config.mjs). */
const SLACK = (globalThis as { __TIME_SLACK__?: number }).__TIME_SLACK__ ?? 1;

/** A test's own time limit (`this.timeout(slack(30_000))`), with the same slack as every wait. */
export const slack = (ms: number): number => ms * SLACK;

/** Waits until `predicate` holds, polling each animation frame (for async UI, not timing). */
export async function until<T>(predicate: () => T | undefined | null | false, message: string, timeout = 5000): Promise<T> {
  const end = performance.now() + timeout * SLACK;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Waits until an async check holds (a request to the local Polar, say), asking every 200 ms. */
export async function eventually(check: () => Promise<boolean>, message: string, timeout = 5000): Promise<void> {
  const end = performance.now() + timeout * SLACK;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
