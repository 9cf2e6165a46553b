import type { PortalEvent } from '@polar-portal/elements';
import { useState } from 'react';

export function App() {
  const [notice, setNotice] = useState('');

  // React 19 adds on<event> props of a custom element as listeners for exactly <event>.
  function onCanceled(event: PortalEvent<'portal-subscription-canceled'>) {
    const reason = event.detail.changes.customer_cancellation_reason;
    setNotice(`Your app heard the cancellation${typeof reason === 'string' ? ` (${reason.replaceAll('_', ' ')})` : ''}: time for a win-back email.`);
  }

  return (
    <main>
      <h1>Your account</h1>
      <p role="status">{notice}</p>
      <portal-subscriptions onportal-subscription-canceled={onCanceled} />
      <portal-orders pageSize={5} />
    </main>
  );
}
