// @ts-check
// The anonymous organization lookup the widget starts from.
import { notFound } from '../http.mjs';
import * as ser from '../serialize.mjs';

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: '/v1/customer-portal/organizations/{slug}', gate: 'anonymous',
    handler(ctx) {
      const org = [...ctx.state.organizations.values()].find((o) => o.slug === ctx.params.slug);
      if (!org) throw notFound();
      const products = [...ctx.state.products.values()].filter((p) => p.organization_id === org.id && p.visibility === 'public' && !p.is_archived);
      return { status: 200, body: { organization: ser.organization(org), products: products.map((p) => ser.product(ctx.state, p)) } };
    },
  },
];
