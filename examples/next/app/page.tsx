import { AccountPortal } from './account-portal';

// Read the settings per request, on the server: the page passes the browser only what it may see.
export const dynamic = 'force-dynamic';

export default function AccountPage() {
  return (
    <main>
      <h1>Your account</h1>
      <AccountPortal
        api={process.env.POLAR_API ?? 'http://127.0.0.1:8787'}
        organization={process.env.POLAR_ORGANIZATION ?? 'solo'}
      />
    </main>
  );
}
