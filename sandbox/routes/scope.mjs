// @ts-check
// What the session's subject may see: members see the billing customer's subscriptions,
// orders and seats, but only their own grants, license keys and downloadables (§3.1).
import { notFound } from '../http.mjs';

/** @param {import('../server.mjs').Ctx} ctx */
export function subject(ctx) {
  const p = /** @type {Exclude<import('../auth.mjs').Principal, {kind: 'organization'}>} */ (ctx.principal);
  return { customer: p.customer, member: p.member, session: p.session };
}

/** @param {import('../server.mjs').Ctx} ctx @param {any} record */
export function ownsPersonal(ctx, record) {
  const { customer, member } = subject(ctx);
  if (record.customer_id !== customer.id) return false;
  return member ? record.member_id === member.id : true;
}

/**
 * The caller's subscription or 404 (`ResourceNotFound()`: "Not found", unless the endpoint says more).
 * @param {import('../server.mjs').Ctx} ctx @param {string} id @param {string} [message]
 */
export function ownSubscription(ctx, id, message) {
  const s = ctx.state.subscriptions.get(id);
  if (!s || s.customer_id !== subject(ctx).customer.id) throw notFound(message);
  return s;
}

/** The caller's order or 404. @param {import('../server.mjs').Ctx} ctx @param {string} id @param {string} [message] */
export function ownOrder(ctx, id, message) {
  const o = ctx.state.orders.get(id);
  if (!o || o.customer_id !== subject(ctx).customer.id) throw notFound(message);
  return o;
}

/** @param {import('../server.mjs').Ctx} ctx */
export function organizationOf(ctx) {
  return ctx.state.organizations.get(subject(ctx).customer.organization_id);
}
