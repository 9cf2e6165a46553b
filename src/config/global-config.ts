import { atom } from 'nanostores';
import { DEFAULT_CONFIG, mergeConfig, type PortalConfig, type PortalConfigInput } from './config.js';

/** The page-wide configuration: script-tag attributes, then every `PolarPortal.configure()` call. */
export const $globalConfig = atom<PortalConfig>(DEFAULT_CONFIG);

/** Overrides any part of the page-wide configuration at run time. */
export function configure(input: PortalConfigInput): void {
  $globalConfig.set(mergeConfig($globalConfig.get(), input));
}
