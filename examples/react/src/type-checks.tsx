// Compiled by `npm run typecheck`, never bundled: the declarations must refuse what the
// elements do not have. Each @ts-expect-error fails the check if its line stops being an error.
export const checks = (
  <>
    {/* @ts-expect-error: portal-subscriptions has no `subscription` prop (it is subscriptionId). */}
    <portal-subscriptions subscription="sub_1" />
    {/* TypeScript never checks JSX attribute names with a dash (it reads them like data-*): a
        misspelled on<event> is caught through its handler, whose event then has no type. */}
    {/* @ts-expect-error: the event is portal-subscription-canceled (one l). */}
    <portal-subscriptions onportal-subscription-cancelled={(event) => event.detail} />
    {/* @ts-expect-error: pageSize is a number. */}
    <portal-orders pageSize="five" />
    {/* @ts-expect-error: the detail has no `reason` (a canceled event carries subscriptionId and changes). */}
    <portal-subscriptions onportal-subscription-canceled={(event) => event.detail.reason} />
    {/* @ts-expect-error: there is no <portal-invoices>. */}
    <portal-invoices />
  </>
);
