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
      // Private and protected members (`#x`, `private`, `protected`) are nobody's API: keep them out of the
      // manifest that editors and framework tooling read.
      name: 'public-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.members) decl.members = decl.members.filter((m) => !m.privacy || m.privacy === 'public');
          }
        }
      },
    },
    {
      // The analyzer reads files in no fixed order; sort so the file is the same every time.
      name: 'stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
