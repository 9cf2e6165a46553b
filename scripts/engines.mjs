// The three browser engines, from Debian's packages, and whether each is installed. No
// dependencies: CI reads it before `npm ci` (scripts/ensure-browsers.mjs).
import { existsSync } from 'node:fs';

export const ENGINES = {
  chromium: { label: 'Chromium', binary: process.env.CHROME_PATH || '/usr/bin/chromium', debian: 'chromium' },
  firefox: { label: 'Firefox', binary: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', debian: 'firefox-esr' },
  webkit: {
    label: 'WebKit',
    binary: '/usr/bin/WebKitWebDriver',
    browser: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    debian: 'webkit2gtk-driver',
    /** A virtual display for it. */
    display: '/usr/bin/xvfb-run',
    /**
     * For WebKitWebDriver and the browser it starts. A virtual display has no GPU: composited
     * layers would be drawn through Mesa's software GL, which doubled the web process's CPU time.
     * Pages and their layout are the same without (only how WebKitGTK paints them differs).
     */
    env: { WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  },
};

/** Debian's Chromium, headless, as root in a container, and quiet: nothing it fetches on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why `engine` cannot run here, or undefined when it can. */
export function missing(engine) {
  const e = ENGINES[engine];
  for (const file of [e.binary, e.browser].filter(Boolean)) if (!existsSync(file)) return `${file} is missing (Debian package ${e.debian})`;
  if (e.display && !existsSync(e.display)) return `${e.display} is missing (Debian package xvfb)`;
  return undefined;
}
