import { expect, fixture, html } from '@open-wc/testing';
import type { PortalOrders, PortalSeats } from '../../src/index.js';
import { PolarPortal } from '../../src/index.js';
import { documentContextValue } from '../../src/context/document-provider.js';
import { sseParser } from '../../src/state/stream.js';
import { textOf } from '../helpers/dom.js';
import { eventually, freshPortal, until } from '../helpers/portal.js';
import { configureSandbox, SANDBOX } from '../helpers/sandbox.js';
import { api, signIn } from '../helpers/session.js';

const STREAM = `${SANDBOX}/v1/customer-portal/customers/stream`;
/** Stream connections opened so far: counted at fetch (Resource Timing lists a request only once it ends). */
let streams = 0;
const original = window.fetch;
window.fetch = (input, init) => {
  if (String(input) === STREAM) streams++;
  return original(input, init);
};
const opened = () => streams;
const scope = () => documentContextValue().scope;

describe('state/stream', () => {
  describe('sseParser (the EventSource rules Polar’s stream needs)', () => {
    const parse = (...chunks: string[]) => {
      const out: string[] = [];
      const feed = sseParser((data) => out.push(data));
      for (const chunk of chunks) feed(chunk);
      return out;
    };

    it('reads data lines up to the blank line, across any chunk boundary and any line end', () => {
      expect(parse('data: {"a":1}\r\n\r\n')).to.deep.equal(['{"a":1}']);
      expect(parse('data: one\n\ndata: two\r\r')).to.deep.equal(['one', 'two']);
      expect(parse('da', 'ta: x', '\r', '\n', '\r', '\n')).to.deep.equal(['x']);
      expect(parse('data: a\r', '\ndata: b\r\n\r\n'), 'a CRLF split over chunks is one line end').to.deep.equal(['a\nb']);
      expect(parse('data:no-space\n\n')).to.deep.equal(['no-space']);
    });

    it('skips comments (sse_starlette’s pings), other fields, and messages without data', () => {
      expect(parse(': ping - 2026-12-02 10:00:00+00:00\r\n\r\nevent: x\r\nid: 1\r\ndata: y\r\n\r\n\r\n\r\n')).to.deep.equal(['y']);
      expect(parse('data: unfinished')).to.deep.equal([]);
    });
  });

  describe('the customer stream, against the local Polar', () => {
    beforeEach(async () => {
      await freshPortal('solo');
      // Firefox hands the response over with its first bytes: a ping soon, not after Polar's 15 s.
      await configureSandbox({ stream_ping_seconds: 0.2 });
    });

    it('one connection for the page while elements show user data, none signed out, closed on sign-out', async () => {
      const before = opened();
      const wrap = await fixture(html`<div><portal-orders></portal-orders><portal-orders></portal-orders></div>`);
      await new Promise((r) => setTimeout(r, 300));
      expect(opened() - before, 'signed out: no stream').to.equal(0);
      await signIn('solo', 'alice');
      await eventually(async () => scope().stream.connected, 'connected');
      expect(opened() - before, 'two elements, one connection').to.equal(1);
      PolarPortal.session.signOut();
      await eventually(async () => !scope().stream.connected, 'closed on sign-out');
      wrap.remove();
    });

    it('comes back at once after Polar’s {"type": "reconnect"}, and keeps delivering', async () => {
      await configureSandbox({ stream_lifetime_seconds: 0.5 });
      await signIn('solo', 'alice');
      const el = await fixture<PortalOrders>(html`<portal-orders></portal-orders>`);
      await eventually(async () => scope().stream.connected, 'connected');
      const before = opened();
      await eventually(async () => opened() > before && scope().stream.connected, 'reconnected', 3000);
      // Then a connection that lives long enough to hear the receipt's job (0.7 s): an event sent
      // while a stream is down is gone, at Polar as here (Redis pub/sub, server/polar/eventstream/service.py).
      await configureSandbox({ stream_lifetime_seconds: 600 });
      const again = opened();
      await eventually(async () => opened() > again && scope().stream.connected, 'reconnected for good', 3000);
      const heard = new Promise((resolve) => scope().stream.on((e) => e.key === 'order.receipt_generated' && resolve(e)));
      const list = (await api('GET', 'orders/?limit=100')) as { items: { id: string; status: string }[] };
      // The receipt's first GET answers 202 with no body and starts the render.
      await api('GET', `orders/${list.items.find((o) => o.status === 'paid')!.id}/receipt`).catch(() => undefined);
      await heard;
      el.remove();
    });

    it('a claimed seat refreshes that subscription’s seats on screen, with no reload (customer_seat.claimed)', async () => {
      await freshPortal('acme');
      await signIn('acme', 'globex', 'globex-owner');
      const el = await fixture<PortalSeats>(html`<portal-seats></portal-seats>`);
      const row = () => [...el.shadowRoot!.querySelectorAll('tbody tr')].find((r) => textOf(r).includes('nina@globex.example'));
      await until(() => row(), 'nina’s row');
      expect(textOf(row()!)).to.contain('Invited');
      const seats = (await api('GET', 'seats?subscription_id=f13fad76-c588-4551-afe3-27d29ef65fe6')) as { seats: { id: string; email: string }[] };
      await fetch(`${SANDBOX}/__sandbox/seats/${seats.seats.find((s) => s.email === 'nina@globex.example')!.id}/claim`, { method: 'POST' });
      await until(() => textOf(row()!).includes('Claimed'), 'the seat shows claimed', 4000);
    });
  });
});
