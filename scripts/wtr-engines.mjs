// The three browser engines the browser suite runs in, from Debian's packages: Chromium and
// Firefox ESR driven by puppeteer-core (CDP, and WebDriver BiDi for Firefox), WebKitGTK's
// MiniBrowser through WebKitWebDriver (classic WebDriver; it needs a display: run under
// xvfb-run). `portalCommands()` gives the tests one way to type, resize and emulate the
// colour scheme in all three (test/helpers/commands.ts), where @web/test-runner-commands
// supports only some engines.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ENGINES } from './engines.mjs';

export { ENGINES, missing } from './engines.mjs';

/** A port no one listens on now, from the system (so runs side by side never pick the same). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true)).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${port}`);
}

/** The @web/test-runner launcher for `engine`. */
export async function launcherFor(engine) {
  if (engine === 'chromium') {
    return chromeLauncher({ launchOptions: { executablePath: ENGINES.chromium.binary, headless: true, args: CHROMIUM_ARGS } });
  }
  if (engine === 'firefox') {
    return chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath: ENGINES.firefox.binary, headless: true } });
  }
  const { webdriverLauncher } = await import('@web/test-runner-webdriver');
  const port = await freePort();
  const driver = spawn(ENGINES.webkit.binary, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, ...ENGINES.webkit.env } });
  // Stopped with the runner, and never what keeps it alive (a runner that failed to start exits).
  driver.unref();
  process.on('exit', () => driver.kill());
  await waitForPort(port);
  return webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only: no BiDi capability in the request.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: ENGINES.webkit.browser, args: ['--automation'] },
    },
  });
}

/** W3C WebDriver key codes for the named keys the tests press. */
const WEBDRIVER_KEYS = {
  Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Space: ' ', Backspace: '\uE003', Shift: '\uE008',
  ArrowUp: '\uE013', ArrowDown: '\uE015', ArrowLeft: '\uE012', ArrowRight: '\uE014', Home: '\uE011', End: '\uE010',
};
/** Puppeteer's names, where its WebDriver BiDi keyboard knows another. */
const PUPPETEER_KEYS = { Space: ' ' };

/**
 * `portal-keys {type|sequence|press|down|up}` (`sequence`: keys pressed one after the other in one command, a burst however busy the machine), `portal-viewport {width, height}` and
 * `portal-media {colorScheme}` for every engine; `portal-media` answers false where the
 * engine's automation cannot emulate it (Firefox over BiDi, WebKit over WebDriver).
 */
export function portalCommands() {
  return {
    name: 'portal-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('portal-')) return undefined;
      const browser = session.browser;
      if (browser.type === 'puppeteer') {
        const page = browser.getPage(session.id);
        if (command === 'portal-keys') {
          const key = (name) => PUPPETEER_KEYS[name] ?? name;
          if ('type' in payload) await page.keyboard.type(payload.type);
          else if ('sequence' in payload) for (const name of payload.sequence) await page.keyboard.press(key(name));
          else if ('press' in payload) await page.keyboard.press(key(payload.press));
          else if ('down' in payload) await page.keyboard.down(key(payload.down));
          else await page.keyboard.up(key(payload.up));
          return true;
        }
        if (command === 'portal-viewport') {
          await page.setViewport({ width: payload.width, height: payload.height });
          return true;
        }
        if (command === 'portal-media') {
          if (browser.name !== 'Chrome') return false;
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: payload.colorScheme }]);
          return true;
        }
      }
      if (browser.type === 'webdriver') {
        const driver = browser.driver;
        if (command === 'portal-keys') {
          // One key down and up per character: WebKitWebDriver merges repeated letters otherwise.
          const key = (name) => WEBDRIVER_KEYS[name] ?? name;
          const actions =
            'type' in payload || 'sequence' in payload
              ? [...(payload.sequence ?? payload.type)].map(key).flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }])
              : 'press' in payload
                ? [{ type: 'keyDown', value: key(payload.press) }, { type: 'keyUp', value: key(payload.press) }]
                : [{ type: 'down' in payload ? 'keyDown' : 'keyUp', value: key(payload.down ?? payload.up) }];
          await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
          if (!('down' in payload || 'up' in payload)) await driver.releaseActions();
          return true;
        }
        if (command === 'portal-viewport') {
          // The window includes the browser's own frame: size it, measure, correct once.
          await driver.setWindowSize(payload.width, payload.height);
          const [w, h] = await driver.execute(() => [innerWidth, innerHeight]);
          if (w !== payload.width || h !== payload.height) await driver.setWindowSize(2 * payload.width - w, 2 * payload.height - h);
          return true;
        }
        if (command === 'portal-media') return false;
      }
      throw new Error(`${command} is not supported in ${browser.name}`);
    },
  };
}
