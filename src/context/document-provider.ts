import { ContextProvider } from '@lit/context';
import { $globalConfig } from '../config/global-config.js';
import { scopeFor } from '../state/scope.js';
import { portalContext, type PortalContextValue } from './portal-context.js';

let provider: ContextProvider<typeof portalContext> | undefined;

/** The context value for the page-wide configuration. */
export function documentContextValue(): PortalContextValue {
  const config = $globalConfig.get();
  return { config, scope: scopeFor(config) };
}

/**
 * Provides the page-wide configuration at `<html>`, so elements scattered across a page
 * with no common ancestor all reach it. Safe to call more than once.
 */
export function installDocumentProvider(): void {
  if (provider) return;
  // Installed before any element is defined (bootstrap runs first), so no element can have
  // asked for context before it existed, and a ContextRoot is not needed.
  provider = new ContextProvider(document.documentElement, {
    context: portalContext,
    initialValue: documentContextValue(),
  });
  provider.hostConnected();
  $globalConfig.listen(() => provider!.setValue(documentContextValue()));
}
