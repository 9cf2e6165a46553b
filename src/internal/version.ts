declare const __PORTAL_VERSION__: string | undefined;
declare const __PORTAL_DEV__: boolean | undefined;

/** The build's version, injected by Vite; `dev` when running from source. */
export const PORTAL_VERSION: string = typeof __PORTAL_VERSION__ === 'string' ? __PORTAL_VERSION__ : 'dev';

/**
 * True when running from source (tests, dev server). Warnings for merchants' mistakes are
 * written only then; a production build drops them and stays silent.
 */
export const DEV: boolean = typeof __PORTAL_DEV__ === 'boolean' ? __PORTAL_DEV__ : true;
