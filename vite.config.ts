import { readdirSync, readFileSync } from 'node:fs';
import { minify } from 'terser';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';
import { CONFIG_KEYS } from './src/config/config.js';
import { en } from './src/i18n/en.js';
import { keySignature } from './src/i18n/signature.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Every element, by tag: `src/elements/<tag>/<tag>.ts`, each its own ES entry. */
const ELEMENTS = readdirSync(new URL('./src/elements', import.meta.url));
/** Every language but English (which is in the bundle): `src/i18n/locales/<code>.ts`. */
const LOCALES = readdirSync(new URL('./src/i18n/locales', import.meta.url)).map((file) => file.replace(/\.ts$/, ''));
const localeSource = (code: string) => new URL(`./src/i18n/locales/${code}.ts`, import.meta.url).pathname;

/**
 * `vite build`             -> dist/portal-elements.mjs: ES module for npm users; lit and
 *                             nanostores stay imports so an app shares one copy. Beside it
 *                             dist/<tag>.mjs for each element, so an app that imports one
 *                             element pays for that one (shared code in dist/chunks/).
 *                             dist/locales/<code>.mjs registers a language with that copy.
 * `vite build --mode iife` -> dist/portal-elements.js: one self-contained classic script for
 *                             a <script> tag; defines no global of its own beyond PolarPortal,
 *                             which it merges itself (src/bootstrap.ts).
 * `vite build --mode locale` with PORTAL_LOCALE=<code> (scripts/build-locales.mjs runs each)
 *                          -> dist/locales/<code>.js: a classic script that hands its language
 *                             to window.PolarPortal, or queues it there for the kit to come.
 *                             The kit imports it when an element needs that language.
 */
/**
 * Finishing passes after Vite's own minifier:
 * - The only line breaks left are inside template literals: Lit's html`` and css`` with their
 *   source indentation. A line break and its indentation become one space, which HTML and CSS
 *   read the same way (no template of ours holds a <pre>).
 * - terser, two passes over the whole file: measured 241 B gzip smaller than Oxc's output
 *   alone on this kit, which is what keeps it inside its size budget.
 * - In the ES build, each import of a run-time address gets the comments that keep an app's
 *   bundler (Turbopack, webpack, Vite) from resolving it at build time.
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
        // The ES build goes through the app's bundler: its import of a run-time address (a
        // locale file) must stay a browser import. Next's Turbopack fails the build on an import
        // it cannot resolve; webpack and Vite warn. The minifiers drop the source's comment.
        if (file.fileName.endsWith('.mjs')) file.code = file.code.replace(/\bimport\((?=[A-Za-z_$][\w$]*\))/g, 'import(/* webpackIgnore: true */ /* @vite-ignore */ ');
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
 * A language's messages as values in English's key order (`Object.keys(en)`, which the kit
 * reads back in registerTranslation), after the fingerprint of that order (keySignature): the
 * keys would be a sixth of a locale file's gzip size.
 * The source stays a typed `Translation` object, so a missing or extra key is a type error;
 * this checks again, since a locale built with a missing key would shift every later value.
 */
function localeValues(): Plugin {
  const keys = Object.keys(en);
  return {
    name: 'locale-values',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/i18n\/locales\/[^/]+\.ts$/.test(id)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      let literal: ts.ObjectLiteralExpression | undefined;
      const visit = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && node.type?.getText(file) === 'Translation' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) literal = node.initializer;
        else ts.forEachChild(node, visit);
      };
      visit(file);
      if (!literal) return this.error(`${id}: no \`const …: Translation = { … }\``);
      const values = new Map<string, string>();
      for (const property of literal.properties) {
        if (ts.isShorthandPropertyAssignment(property)) values.set(property.name.text, property.name.text);
        else if (ts.isPropertyAssignment(property)) values.set(property.name.getText(file), property.initializer.getText(file));
        else return this.error(`${id}: write every message as \`key: value\` (${property.getText(file).slice(0, 40)})`);
      }
      const missing = keys.filter((key) => !values.has(key));
      const extra = [...values.keys()].filter((key) => !keys.includes(key));
      if (missing.length || extra.length) return this.error(`${id}: missing ${missing.join(', ') || 'none'}; extra ${extra.join(', ') || 'none'}`);
      const array = [JSON.stringify(keySignature(keys)), ...keys.map((key) => values.get(key))];
      return `${code.slice(0, literal.getStart(file))}[${array.join(',\n')}] as never${code.slice(literal.end)}`;
    },
  };
}

/**
 * A locale's entry: registers its language. The ES one with the kit's own registerTranslation
 * (the same module instance as the app's elements); the classic one through window.PolarPortal,
 * or its queue when the kit has not run yet (src/bootstrap.ts replays it).
 */
function localeEntries(): Plugin {
  const prefix = '\0portal-locale:';
  const localize = new URL('./src/i18n/localize.ts', import.meta.url).pathname;
  return {
    name: 'locale-entries',
    // Vite makes a library entry a path under the project (`/work/portal-locale:es:de`).
    resolveId: (id) => (id.includes('portal-locale:') ? `\0${id.slice(id.indexOf('portal-locale:'))}` : null),
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const [kind, code] = id.slice(prefix.length).split(':');
      const values = `import t from ${JSON.stringify(localeSource(code))};`;
      return kind === 'es'
        ? `${values}import { registerTranslation } from ${JSON.stringify(localize)};registerTranslation(${JSON.stringify(code)}, t);`
        : `${values}const p = (self.PolarPortal ||= {});p.registerTranslation ? p.registerTranslation(${JSON.stringify(code)}, t) : (p.q ||= []).push(['registerTranslation', ${JSON.stringify(code)}, t]);`;
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
  const locale = mode === 'locale' ? process.env.PORTAL_LOCALE : undefined;
  if (mode === 'locale' && !LOCALES.includes(locale ?? '')) throw new Error(`PORTAL_LOCALE must be one of ${LOCALES.join(', ')}`);
  const iife = mode === 'iife' || !!locale;
  return {
    plugins: [minifyCss(), localeValues(), localeEntries(), finishMinify()],
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
        entry: locale
          ? `portal-locale:classic:${locale}`
          : iife
            ? 'src/embed.ts'
            : {
                'portal-elements': 'src/index.ts',
                ...Object.fromEntries(ELEMENTS.map((tag) => [tag, `src/elements/${tag}/${tag}.ts`])),
                ...Object.fromEntries(LOCALES.map((code) => [`locales/${code}`, `portal-locale:es:${code}`])),
              },
        formats: [iife ? 'iife' : 'es'],
        name: 'PolarPortalBundle',
        fileName: (_, entry) => (locale ? `locales/${locale}.js` : iife ? 'portal-elements.js' : `${entry}.mjs`),
      },
      rolldownOptions: {
        external: iife ? [] : [/^lit($|\/)/, /^@lit\//, /^nanostores($|\/)/],
        output: {
          minify: true,
          intro: iife && !locale ? secondCopyGuard : undefined,
          chunkFileNames: 'chunks/[name]-[hash].mjs',
        },
      },
    },
  };
});
