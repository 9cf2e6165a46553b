import { sleep } from '../api/client.js';
import type { components } from '../api/schema.js';
import type { PortalScope } from './scope.js';
import { sseParser } from './stream.js';

export type ClaimInfo = components['schemas']['SeatClaimInfo'];

/** How long the claim waits for the benefits (Polar's claim page: 15 s), and for more after one arrives (2 s). */
const WAIT_MS = 15_000;
const GRACE_MS = 2_000;
/** At most this long for the stream to open before the claim (Polar's claim page waits 500 ms). */
const OPEN_MS = 1_500;

/** What an invitation offers; Polar answers 404 alike for an unknown, expired, used or withdrawn one. */
export const claimInfo = (scope: PortalScope, token: string): Promise<ClaimInfo> =>
  scope.api.get('/v1/customer-seats/claim/{invitation_token}', { path: { invitation_token: token } });

/**
 * Claims the seat and signs the invitee in, as Polar's claim page does
 * (clients/apps/web/…/portal/claim/ClaimPage.tsx, customer_seat/endpoints.py): the claim stream
 * opens first, while the seat is still pending (Polar serves it only then); then the claim; then
 * it waits for `customer_seat.claimed` and the benefits' `benefit.granted`, until none arrives for
 * 2 s, or 15 s in all. `onStep` hears the progress. `complete` is false when the time ran out
 * (the seat is claimed and the user signed in either way).
 */
export async function claimSeat(scope: PortalScope, info: ClaimInfo, token: string, onStep: (step: 'granting') => void): Promise<{ complete: boolean; seatId: string }> {
  const stop = new AbortController();
  let settle: (complete: boolean) => void = () => undefined;
  const finished = new Promise<boolean>((resolve) => (settle = resolve));
  let grace: ReturnType<typeof setTimeout> | undefined;
  const quiet = () => {
    clearTimeout(grace);
    grace = setTimeout(() => settle(true), GRACE_MS);
  };
  const opening = fetch(scope.api.url('/v1/customer-seats/claim/{token}/stream', { token }), { headers: { Accept: 'text/event-stream' }, signal: stop.signal, credentials: 'omit' });
  const listen = opening
    .then(async (response) => {
      const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
      const parse = sseParser((data) => {
        const event = JSON.parse(data) as { key?: string; payload?: { product_id?: string } };
        if (event.key === 'customer_seat.claimed' && event.payload?.product_id === info.product_id) {
          onStep('granting');
          quiet();
        } else if (event.key === 'benefit.granted') quiet();
      });
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        parse(chunk.value);
      }
    })
    .catch(() => undefined)
    // A stream that could not open, or ended early, leaves nothing to wait for.
    .finally(() => settle(false));
  const limit = setTimeout(() => settle(false), WAIT_MS);
  try {
    // A claim sent before the stream listens has its events missed, and the wait runs out. Its
    // headers say it listens; Firefox's fetch shows them only with the first bytes, hence the cap.
    await Promise.race([opening.catch(() => undefined), sleep(OPEN_MS)]);
    const { customer_session_token: session, seat } = await scope.api.post('/v1/customer-seats/claim', { body: { invitation_token: token } });
    const complete = await finished;
    await scope.session.adopt(session, 'token');
    return { complete, seatId: seat.id };
  } finally {
    clearTimeout(limit);
    clearTimeout(grace);
    stop.abort();
    await listen;
  }
}
