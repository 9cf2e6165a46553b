// The local Polar's outbox: where login codes go instead of email. Shared by both demo pages.
// Fills every `[data-outbox]` element on the page; does nothing against a real Polar (the
// server leaves <meta name="local-polar"> empty then). Text only, through textContent.
'use strict';
{
  const localPolar = document.querySelector('meta[name="local-polar"]')?.content ?? '';
  const POLL_MS = 2000;
  const SHOWN = 5;

  /** A button with a visible name and a longer accessible one. */
  const button = (text, label, onClick) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.addEventListener('click', onClick);
    return element;
  };

  const ago = (iso) => {
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    return seconds < 60 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
  };

  /** Types the code into the page's code field the way a user would, so the element sees an input event. */
  /** The code field of a <portal-login>, on the page or inside another element (<portal-app>). */
  const codeField = (root = document) => {
    const found = root.querySelector('portal-login input[autocomplete="one-time-code"]');
    if (found) return found;
    for (const element of root.querySelectorAll('*')) {
      const inner = element.shadowRoot && codeField(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };

  const fillCode = (code) => {
    const input = codeField();
    if (!input) return false;
    input.value = code;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: code }));
    input.focus();
    return true;
  };

  const copy = async (code, select) => {
    try {
      await navigator.clipboard.writeText(code);
      return true;
    } catch {
      // No clipboard outside a secure context: select the code so Ctrl-C copies it.
      getSelection()?.selectAllChildren(select);
      return false;
    }
  };

  function mount(root) {
    const list = root.querySelector('[data-outbox-list]');
    const empty = root.querySelector('[data-outbox-empty]');
    const status = root.querySelector('[data-outbox-status]');
    let last = '';
    let entries = [];
    let down = false;

    const say = (message) => {
      status.textContent = message;
    };

    const render = () => {
      list.replaceChildren(
        ...entries.slice(0, SHOWN).map((entry) => {
          const item = document.createElement('li');
          const who = document.createElement('span');
          who.className = 'outbox-email';
          who.textContent = entry.email;
          const code = document.createElement('code');
          code.className = 'outbox-code';
          code.textContent = entry.code;
          const when = document.createElement('span');
          when.className = 'outbox-when';
          when.textContent = ago(entry.sent_at);
          const actions = document.createElement('span');
          actions.className = 'outbox-actions';
          if (entry.status === 'unused') {
            actions.append(
              button('Copy', `Copy code for ${entry.email}`, async () =>
                say((await copy(entry.code, code)) ? `Copied ${entry.code}.` : 'Code selected: press Ctrl-C to copy it.'),
              ),
              button('Fill in', `Fill in code for ${entry.email}`, () =>
                say(fillCode(entry.code) ? `Filled in ${entry.code}: press "Sign in".` : 'Send a code first: the code field appears after "Send code".'),
              ),
            );
          } else {
            // A code works once and for 30 minutes, as Polar's do: a spent one is no use to copy.
            item.classList.add('outbox-spent');
            actions.textContent = entry.status === 'used' ? 'Used' : 'Expired';
          }
          item.append(who, code, when, actions);
          return item;
        }),
      );
      empty.hidden = entries.length > 0;
    };

    const poll = async () => {
      try {
        const response = await fetch(`${localPolar}/__sandbox/outbox`, { cache: 'no-store' });
        if (!response.ok) throw new Error(String(response.status));
        const text = await response.text();
        if (text !== last) {
          last = text;
          entries = JSON.parse(text);
          render();
        } else {
          // Only the "n s ago" labels change: update them without rebuilding (keeps focus).
          list.querySelectorAll('.outbox-when').forEach((when, index) => {
            when.textContent = ago(entries[index].sent_at);
          });
        }
        if (down) say('');
        down = false;
      } catch {
        down = true;
        say(`The local Polar at ${localPolar} does not answer. Is npm start still running?`);
      }
    };
    void poll();
    setInterval(() => document.visibilityState === 'visible' && void poll(), POLL_MS);
    // A code was just requested: show it now rather than at the next poll.
    new PerformanceObserver((entries) => {
      if (entries.getEntries().some((entry) => entry.name.includes('/customer-session/request'))) void poll();
    }).observe({ type: 'resource' });
    document.addEventListener('portal-login', () => say(''));
    /** Lets the page refresh right away (after a reset). */
    root.addEventListener('outbox-refresh', () => void poll());
  }

  /** The seat invitations Polar would have emailed, each linked to this site's claim page. */
  async function invitations(root) {
    const list = root.querySelector('[data-invitations-list]');
    try {
      const response = await fetch(`${localPolar}/__sandbox/invitations`, { cache: 'no-store' });
      const entries = await response.json();
      list.replaceChildren(
        ...entries.slice(0, SHOWN).map((entry) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = `/claim.html?org=${encodeURIComponent(entry.organization)}&token=${encodeURIComponent(entry.token)}`;
          link.textContent = `${entry.email}: ${entry.product}`;
          item.append(link);
          return item;
        }),
      );
    } catch {
      list.replaceChildren();
    }
  }

  /**
   * The "verify your new email" messages Polar would have sent. Polar's link goes to its hosted
   * portal; here it opens the kit's own page with the same `?token=`, as a merchant may do.
   */
  async function emailChanges(root) {
    const list = root.querySelector('[data-email-changes-list]');
    const empty = root.querySelector('[data-email-changes-empty]');
    try {
      const response = await fetch(`${localPolar}/__sandbox/email-changes`, { cache: 'no-store' });
      const entries = await response.json();
      list.replaceChildren(
        ...entries.slice(0, SHOWN).map((entry) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = `/app.html?token=${encodeURIComponent(entry.token)}`;
          link.textContent = `Confirm ${entry.email}`;
          item.append(link);
          return item;
        }),
      );
      empty.hidden = entries.length > 0;
    } catch {
      list.replaceChildren();
    }
  }

  if (localPolar) document.querySelectorAll('[data-outbox]').forEach(mount);
  if (localPolar) {
    document.querySelectorAll('[data-email-changes]').forEach((root) => {
      void emailChanges(root);
      // A link was just requested: show it.
      new PerformanceObserver((list) => {
        if (list.getEntries().some((entry) => entry.name.includes('/email-update/request'))) void emailChanges(root);
      }).observe({ type: 'resource' });
    });
  }
  if (localPolar) document.querySelectorAll('[data-invitations]').forEach((root) => void invitations(root));
  else document.querySelectorAll('[data-local]').forEach((element) => (element.hidden = true));
}
