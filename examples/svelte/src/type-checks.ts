// Compiled by `npm run typecheck`, never bundled. svelte-check reads a tag's attributes as an
// object of type SvelteHTMLElements[tag], so these are the checks a template gets: the
// declarations must refuse what the elements do not have. Each @ts-expect-error fails the
// check if its line stops being an error.
import type { PortalEvent } from '@polar-portal/elements';
import type { SvelteHTMLElements } from 'svelte/elements';

type Subscriptions = SvelteHTMLElements['portal-subscriptions'];
const onSeat = (event: PortalEvent<'portal-seat-assigned'>) => event.detail.email;

export const checks: Subscriptions[] = [
  { subscriptionId: 'sub_1', 'onportal-subscription-canceled': (event) => event.detail.changes },
  // @ts-expect-error: portal-subscriptions has no `subscription` prop (it is subscriptionId).
  { subscription: 'sub_1' },
  // @ts-expect-error: the event is portal-subscription-canceled (one l).
  { 'onportal-subscription-cancelled': () => {} },
  // @ts-expect-error: a seat handler on a subscription event: the details differ.
  { 'onportal-subscription-canceled': onSeat },
];
// @ts-expect-error: pageSize is a number.
export const orders: SvelteHTMLElements['portal-orders'] = { pageSize: 'five' };
