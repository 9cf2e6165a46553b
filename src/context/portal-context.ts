import { createContext } from '@lit/context';
import type { PortalConfig } from '../config/config.js';
import type { PortalScope } from '../state/scope.js';

/** What every element receives from the nearest provider: configuration and the shared scope. */
export interface PortalContextValue {
  config: PortalConfig;
  scope: PortalScope;
}

// A unique symbol, not a string key: two different bundle versions on one page must never
// hand each other a client or session they do not understand.
export const portalContext = createContext<PortalContextValue>(Symbol('polar-portal'));
