// Runs once, before any element is defined (index.ts imports it first), so elements that
// upgrade as soon as they are defined already find the page-wide provider.
import { PolarPortal, type PolarPortalApi } from './api.js';
import { readDataAttributes } from './config/config.js';
import { installDocumentProvider } from './context/document-provider.js';

// `document.currentScript` is only set during the script's first synchronous run. A module
// build has none, so fall back to any script tag carrying the settings.
const script = document.currentScript ?? document.querySelector('script[data-organization]');

type Queued = [keyof PolarPortalApi, ...unknown[]];
type GlobalHandle = Partial<PolarPortalApi> & { q?: Queued[] };

declare global {
  interface Window {
    PolarPortal?: GlobalHandle;
  }
}

// A second copy of the classic script stops in its intro (vite.config.ts) and hands its tag's
// settings over; a second module copy has no tag of its own, so it only has to stand aside.
const existing = window.PolarPortal;
if (!existing?.version) {
  PolarPortal.configure(readDataAttributes(script));
  installDocumentProvider();
  // Merge rather than replace: keep whatever the page put there, and replay the calls it
  // queued (`PolarPortal.q.push(['configure', {...}])`) before the script arrived.
  const queued = existing?.q ?? [];
  const handle: GlobalHandle = Object.assign(existing ?? {}, PolarPortal);
  delete handle.q;
  window.PolarPortal = handle;
  for (const [method, ...args] of queued) {
    const fn = PolarPortal[method];
    if (typeof fn === 'function') (fn as (...a: unknown[]) => unknown)(...args);
  }
}
