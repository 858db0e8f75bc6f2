// Generates custom-elements.json (`npm run manifest`); the README tables and the React wrappers are checked against it.
export default {
  // Public modules only: the element classes, their events and the defining module. Everything under internal/ is not
  // API, and the styles modules would publish their CSS text.
  globs: [
    'src/elements/bill-list/bill-list.ts',
    'src/elements/fapiao-request/fapiao-request.ts',
    'src/elements/fapiao-account/fapiao-account.ts',
    'src/elements/events.ts',
    'src/elements/bill-list/events.ts',
    'src/elements/fapiao-request/events.ts',
    'src/elements/fapiao-account/events.ts',
    'src/elements/define.ts',
  ],
  litelement: true,
  // package.json names the manifest itself; the analyzer would rewrite it to wherever it writes (the freshness test writes elsewhere).
  packagejson: false,
  plugins: [
    {
      name: 'fapiao-kit-public-api-only',
      // Lit's `state: true` properties are internal; events dispatched through a helper are already documented by @fires.
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.attributes) decl.attributes = decl.attributes.filter(a => !a.name.startsWith('_'));
            // Static Lit plumbing (styles, properties) is not API, and its CSS text would make every style edit a manifest change.
            if (decl.members)
              decl.members = decl.members.filter(
                m =>
                  !m.name.startsWith('_') &&
                  m.privacy !== 'private' &&
                  !m.name.startsWith('#') &&
                  !(m.static && ['styles', 'properties'].includes(m.name)),
              );
            if (decl.events) decl.events = decl.events.filter(e => e.name);
          }
        }
      },
    },
  ],
};
