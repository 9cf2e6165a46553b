import { readFileSync } from 'node:fs';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * `vite build`             -> dist/portal-elements.mjs: ES module for npm users; lit and
 *                             nanostores stay imports so an app shares one copy.
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
 * First statement of the classic script. A second copy on the page must stop before Lit runs:
 * Lit creates its `lit-html` Trusted Types policy when it loads, and a page that enforces
 * Trusted Types refuses a second policy of that name. The copy that runs already hands the
 * tag's data-* settings over (src/bootstrap.ts does the same for the module build).
 */
const secondCopyGuard = `{const p=window.PolarPortal;if(p&&p.version&&typeof p.configure==='function'){
const d=document.currentScript?document.currentScript.dataset:{},c={};
for(const k of ['organization','api','theme','locale','storage'])if(d[k]!=null)c[k]=d[k];
if(Object.keys(c).length)p.configure(c);return}}`;

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    plugins: [finishMinify()],
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
        entry: iife ? 'src/embed.ts' : 'src/index.ts',
        formats: [iife ? 'iife' : 'es'],
        name: 'PolarPortalBundle',
        fileName: () => (iife ? 'portal-elements.js' : 'portal-elements.mjs'),
      },
      rolldownOptions: {
        external: iife ? [] : [/^lit($|\/)/, /^@lit\//, /^nanostores($|\/)/],
        output: { minify: true, intro: iife ? secondCopyGuard : undefined },
      },
    },
  };
});
