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
  PolarPortal.configure({ organization, api: SANDBOX, storage: 'session', getToken: null as never, theme: 'auto' });
}

/** Waits until `predicate` holds, polling each animation frame (for async UI, not timing). */
export async function until<T>(predicate: () => T | undefined | null | false, message: string, timeout = 5000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
