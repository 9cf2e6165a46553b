import type { components } from '../api/schema.js';
import { METERS } from './keys.js';
import type { Resource } from './resource.js';
import type { OrganizationData, PortalScope } from './scope.js';
import type { Grant } from './benefits.js';
import type { Subscription } from './subscriptions.js';

type Schemas = components['schemas'];
export type MeterList = Schemas['ListResource_CustomerCustomerMeter_'];
export type CustomerMeter = MeterList['items'][number];

export { METERS };

/** Every meter of the customer, by name (Polar's hosted usage page lists them the same way). */
export const metersResource = (scope: PortalScope): Resource<MeterList> =>
  scope.resources.get(METERS, (signal) => scope.api.get('/v1/customer-portal/meters/', { query: { limit: 100, sorting: ['meter_name'] }, signal }));

/** Whether the organization shows usage to its customers (`customer_portal_settings.usage.show`). */
export const showsUsage = (org: OrganizationData | undefined): boolean => !!org?.organization.customer_portal_settings.usage?.show;

/**
 * The period a meter counts and what it adds to the next charge: from the live subscription whose
 * metered price uses it (`subscription.meters[]`), else from the one whose granted meter-credit
 * benefit renews its credits each period. Undefined when nothing ties the meter to a period.
 */
export function meterPeriod(meter: CustomerMeter, subscriptions: readonly Subscription[], grants: readonly Grant[]): MeterPeriod | undefined {
  const live = subscriptions.filter((s) => (s.status === 'active' || s.status === 'trialing') && !s.ended_at && s.current_period_end);
  for (const s of live) {
    const billed = s.meters.find((m) => m.meter_id === meter.meter_id);
    if (billed) return { start: s.current_meter_period_start ?? s.current_period_start, end: s.current_meter_period_end ?? s.current_period_end!, amount: billed.amount, currency: s.currency };
  }
  const credit = grants.find((g) => g.is_granted && g.benefit.type === 'meter_credit' && g.benefit.properties.meter_id === meter.meter_id && g.subscription_id);
  const s = credit && live.find((x) => x.id === credit.subscription_id);
  return s ? { start: s.current_period_start, end: s.current_period_end! } : undefined;
}

export interface MeterPeriod {
  start: string;
  end: string;
  /** Cents the usage adds to the next charge, where a metered price bills it. */
  amount?: number;
  currency?: string;
}
