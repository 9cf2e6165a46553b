// @custom-elements-manifest/analyzer settings (read by `cem analyze`).
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['**/*.styles.ts'],
  litelement: true,
  plugins: [
    {
      // Elements that dispatch through a helper (`dispatchEvent(new XEvent(name, ...))`) make
      // the analyzer invent events named after the variable; the real ones are the
      // documented @event tags.
      name: 'documented-events-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer reads files in no fixed order; sort so the file is the same every time.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.name?.startsWith('portal-') && event.description);
            }
          }
        }
      },
    },
  ],
};
