// @ts-check
// Money: plan prices, tax, charge/change previews and prorations. One place, so previews
// and the orders a change creates always agree.

const TAX_RATES = /** @type {Record<string, number>} */ ({ DE: 0.19, FR: 0.2, GB: 0.2, NL: 0.21, IE: 0.23, SE: 0.25 });

/** @param {any} customer */
export const taxRate = (customer) => TAX_RATES[customer?.billing_address?.country] ?? 0;

/** @param {any} product */
export const isSeatBased = (product) => product.prices.some((/** @type {any} */ p) => p.amount_type === 'seat_based');

/**
 * The per-period amount of a product at a seat count (volume tiers: one rate for all seats).
 * @param {any} product
 * @param {number|null} seats
 */
export function periodAmount(product, seats) {
  let total = 0;
  for (const price of product.prices) {
    if (price.amount_type === 'fixed') total += price.price_amount;
    if (price.amount_type === 'seat_based') {
      const n = seats ?? price.seat_tiers.minimum_seats;
      const tier = price.seat_tiers.tiers.find((/** @type {any} */ t) => n >= t.min_seats && (t.max_seats == null || n <= t.max_seats)) ?? price.seat_tiers.tiers[price.seat_tiers.tiers.length - 1];
      total += n * tier.price_per_seat;
    }
  }
  return total;
}

/**
 * Build a SubscriptionChargePreview from a base amount and prorations.
 * @param {number} base
 * @param {{label: string, amount: number}[]} prorations
 * @param {number} rate
 */
export function chargeBreakdown(base, prorations, rate) {
  const proration = prorations.reduce((s, p) => s + p.amount, 0);
  const subtotal = base + proration;
  const net = subtotal; // no discounts in the seed
  const tax = Math.round(Math.max(net, 0) * rate);
  const total = net + tax;
  // A credit (negative total) goes to the customer's balance instead of being charged.
  const applied = total < 0 ? total : 0;
  return {
    base_amount: base, metered_amount: 0, proration_amount: proration, prorations, subtotal_amount: subtotal,
    discount_amount: 0, net_amount: net, tax_amount: tax, total_amount: total, applied_balance_amount: applied, due_amount: total - applied,
  };
}

/**
 * Fraction of the current period still ahead.
 * @param {any} sub
 * @param {number} now
 */
export function remainingFraction(sub, now) {
  const start = Date.parse(sub.current_period_start);
  const end = Date.parse(sub.current_period_end);
  if (end <= start) return 0;
  return Math.min(1, Math.max(0, (end - now) / (end - start)));
}

/**
 * Prorations for switching from (product, seats) to (product, seats) now.
 * @param {any} sub
 * @param {{product: any, seats: number|null}} from
 * @param {{product: any, seats: number|null}} to
 * @param {number} now
 */
export function prorations(sub, from, to, now) {
  const f = remainingFraction(sub, now);
  const pct = Math.round(f * 100);
  const oldAmount = periodAmount(from.product, from.seats);
  const newAmount = periodAmount(to.product, to.seats);
  const label = (/** @type {any} */ x) => (x.seats ? `${x.product.name} (${x.seats} seats)` : x.product.name);
  return [
    { label: `Unused time on ${label(from)} (${pct}% of period)`, amount: -Math.round(oldAmount * f) },
    { label: `Remaining time on ${label(to)} (${pct}% of period)`, amount: Math.round(newAmount * f) },
  ];
}
