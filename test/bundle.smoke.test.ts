// Loads the built classic script (dist/portal-elements.js, made by `npm run build`, which
// `npm test` runs first) into a blank page, the way a CMS embeds it.
import { expect } from '@open-wc/testing';
import { resetSandbox, SANDBOX } from './helpers/sandbox.js';
import { until } from './helpers/portal.js';

const TAGS = ['portal-provider', 'portal-login'];

type PageWindow = Omit<Window, 'PolarPortal'> & {
  PolarPortal?: { version?: string; keep?: string; q?: unknown[] };
};

async function blankPage(): Promise<{ win: PageWindow; doc: Document; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.src = '/test/fixtures/blank.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as PageWindow;
  const errors: string[] = [];
  win.addEventListener('error', (event) => errors.push(event.message));
  return { win, doc: frame.contentDocument!, errors };
}

function loadBundle(doc: Document, attributes: Record<string, string> = {}): Promise<void> {
  const script = doc.createElement('script');
  script.src = '/dist/portal-elements.js';
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  doc.head.append(script);
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error('dist/portal-elements.js did not load: run npm run build')), { once: true });
  });
}

const config = { 'data-organization': 'solo', 'data-api': SANDBOX };

describe('the script-tag bundle', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));
  before(() => resetSandbox());

  it('defines every element and merges window.PolarPortal instead of replacing it', async () => {
    const { win, doc, errors } = await blankPage();
    win.PolarPortal = { keep: 'page value', q: [['configure', { theme: 'dark' }]] };
    const globals = new Set(Object.keys(win));
    await loadBundle(doc, config);
    // Lit and nanostores register their versions on window by design; nothing else may appear.
    const libraries = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions', 'nanostoresGlobal'];
    const added = Object.keys(win).filter((key) => !globals.has(key) && !libraries.includes(key));
    expect(added, 'no new globals of ours').to.deep.equal([]);
    for (const tag of TAGS) expect(win.customElements.get(tag), tag).to.exist;
    expect(win.PolarPortal?.keep).to.equal('page value');
    expect(win.PolarPortal?.version).to.match(/^\d+\.\d+\.\d+/);
    expect(win.PolarPortal?.q).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });

  it('can be loaded twice without an error or a second registration', async () => {
    const { win, doc, errors } = await blankPage();
    await loadBundle(doc, config);
    const first = win.PolarPortal;
    const login = win.customElements.get('portal-login');
    await loadBundle(doc, config);
    expect(win.PolarPortal).to.equal(first);
    expect(win.customElements.get('portal-login')).to.equal(login);
    expect(errors).to.deep.equal([]);
  });

  it('upgrades elements already in the page, and ones added later', async () => {
    const { win, doc, errors } = await blankPage();
    doc.body.innerHTML = '<portal-login></portal-login>';
    await loadBundle(doc, config);
    await until(() => doc.querySelector('portal-login input[type="email"]'), 'the first login form');
    const later = doc.createElement('portal-login');
    doc.body.append(later);
    await until(() => later.querySelector('input[type="email"]'), 'the later login form');
    const requests = () => win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/organizations/solo'));
    await until(() => requests().length, 'the organization request');
    // A second element that missed the shared request would have sent its own by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests(), 'the organization is fetched once for both elements').to.have.length(1);
    expect(errors).to.deep.equal([]);
  });
});
