'use client';
import dynamic from 'next/dynamic';

export type PortalSettings = { api: string; organization: string };

// The elements are browser code (custom elements): render them in the browser only, so the
// server's HTML and the first client render agree and nothing needs hydrating.
const Portal = dynamic(() => import('./portal'), {
  ssr: false,
  loading: () => <p className="loading">Loading your account…</p>,
});

export function AccountPortal(settings: PortalSettings) {
  return <Portal {...settings} />;
}
