import { TableView } from '../../internal/table-view.js';
import { seatEmail, seatName, type Seat } from '../../state/seats.js';

export type SortKey = 'name' | 'status' | 'date';
export const STATUSES = ['claimed', 'pending', 'revoked'] as const;

export interface Row {
  seat: Seat;
  /** The holder's name and email; both empty for a revoked seat, which Polar empties. */
  name: string;
  email: string;
  /** Lower-cased name and email, searched on each keystroke. */
  hay: string;
  /** Claimed, invitation expiry or revoked date, by status. */
  date: string;
}

function toRow(seat: Seat): Row {
  const name = seatName(seat);
  const email = seatEmail(seat);
  const date = (seat.status === 'claimed' ? seat.claimed_at : seat.status === 'pending' ? seat.invitation_token_expires_at : seat.revoked_at) ?? '';
  return { seat, name, email, hay: `${name} ${email}`.toLowerCase(), date };
}

/**
 * The seats as table rows (sorted, searched, filtered by status, 2,000 stay fast), the count of
 * each status, and the addresses that hold a seat.
 */
export class SeatRows extends TableView<Seat, Row, SortKey> {
  constructor() {
    super(
      toRow,
      (key, collator) => {
        // Revoked seats have no holder: they sort after every named one.
        const byName = (a: Row, b: Row) => Number(!a.email) - Number(!b.email) || collator.compare(a.name || a.email, b.name || b.email);
        if (key === 'date') return (a, b) => a.date.localeCompare(b.date);
        if (key === 'name') return byName;
        return (a, b) => STATUSES.indexOf(a.seat.status) - STATUSES.indexOf(b.seat.status) || byName(a, b);
      },
      (row, needle, status) => (!status || row.seat.status === status) && (!needle || row.hay.includes(needle)),
    );
  }

  /** How many seats have each status. */
  counts(): Record<(typeof STATUSES)[number], number> {
    const counts = { claimed: 0, pending: 0, revoked: 0 };
    for (const r of this.rows) counts[r.seat.status]++;
    return counts;
  }

  /** Lower-cased addresses that hold a seat (claimed or invited). */
  held(): Set<string> {
    return new Set(this.rows.filter((r) => r.seat.status !== 'revoked').map((r) => r.email.toLowerCase()));
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
