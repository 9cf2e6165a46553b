// One way for the end-to-end tests to drive a page in Chromium, Firefox and WebKit, the way a
// person or a screen reader finds things: by role and accessible name, as each browser computes
// them (puppeteer's ARIA query over CDP in Chromium and over WebDriver BiDi in Firefox; WebDriver's
// computed role and label in WebKitGTK, whose WebKitWebDriver speaks classic WebDriver only).
// Text is found, and script runs, the same way in all three.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ENGINES, missing } from '../../scripts/engines.mjs';

// Longer when the suites share the machine (PORTAL_TIME_SLACK, set by scripts/test-all.mjs).
const TIMEOUT = 10_000 * (Number(process.env.PORTAL_TIME_SLACK) || 1);

/**
 * The engines to run in: PORTAL_ENGINES (`chromium,firefox`) or every one installed, saying
 * which it leaves out and why.
 */
export function engines() {
  const wanted = (process.env.PORTAL_ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((e) => e.trim()).filter(Boolean);
  return wanted.filter((engine) => {
    const why = engine in ENGINES ? missing(engine) : 'not an engine the tests know';
    if (why) console.log(`# end-to-end tests in ${engine} skipped: ${why}`);
    return !why;
  });
}

export const label = (engine) => ENGINES[engine].label;

/**
 * @typedef {object} Page
 * @property {string[]} errors console errors and uncaught errors, where the protocol reports them (not WebKit's: use a page recorder)
 * @property {string[]} warnings console warnings, likewise
 * @property {(url: string) => Promise<void>} goto
 * @property {(role: string, name: string) => Promise<void>} click the element with that role and accessible name, once it is there
 * @property {(role: string, name: string, text: string) => Promise<void>} fill
 * @property {(role: string, name: string) => Promise<number>} count how many elements have that role and name now
 * @property {(role: string, name: string) => Promise<void>} waitForName
 * @property {(text: string) => Promise<void>} waitForText visible text, in the page or any shadow root
 * @property {<A extends unknown[], R>(fn: (...args: A) => R, ...args: A) => Promise<Awaited<R>>} evaluate
 * @property {<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A) => Promise<void>} waitFor until `fn` in the page returns something truthy
 * @property {(source: string) => Promise<void>} inject runs a script in the page, past its CSP (axe)
 * @property {() => Promise<string>} url
 * @property {() => Promise<string>} title
 * @property {() => Promise<void>} back
 * @property {() => Promise<void>} reload
 * @property {<R>(selector: string, fn: () => R) => Promise<Awaited<R>>} inFrame waits for the frame `selector` finds, then for `fn` to return something truthy inside it, and returns that
 * @property {(action: () => Promise<void>) => Promise<Page>} popup the tab that `action` opens
 * @property {() => Promise<void>} close
 */

/**
 * Starts `engine`. `newPage` opens a page with empty storage; `record` (a function with no
 * closure) runs in every document before its own scripts where the protocol allows it
 * (Chromium, Firefox), and right after load in WebKit.
 * @returns {Promise<{newPage: (options?: {width?: number, height?: number, record?: () => void}) => Promise<Page>, close: () => Promise<void>}>}
 */
export async function launch(engine) {
  return engine === 'webkit' ? launchWebKit() : launchPuppeteer(engine);
}

/** `[role][name]` for puppeteer's ARIA query. */
const aria = (role, name) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

/** In the page: every open shadow root. */
function shadowRoots() {
  const roots = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  return roots;
}

/** In the page: whether `text` is on screen, in the document or any open shadow root. */
function hasText(text) {
  const normal = (el) => (el.textContent ?? '').replace(/\s+/g, ' ');
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  // The innermost element holding the whole text, as puppeteer's ::-p-text finds it.
  return roots.some((root) =>
    [...root.querySelectorAll('*')].some(
      (el) => normal(el).includes(text) && ![...el.children].some((child) => normal(child).includes(text)) && el.getClientRects().length > 0,
    ),
  );
}

/** `promise`, whose timeout, should it time out, says what it waited for. */
async function saying(promise, what) {
  try {
    await promise;
  } catch (error) {
    if (/timed? ?out/i.test(String(error))) throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`, { cause: error });
    throw error;
  }
}

async function poll(check, what) {
  const until = Date.now() + TIMEOUT;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function launchPuppeteer(engine) {
  const browser = await puppeteer.launch(
    engine === 'firefox'
      ? { browser: 'firefox', executablePath: ENGINES.firefox.binary, headless: true }
      : { executablePath: ENGINES.chromium.binary, headless: true, args: CHROMIUM_ARGS },
  );
  /** @param {import('puppeteer-core').Page} tab */
  const wrap = (tab, close, record) => {
    /**
     * Elements with that role and name. Firefox's WebDriver BiDi search of the accessibility
     * tree does not enter shadow roots: it is asked from each open shadow root as well.
     */
    const all = async (role, name) => {
      const found = await tab.$$(aria(role, name));
      if (engine !== 'firefox') return found;
      const roots = await tab.evaluateHandle(shadowRoots);
      for (const root of (await roots.getProperties()).values()) found.push(...(await root.$$(aria(role, name))));
      return found;
    };
    /** The first one on screen, once there is one. */
    const one = (role, name) =>
      poll(async () => {
        for (const handle of await all(role, name)) if (await handle.isVisible()) return handle;
        return undefined;
      }, `the ${role} "${name}"`);
    /** @type {string[]} */ const errors = [];
    /** @type {string[]} */ const warnings = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      if (message.type() === 'warn') warnings.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
    /** @type {Page} */
    const page = {
      errors,
      warnings,
      goto: async (url) => void (await tab.goto(url, { waitUntil: 'load' })),
      click: async (role, name) => {
        if (engine !== 'firefox') return saying(tab.locator(aria(role, name)).setTimeout(TIMEOUT).click(), `to click the ${role} "${name}"`);
        await (await one(role, name)).click();
      },
      fill: async (role, name, text) => {
        if (engine !== 'firefox') return saying(tab.locator(aria(role, name)).setTimeout(TIMEOUT).fill(text), `to fill in the ${role} "${name}"`);
        const field = await one(role, name);
        await field.evaluate((el) => void (/** @type {HTMLInputElement} */ (el).value = ''));
        await field.type(text);
      },
      count: async (role, name) => (await all(role, name)).length,
      waitForName: async (role, name) => void (await one(role, name)),
      waitForText: (text) => saying(tab.waitForFunction(hasText, { timeout: TIMEOUT, polling: 100 }, text), `the text "${text}"`),
      evaluate: (fn, ...args) => tab.evaluate(fn, ...args),
      waitFor: (fn, ...args) => saying(tab.waitForFunction(fn, { timeout: TIMEOUT, polling: 100 }, ...args), `${fn} in the page`),
      inject: async (source) => void (await tab.evaluate(source)),
      url: async () => tab.url(),
      title: () => tab.title(),
      back: async () => void (await tab.goBack()),
      reload: async () => void (await tab.reload({ waitUntil: 'load' })),
      inFrame: async (selector, fn) => {
        const frame = await (await tab.waitForSelector(selector, { timeout: TIMEOUT }))?.contentFrame();
        if (!frame) throw new Error(`no frame at ${selector}`);
        return poll(() => frame.evaluate(fn), `${fn.name || 'a condition'} in the frame`);
      },
      popup: async (action) => {
        const opened = new Promise((resolve) => tab.browserContext().once('targetcreated', resolve));
        await action();
        const other = await /** @type {Promise<import('puppeteer-core').Target>} */ (opened).then((target) => target.page());
        if (!other) throw new Error('no tab opened');
        await other.waitForNetworkIdle({ idleTime: 200, timeout: TIMEOUT }).catch(() => {});
        return wrap(other, () => other.close(), record);
      },
      close,
    };
    return page;
  };
  return {
    async newPage({ width = 1280, height = 900, record } = {}) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.setViewport({ width, height });
      if (record) await tab.evaluateOnNewDocument(record);
      return wrap(tab, () => context.close(), record);
    },
    close: () => browser.close(),
  };
}

// ---- WebKit: classic WebDriver over HTTP ----

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true)).on('error', () => resolve(false));
  });

/** In the page: every visible element (document and open shadow roots) that may have `role`. */
function candidates(role) {
  const SELECTORS = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"], input[type="reset"], summary',
    textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="search"], input[type="tel"], input[type="url"], textarea, [role="textbox"]',
    link: 'a[href], [role="link"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    radio: 'input[type="radio"], [role="radio"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"], [role="switch"]',
  };
  const selector = SELECTORS[role] ?? `[role="${role}"]`;
  const found = [];
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) {
      if (el.shadowRoot) roots.push(el.shadowRoot);
      if (el.matches(selector) && el.getClientRects().length > 0) found.push(el);
    }
  }
  return found;
}

async function launchWebKit() {
  const port = await freePort();
  // WebKitGTK needs a display: its own virtual one unless there already is one.
  // (From display :120 up: the browser suite's xvfb-run, started at the same time, takes :99 up.)
  const command = process.env.DISPLAY ? [ENGINES.webkit.binary, `--port=${port}`] : [ENGINES.webkit.display, '-a', '-n', '120', ENGINES.webkit.binary, `--port=${port}`];
  const driver = spawn(command[0], command.slice(1), { stdio: 'ignore', detached: true, env: { ...process.env, ...ENGINES.webkit.env } });
  const stop = () => {
    try {
      process.kill(-(/** @type {number} */ (driver.pid)));
    } catch {}
  };
  driver.unref();
  process.on('exit', stop);
  await poll(() => listening(port), `WebKitWebDriver on port ${port}`);
  const base = `http://127.0.0.1:${port}`;

  /** One WebDriver command; throws WebDriver's error message. */
  async function send(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  /** A WebDriver session is a fresh browser: empty storage, one window. */
  async function newPage({ width = 1280, height = 900, record } = {}) {
    const { sessionId } = await send('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: ENGINES.webkit.browser, args: ['--automation'] },
        },
      },
    });
    const s = `/session/${sessionId}`;
    await send('POST', `${s}/window/rect`, { width, height });
    const [w, h] = await run(() => [innerWidth, innerHeight]);
    if (w !== width || h !== height) await send('POST', `${s}/window/rect`, { width: 2 * width - w, height: 2 * height - h });
    let current = await send('GET', `${s}/window`);

    /** Runs `fn(...args)` in the page (awaiting a promise it returns); element arguments and results pass through. */
    async function run(fn, ...args) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
      const result = await send('POST', `${s}/execute/async`, { script, args });
      if (result?.error) throw new Error(`in the page: ${result.error}`);
      return result?.value;
    }

    /**
     * Elements with `role` whose accessible name, as WebKit computes it, is `name`. One that a
     * render replaced while it was being asked about is left out (the caller asks again).
     */
    async function byName(role, name) {
      const found = [];
      try {
        for (const el of (await run(candidates, role)) ?? []) {
          const id = el[ELEMENT];
          if ((await send('GET', `${s}/element/${id}/computedlabel`)) !== name) continue;
          const computed = await send('GET', `${s}/element/${id}/computedrole`);
          if (computed === role || (role === 'textbox' && computed === 'searchbox')) found.push(id);
        }
      } catch (error) {
        if (!/stale element/.test(String(error))) throw error;
      }
      return found;
    }
    const one = (role, name) => poll(async () => (await byName(role, name))[0], `the ${role} "${name}"`);
    /** Does `action` to the element, found again if a render replaced it in between. */
    const act = (role, name, action) =>
      poll(async () => {
        try {
          await action(await one(role, name));
          return true;
        } catch (error) {
          if (/stale element/.test(String(error))) return false;
          throw error;
        }
      }, `the ${role} "${name}" to hold still`);

    /**
     * The page in window `handle`; commands switch WebDriver to it first.
     * @param {string} handle
     * @param {(on: () => Promise<void>) => Promise<void>} close
     */
    const pageFor = (handle, close) => {
      const on = async () => {
        if (current !== handle) await send('POST', `${s}/window`, { handle });
        current = handle;
      };
      const recordAfterLoad = async () => {
        if (record) await run(record);
      };
      /** @type {Page} */
      const page = {
        errors: [],
        warnings: [],
        goto: async (url) => {
          await on();
          await send('POST', `${s}/url`, { url });
          await recordAfterLoad();
        },
        click: async (role, name) => {
          await on();
          await act(role, name, (id) => send('POST', `${s}/element/${id}/click`, {}));
        },
        fill: async (role, name, text) => {
          await on();
          await act(role, name, async (id) => {
            await send('POST', `${s}/element/${id}/clear`, {});
            await send('POST', `${s}/element/${id}/value`, { text });
          });
        },
        count: async (role, name) => {
          await on();
          return (await byName(role, name)).length;
        },
        waitForName: async (role, name) => {
          await on();
          await one(role, name);
        },
        waitForText: async (text) => {
          await on();
          await poll(() => run(hasText, text), `the text "${text}"`);
        },
        evaluate: async (fn, ...args) => {
          await on();
          return run(fn, ...args);
        },
        waitFor: async (fn, ...args) => {
          await on();
          await poll(() => run(fn, ...args), `${fn.name || 'a condition'} in the page`);
        },
        inject: async (source) => {
          await on();
          await send('POST', `${s}/execute/sync`, { script: `${source}\n;return true;`, args: [] });
        },
        url: async () => {
          await on();
          return send('GET', `${s}/url`);
        },
        title: async () => {
          await on();
          return send('GET', `${s}/title`);
        },
        back: async () => {
          await on();
          await send('POST', `${s}/back`, {});
          await recordAfterLoad();
        },
        reload: async () => {
          await on();
          await send('POST', `${s}/refresh`, {});
          await recordAfterLoad();
        },
        inFrame: async (selector, fn) => {
          await on();
          const frame = await poll(() => run((css) => document.querySelector(css), selector), `the frame at ${selector}`);
          await send('POST', `${s}/frame`, { id: frame });
          try {
            return await poll(() => run(fn), `${fn.name || 'a condition'} in the frame`);
          } finally {
            await send('POST', `${s}/frame/parent`, {});
          }
        },
        popup: async (action) => {
          await on();
          const before = await send('GET', `${s}/window/handles`);
          await action();
          const handle = await poll(async () => (await send('GET', `${s}/window/handles`)).find((h) => !before.includes(h)), 'a new tab');
          return pageFor(handle, async (onIt) => {
            await onIt();
            await send('DELETE', `${s}/window`);
            current = '';
          });
        },
        close: () => close(on),
      };
      return page;
    };
    return pageFor(current, () => send('DELETE', s).then(() => undefined));
  }

  return { newPage, close: async () => stop() };
}
