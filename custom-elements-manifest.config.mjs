// @custom-elements-manifest/analyzer settings (read by `cem analyze`).
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['**/*.styles.ts'],
  litelement: true,
  // package.json's "customElements" names the published custom-elements.json; the analyzer
  // must not rewrite it to wherever a run writes its output (manifest:check uses a temp dir).
  packagejson: false,
  plugins: [
    {
      // The analyzer reads files in no fixed order; sort so the file is the same every time.
      name: 'stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
