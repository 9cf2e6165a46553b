'use client';
import { PolarPortal, type PortalEvent } from '@polar-portal/elements';
import { useState } from 'react';
import type { PortalSettings } from './account-portal';

/** Your route handler knows who is signed in and mints their Polar session (app/api/portal-token). */
async function getToken() {
  const response = await fetch('/api/portal-token', { method: 'POST' });
  if (!response.ok) throw new Error(`portal token: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export default function Portal({ api, organization }: PortalSettings) {
  // Configured before the first portal-* tag renders, so each element upgrades already set up.
  useState(() => PolarPortal.configure({ api, organization, getToken }));
  const [notice, setNotice] = useState('');

  function onCanceled(event: PortalEvent<'portal-subscription-canceled'>) {
    const reason = event.detail.changes.customer_cancellation_reason;
    setNotice(`Your app heard the cancellation${typeof reason === 'string' ? ` (${reason.replaceAll('_', ' ')})` : ''}: time for a win-back email.`);
  }

  return (
    <>
      <p role="status">{notice}</p>
      <portal-subscriptions onportal-subscription-canceled={onCanceled} />
      <portal-orders pageSize={5} />
    </>
  );
}
