import { readdirSync, readFileSync } from 'node:fs';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { CONFIG_KEYS } from './src/config/config.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Every element, by tag: `src/elements/<tag>/<tag>.ts`, each its own ES entry. */
const ELEMENTS = readdirSync(new URL('./src/elements', import.meta.url));

/**
 * `vite build`             -> dist/portal-elements.mjs: ES module for npm users; lit and
 *                             nanostores stay imports so an app shares one copy. Beside it
 *                             dist/<tag>.mjs for each element, so an app that imports one
 *                             element pays for that one (shared code in dist/chunks/).
 * `vite build --mode iife` -> dist/portal-elements.js: one self-contained classic script for
 *                             a <script> tag; defines no global of its own beyond PolarPortal,
 *                             which it merges itself (src/bootstrap.ts).
 */
/**
 * Finishing passes after Vite's own minifier:
 * - The only line breaks left are inside template literals: Lit's html`` and css`` with their
 *   source indentation. A line break and its indentation become one space, which HTML and CSS
 *   read the same way (no template of ours holds a <pre>).
 * - terser, two passes over the whole file: measured 241 B gzip smaller than Oxc's output
 *   alone on this kit, which is what keeps it inside its size budget.
 */
function finishMinify(): Plugin {
  return {
    name: 'finish-minify',
    // generateBundle runs after the minifier; renderChunk would still see comments.
    async generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const collapsed = file.code.replace(/\n\s*/g, ' ');
        const result = await minify(collapsed, {
          ecma: 2022 as never,
          module: file.fileName.endsWith('.mjs'),
          toplevel: true,
          compress: { passes: 2 },
          format: { comments: false },
        });
        file.code = result.code ?? collapsed;
      }
    },
  };
}

/**
 * Lit's css`` templates keep their source formatting. Before anything else sees the source,
 * drop the whitespace CSS does not need: after `:` and `,`, around `{`, `}` and `;`, and the
 * last `;` of a block. Only inside css`` (never html``, where spaces are text), never inside a
 * quoted string, and never a space before `:` (`a :hover` is not `a:hover`).
 */
function minifyCss(): Plugin {
  const outside = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};])\s*/g, '$1')
      .replace(/([:,])\s+/g, '$1')
      .replace(/;}/g, '}');
  // Comments go first (they may hold an apostrophe); quoted strings (`content: '…'`) stay as written.
  const squeeze = (text: string) =>
    text
      .replace(/\/\*[^]*?\*\//g, '')
      .split(/('[^']*'|"[^"]*")/)
      .map((part, i) => (i % 2 ? part : outside(part)))
      .join('');
  return {
    name: 'minify-css-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.ts') || !code.includes('css`')) return null;
      // The static parts between interpolations; interpolations themselves stay as written.
      return code.replace(/\bcss`([^`]*)`/g, (_, body: string) => `css\`${body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : squeeze(part))).join('')}\``);
    },
  };
}

/**
 * First statement of the classic script. A second copy on the page must stop before Lit runs:
 * Lit creates its `lit-html` Trusted Types policy when it loads, and a page that enforces
 * Trusted Types refuses a second policy of that name. The copy that runs already hands the
 * tag's data-* settings over (src/bootstrap.ts does the same for the module build).
 */
const secondCopyGuard = `{const p=window.PolarPortal;if(p&&p.version&&typeof p.configure==='function'){
const d=document.currentScript?document.currentScript.dataset:{},c={};
for(const k of ${JSON.stringify(CONFIG_KEYS)})if(d[k]!=null)c[k]=d[k];
if(Object.keys(c).length)p.configure(c);return}}`;

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    plugins: [minifyCss(), finishMinify()],
    define: {
      __PORTAL_VERSION__: JSON.stringify(pkg.version),
      __PORTAL_DEV__: 'false',
      // nanostores reads NODE_ENV; a classic script on a plain page has no `process`.
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      target: 'es2022',
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      lib: {
        entry: iife
          ? 'src/embed.ts'
          : { 'portal-elements': 'src/index.ts', ...Object.fromEntries(ELEMENTS.map((tag) => [tag, `src/elements/${tag}/${tag}.ts`])) },
        formats: [iife ? 'iife' : 'es'],
        name: 'PolarPortalBundle',
        fileName: (_, entry) => (iife ? 'portal-elements.js' : `${entry}.mjs`),
      },
      rolldownOptions: {
        external: iife ? [] : [/^lit($|\/)/, /^@lit\//, /^nanostores($|\/)/],
        output: { minify: true, intro: iife ? secondCopyGuard : undefined, chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  };
});
