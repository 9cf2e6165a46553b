// The demo page's controls. A classic deferred script placed BEFORE the kit's script tag, so it
// runs first and can queue configuration (`PolarPortal.q`) that the kit applies before any
// element renders. Everything dynamic is written with textContent: the page runs under
// `require-trusted-types-for 'script'`, like a strict merchant page.
'use strict';
{
  const html = document.documentElement;
  const localPolar = document.querySelector('meta[name="local-polar"]')?.content ?? '';
  const kitScript = document.querySelector('script[data-organization]');
  const params = new URLSearchParams(location.search);
  const $ = (selector) => document.querySelector(selector);

  /** Calls the kit now, or queues the call until it has loaded (the kit replays `PolarPortal.q`). */
  const portal = (method, ...args) => {
    const kit = (window.PolarPortal ??= {});
    if (kit.version) return kit[method](...args);
    (kit.q ??= []).push([method, ...args]);
  };
  const kitReady = customElements.whenDefined('portal-login');

  /** Remembers the demo's choices in the address, so a reload or a shared link keeps them. */
  const remember = (name, value, fallback) => {
    const url = new URL(location.href);
    if (value === fallback) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
    history.replaceState(null, '', url);
  };

  const status = $('#controls-status');
  const say = (message) => {
    status.textContent = message;
  };

  // ---- Organization (local Polar only: real Polar uses DEMO_ORG) ----------------------------
  const defaultOrganization = kitScript?.dataset.organization || 'solo';
  let organization = defaultOrganization;
  const showOrganization = () => {
    $('#current-organization').textContent = organization;
    document.querySelectorAll('[data-persona-org]').forEach((item) => {
      item.classList.toggle('other-org', item.dataset.personaOrg !== organization);
    });
  };
  const setOrganization = (next, announce = true) => {
    if (next === organization) return;
    organization = next;
    portal('configure', { organization });
    const radio = document.querySelector(`input[name="organization"][value="${next}"]`);
    if (radio) radio.checked = true;
    remember('org', next, defaultOrganization);
    showOrganization();
    if (announce) say(`Organization switched to ${next}: every element now talks to its portal.`);
  };
  if (localPolar) {
    const requested = params.get('org');
    if (requested === 'solo' || requested === 'acme') setOrganization(requested, false);
    document.querySelectorAll('input[name="organization"]').forEach((radio) => {
      radio.checked = radio.value === organization;
      radio.addEventListener('change', () => radio.checked && setOrganization(radio.value));
    });
  }
  showOrganization();
  if (!localPolar) {
    $('#real-polar').hidden = false;
    $('#real-polar-org').textContent = organization;
  }
  $('#api-base').textContent = kitScript?.dataset.api || 'production';

  // ---- Personas ---------------------------------------------------------------------------
  document.querySelectorAll('button[data-email]').forEach((button) => {
    button.addEventListener('click', async () => {
      const { email, org } = button.dataset;
      setOrganization(org, false);
      await kitReady;
      const wasSignedIn = window.PolarPortal.session.state.status === 'signed-in';
      if (wasSignedIn) window.PolarPortal.session.signOut();
      // A fresh element starts at the email step whatever step the old one was at; it also
      // shows that elements added by script work.
      const old = $('#elements portal-login');
      const login = document.createElement('portal-login');
      login.email = email;
      login.headingLevel = 3;
      old.replaceWith(login);
      await login.updateComplete;
      login.querySelector('input[type="email"]')?.focus();
      say(`${wasSignedIn ? 'Signed out. ' : ''}${email} filled in (organization ${org}): press "Send code", then take the code from the outbox.`);
    });
  });

  // ---- Reset --------------------------------------------------------------------------------
  $('#reset')?.addEventListener('click', async () => {
    try {
      const response = await fetch(`${localPolar}/__sandbox/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`status ${response.status}`);
      await kitReady;
      if (window.PolarPortal.session.state.status !== 'signed-out') window.PolarPortal.session.signOut();
      $('[data-outbox]')?.dispatchEvent(new Event('outbox-refresh'));
      say('Demo data restored: personas, subscriptions and seats are back to the seed; sessions and codes are gone.');
    } catch (error) {
      say(`Reset failed (${error.message}). Is npm start still running?`);
    }
  });

  // ---- Theme and tokens ---------------------------------------------------------------------
  const setTheme = (theme) => {
    portal('configure', { theme });
    html.dataset.theme = theme;
    remember('theme', theme, 'auto');
  };
  const PRESETS = {
    default: {},
    ocean: {
      '--portal-color-primary': 'light-dark(#006d77, #5fd3dc)',
      '--portal-color-focus': 'light-dark(#006d77, #5fd3dc)',
      '--portal-color-on-primary': 'light-dark(#ffffff, #00242a)',
      '--portal-color-border': 'light-dark(#9cc7cb, #2d5a5f)',
      '--portal-radius-m': '1rem',
    },
    grape: {
      '--portal-color-primary': 'light-dark(#6b2fbf, #c9a4ff)',
      '--portal-color-focus': 'light-dark(#6b2fbf, #c9a4ff)',
      '--portal-color-on-primary': 'light-dark(#ffffff, #1e0a3c)',
      '--portal-color-surface': 'light-dark(#fbf8ff, #1b1526)',
      '--portal-radius-m': '1.5rem',
      '--portal-font-family': 'Georgia, "Times New Roman", serif',
    },
    compact: {
      '--portal-radius-m': '0',
      '--portal-space-m': '0.6rem',
      '--portal-space-s': '0.3rem',
      '--portal-color-primary': 'light-dark(#111111, #f5f5f5)',
      '--portal-color-on-primary': 'light-dark(#ffffff, #111111)',
      '--portal-color-border': 'light-dark(#111111, #f5f5f5)',
      '--portal-font-family': 'ui-monospace, Menlo, monospace',
    },
  };
  const stage = $('#elements');
  const setPreset = (name) => {
    const tokens = PRESETS[name] ?? {};
    // CSSOM, not a style attribute: allowed under style-src 'self'.
    for (const property of new Set(Object.values(PRESETS).flatMap(Object.keys))) stage.style.removeProperty(property);
    for (const [property, value] of Object.entries(tokens)) stage.style.setProperty(property, value);
    const css = Object.entries(tokens).map(([property, value]) => `  ${property}: ${value};`);
    $('#preset-css').textContent = css.length ? `main {\n${css.join('\n')}\n}` : '/* the kit\'s defaults: no --portal-* set */';
    remember('tokens', name, 'default');
  };
  /** Checks the radio for `initial` (or the first one), follows changes, and returns the choice. */
  const bindRadios = (name, initial, apply) => {
    const radios = [...document.querySelectorAll(`input[name="${name}"]`)];
    const chosen = radios.some((radio) => radio.value === initial) ? initial : radios[0].value;
    radios.forEach((radio) => {
      radio.checked = radio.value === chosen;
      radio.addEventListener('change', () => radio.checked && apply(radio.value));
    });
    return chosen;
  };
  const theme = bindRadios('theme', params.get('theme'), setTheme);
  if (theme !== 'auto') setTheme(theme);
  setPreset(bindRadios('tokens', params.get('tokens'), setPreset));

  // ---- Elements of this build ---------------------------------------------------------------
  document.querySelectorAll('[data-element]').forEach((section) => {
    void customElements.whenDefined(section.dataset.element).then(() => {
      section.hidden = false;
      showMissing();
    });
  });
  const showMissing = () => {
    const missing = [...document.querySelectorAll('[data-element][hidden]')].map((section) => `<${section.dataset.element}>`);
    $('#not-yet').textContent = missing.length ? `Not in this build yet: ${missing.join(', ')}.` : '';
  };
  void kitReady.then(() => {
    showMissing();
    $('#kit-version').textContent = window.PolarPortal.version;
  });

  // ---- Event log ----------------------------------------------------------------------------
  const log = $('#log');
  const LIMIT = 100;
  const SECRET_KEY = /token|secret|password|authorization|cookie/i;
  const SECRET_VALUE = /polar_[a-z]{2,4}_[A-Za-z0-9_]+/g;
  /** JSON of an event's detail with anything token-like replaced, and no element or function bodies. */
  const describe = (detail) => {
    const seen = new WeakSet();
    try {
      return (
        JSON.stringify(
          detail,
          (key, value) => {
            if (SECRET_KEY.test(key)) return '[hidden]';
            if (typeof value === 'string') return value.replace(SECRET_VALUE, '[hidden]');
            if (typeof value === 'function') return `[function ${value.name || key}]`;
            if (value instanceof Node) return `<${value.nodeName.toLowerCase()}>`;
            if (value && typeof value === 'object') {
              if (seen.has(value)) return '[circular]';
              seen.add(value);
            }
            return value;
          },
          2,
        ) ?? 'undefined'
      );
    } catch {
      return String(detail);
    }
  };
  const record = (event) => {
    const item = document.createElement('li');
    const time = document.createElement('time');
    const now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = now.toLocaleTimeString();
    const type = document.createElement('code');
    type.className = 'event-type';
    type.textContent = event.type;
    const source = document.createElement('span');
    source.className = 'event-source';
    // Session events come from the session itself, dispatched on the document.
    const target = event.composedPath()[0];
    const from = target instanceof Element ? `<${target.localName}>` : 'the session';
    source.textContent = `from ${from}${event.cancelable ? ' · cancelable' : ''}`;
    const detail = document.createElement('pre');
    detail.textContent = describe(event.detail);
    item.append(time, ' ', type, ' ', source, detail);
    log.prepend(item);
    while (log.children.length > LIMIT) log.lastElementChild.remove();
    $('#log-empty').hidden = true;
  };
  const listening = new Set();
  const listen = (type) => {
    if (listening.has(type)) return;
    listening.add(type);
    document.addEventListener(type, record, { capture: true });
  };
  ['portal-login', 'portal-logout', 'portal-session-expired'].forEach(listen);
  document.addEventListener('portal-login', () => say(''));
  // Elements are being added to the kit all the time: learn every other `portal-*` name as it is
  // first dispatched (before it reaches the document), instead of keeping a list here.
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (typeof event?.type === 'string' && event.type.startsWith('portal-')) listen(event.type);
    return dispatch.call(this, event);
  };
  $('#clear-log').addEventListener('click', () => {
    log.replaceChildren();
    $('#log-empty').hidden = false;
  });
}
