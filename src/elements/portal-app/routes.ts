// Where <portal-app> is: its section, read from and written to the page address. Hash routes
// (`#/orders`) by default, which need nothing from the merchant's server; path routes under a
// base path (`/account/orders`) for pages that own their routes.

export const SECTIONS = ['overview', 'orders', 'usage', 'benefits', 'team', 'billing'] as const;
export type Section = (typeof SECTIONS)[number];

const isSection = (name: string): name is Section => (SECTIONS as readonly string[]).includes(name);

/** The section the address names; `overview` for none, or for anything we do not know. */
export function sectionFromAddress(basePath: string, at: Location | URL = location): Section {
  let name: string;
  if (basePath) {
    const base = basePath.replace(/\/+$/, '');
    const path = at.pathname;
    name = path === base || path.startsWith(`${base}/`) ? path.slice(base.length).replace(/^\/+|\/+$/g, '') : '';
  } else {
    // Only `#/…` is ours: a page's own anchors (`#pricing`) are left alone.
    name = at.hash.startsWith('#/') ? at.hash.slice(2).replace(/\/+$/, '') : '';
  }
  return isSection(name) ? name : 'overview';
}

/** The address of `section`, to put in a link. */
export function addressOf(basePath: string, section: Section): string {
  const tail = section === 'overview' ? '' : section;
  if (!basePath) return `#/${tail}`;
  return `${basePath.replace(/\/+$/, '')}/${tail}`;
}
