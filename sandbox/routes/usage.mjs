// @ts-check
// Customer meters and wallets: customer_portal/endpoints/customer_meter.py and wallet.py.
import { comparator, paginate, pathUuid } from '../validate.mjs';
import { notFound } from '../http.mjs';
import * as ser from '../serialize.mjs';
import { subject } from './scope.mjs';

const METERS = '/v1/customer-portal/meters';
const WALLETS = '/v1/customer-portal/wallets';

/**
 * A customer's meters, as the readable statement sees them (repository/customer_meter.py): the
 * billing customer's, for members too.
 * @param {import('../server.mjs').Ctx} ctx
 */
const meters = (ctx) => [...ctx.state.customerMeters.values()].filter((m) => m.customer_id === subject(ctx).customer.id);
/** @param {import('../server.mjs').Ctx} ctx */
const wallets = (ctx) => [...ctx.state.wallets.values()].filter((w) => w.customer_id === subject(ctx).customer.id);

/** @type {import('../server.mjs').Route[]} */
export default [
  {
    method: 'GET', path: `${METERS}/`, gate: 'read',
    handler(ctx) {
      const q = ctx.query;
      const meterIds = q.uuidList('meter_id');
      const text = q.string('query')?.toLowerCase() ?? null;
      const p = q.pagination();
      const sorting = q.sorting(['created_at', 'modified_at', 'meter_id', 'meter_name', 'consumed_units', 'credited_units', 'balance'], ['-modified_at']);
      q.done();
      const { state } = ctx;
      const name = (/** @type {any} */ m) => state.meters.get(m.meter_id).name;
      const all = meters(ctx)
        .filter((m) => meterIds.length === 0 || meterIds.includes(m.meter_id))
        .filter((m) => !text || name(m).toLowerCase().includes(text))
        .sort(comparator(sorting, {
          created_at: (m) => m.created_at, modified_at: (m) => m.modified_at ?? m.created_at, meter_id: (m) => m.meter_id,
          meter_name: name, consumed_units: (m) => m.consumed_units, credited_units: (m) => m.credited_units, balance: (m) => m.balance,
        }));
      return { status: 200, body: paginate(all, p, (m) => ser.customerMeter(state, m)) };
    },
  },
  {
    method: 'GET', path: `${METERS}/{id}`, gate: 'read',
    handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const m = meters(ctx).find((x) => x.id === id);
      if (!m) throw notFound();
      return { status: 200, body: ser.customerMeter(ctx.state, m) };
    },
  },
  {
    method: 'GET', path: `${WALLETS}/`, gate: 'billing',
    handler(ctx) {
      const q = ctx.query;
      const p = q.pagination();
      const sorting = q.sorting(['created_at', 'balance'], ['-created_at']);
      q.done();
      const all = wallets(ctx).sort(comparator(sorting, { created_at: (w) => w.created_at, balance: (w) => w.balance }));
      return { status: 200, body: paginate(all, p, ser.wallet) };
    },
  },
  {
    method: 'GET', path: `${WALLETS}/{id}`, gate: 'billing',
    handler(ctx) {
      const id = pathUuid('id', ctx.params.id);
      const w = wallets(ctx).find((x) => x.id === id);
      if (!w) throw notFound();
      return { status: 200, body: ser.wallet(w) };
    },
  },
];
