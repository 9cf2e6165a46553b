import { seatEmail, seatName, type Seat } from '../../state/seats.js';

export type SortKey = 'name' | 'status' | 'date';
export const STATUSES = ['claimed', 'pending', 'revoked'] as const;

export interface Row {
  seat: Seat;
  name: string;
  email: string;
  /** Lower-cased name and email, searched on each keystroke. */
  hay: string;
  /** Claimed, invitation expiry or revoked date, by status. */
  date: string;
}

/**
 * The seats as table rows: sorted when the seats or the order change, filtered when the search
 * or the status filter change, each step only when its inputs changed (2,000 seats stay fast).
 */
export class SeatRows {
  /** Every seat, sorted. */
  rows: Row[] = [];
  /** The sorted rows that match the search and filter. */
  view: Row[] = [];
  counts: Record<(typeof STATUSES)[number], number> = { claimed: 0, pending: 0, revoked: 0 };
  #sorted?: { seats: Seat[] | undefined; key: SortKey; dir: number; locale: string };
  #filtered?: { rows: Row[]; query: string; filter: string };

  update(seats: Seat[] | undefined, key: SortKey, dir: number, locale: string, query: string, filter: string): void {
    const s = this.#sorted;
    if (!s || s.seats !== seats || s.key !== key || s.dir !== dir || s.locale !== locale) {
      this.#sort(seats ?? [], key, dir, locale);
      this.#sorted = { seats, key, dir, locale };
    }
    const f = this.#filtered;
    if (f && f.rows === this.rows && f.query === query && f.filter === filter) return;
    const needle = query.trim().toLowerCase();
    this.view = this.rows.filter((r) => (!filter || r.seat.status === filter) && (!needle || r.hay.includes(needle)));
    this.#filtered = { rows: this.rows, query, filter };
  }

  /** Lower-cased addresses that hold a seat (claimed or invited). */
  held(): Set<string> {
    return new Set(this.rows.filter((r) => r.seat.status !== 'revoked').map((r) => r.email.toLowerCase()));
  }

  #sort(seats: Seat[], key: SortKey, dir: number, locale: string): void {
    const collator = new Intl.Collator(locale);
    this.counts = { claimed: 0, pending: 0, revoked: 0 };
    this.rows = seats.map((seat) => {
      this.counts[seat.status]++;
      const name = seatName(seat);
      const email = seatEmail(seat);
      const date = (seat.status === 'claimed' ? seat.claimed_at : seat.status === 'pending' ? seat.invitation_token_expires_at : seat.revoked_at) ?? '';
      return { seat, name, email, hay: `${name} ${email}`.toLowerCase(), date };
    });
    const byName = (a: Row, b: Row) => collator.compare(a.name || a.email, b.name || b.email);
    const by =
      key === 'date'
        ? (a: Row, b: Row) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
        : key === 'name'
          ? byName
          : (a: Row, b: Row) => STATUSES.indexOf(a.seat.status) - STATUSES.indexOf(b.seat.status) || byName(a, b);
    this.rows.sort((a, b) => dir * by(a, b));
  }
}

/** What a seat event tells the page: never a token. */
export const seatDetail = (seat: Seat, email = seatEmail(seat)) => ({
  seatId: seat.id,
  email,
  subscriptionId: seat.subscription_id,
  orderId: seat.order_id,
  status: seat.status,
});
