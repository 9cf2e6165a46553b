import { readFileSync } from 'node:fs';
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
 * After minification the only line breaks left are inside template literals: Lit's html``
 * and css`` with their source indentation. A line break and its indentation become one space,
 * which HTML and CSS read the same way (no template of ours holds a <pre>).
 */
function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'collapse-template-whitespace',
    // generateBundle runs after the minifier; renderChunk would still see comments.
    generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') file.code = file.code.replace(/\n\s*/g, ' ');
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    plugins: [collapseTemplateWhitespace()],
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
        entry: 'src/index.ts',
        formats: [iife ? 'iife' : 'es'],
        name: 'PolarPortalBundle',
        fileName: () => (iife ? 'portal-elements.js' : 'portal-elements.mjs'),
      },
      rolldownOptions: {
        external: iife ? [] : [/^lit($|\/)/, /^@lit\//, /^nanostores($|\/)/],
        output: { minify: true },
      },
    },
  };
});
