// POST /api/portal-token -> { token, expires_at }: a Polar customer session for the user your
// app has signed in. The organization token is read here, on the server, and is never sent to
// the browser (it is not a NEXT_PUBLIC_ variable).
import { NextResponse } from 'next/server';

const POLAR_API = process.env.POLAR_API ?? 'http://127.0.0.1:8787';
// Polar: Settings → Developers → New token, with the customer_sessions:write scope. The default
// is the local Polar's token for its `solo` organization (npm start in the kit).
const POLAR_ACCESS_TOKEN = process.env.POLAR_ACCESS_TOKEN ?? 'polar_oat_sandbox_solo_261ddfdc3e0c99a3e3e93477';

/** Who is signed in to your app: your session decides. This example has one user, the local Polar's `alice`. */
async function signedInUser(): Promise<{ externalId: string } | null> {
  return { externalId: process.env.APP_USER ?? 'alice' };
}

export async function POST() {
  const user = await signedInUser();
  if (!user) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  const polar = await fetch(`${POLAR_API}/v1/customer-sessions/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${POLAR_ACCESS_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ external_customer_id: user.externalId }),
    cache: 'no-store',
  });
  if (!polar.ok) return NextResponse.json({ error: `Polar answered ${polar.status}.` }, { status: 502 });
  const { token, expires_at } = (await polar.json()) as { token: string; expires_at: string };
  return NextResponse.json({ token, expires_at }, { headers: { 'Cache-Control': 'no-store' } });
}
