import { DEV, PORTAL_VERSION } from './version.js';

/**
 * Registers a custom element once. A second bundle of the same version does nothing;
 * a different version keeps the first registration (and says so in development). Never throws.
 */
export function definePortalElement(tag: string, ctor: CustomElementConstructor & { portalVersion?: string }): void {
  const existing = customElements.get(tag) as { portalVersion?: string } | undefined;
  if (existing) {
    if (DEV && existing.portalVersion !== PORTAL_VERSION) {
      console.warn(`[polar-portal] <${tag}> ${existing.portalVersion ?? '(unknown)'} is already defined; ignoring ${PORTAL_VERSION}.`);
    }
    return;
  }
  ctor.portalVersion = PORTAL_VERSION;
  customElements.define(tag, ctor);
}
