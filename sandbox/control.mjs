// @ts-check
// The sandbox's own control API under /__sandbox/ (not part of Polar): outbox, reset,
// config, faults, session expiry, and a tiny file host standing in for S3 download URLs.
import { HttpError, readJsonBody } from './http.mjs';
import { expireAllSessions, outboxView } from './auth.mjs';
import { validateWith } from './validate.mjs';
import { claimSeat } from './routes/seats.mjs';

const CONFIG_SCHEMA = {
  type: 'object', additionalProperties: false,
  properties: {
    rate_limits: { type: 'boolean' },
    token_ttl_seconds: { type: 'integer', exclusiveMinimum: 0 },
    code_ttl_seconds: { anyOf: [{ type: 'integer', exclusiveMinimum: 0 }, { type: 'null' }] },
    stream_lifetime_seconds: { type: 'number', exclusiveMinimum: 0 },
    stream_ping_seconds: { type: 'number', exclusiveMinimum: 0 },
    payment_lock_stale_seconds: { type: 'number', exclusiveMinimum: 0 },
    download_ttl_seconds: { type: 'number', exclusiveMinimum: 0 },
  },
};
/** A part of an organization's `customer_portal_settings`, for tests of what the portal hides. */
const PORTAL_SETTINGS_SCHEMA = {
  type: 'object', additionalProperties: false,
  properties: {
    usage: { type: 'object', additionalProperties: false, properties: { show: { type: 'boolean' } } },
    subscription: { type: 'object', additionalProperties: false, properties: { update_seats: { type: 'boolean' }, update_plan: { type: 'boolean' }, pause: { type: 'boolean' } } },
    customer: { type: 'object', additionalProperties: false, properties: { allow_email_change: { type: 'boolean' } } },
  },
};
const FAULT_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['path'],
  properties: {
    path: { type: 'string', minLength: 1 },
    method: { type: 'string' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    body: {},
    latency_ms: { type: 'integer', minimum: 0 },
    drop: { type: 'boolean' },
    times: { type: 'integer', minimum: 0 },
  },
};

/**
 * @param {import('./server.mjs').World} world
 * @param {import('node:http').IncomingMessage} req
 * @param {URL} url
 * @param {string} origin
 * @returns {Promise<import('./server.mjs').Reply>}
 */
export async function handleControl(world, req, url, origin) {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  const route = `${method} ${path}`;
  if (route === 'GET /__sandbox/outbox') return { status: 200, body: outboxView(world) };
  if (route === 'GET /__sandbox/invitations') return { status: 200, body: invitations(world, origin) };
  if (route === 'GET /__sandbox/email-changes') return { status: 200, body: emailChanges(world) };
  const settings = /^\/__sandbox\/organizations\/([^/]+)\/portal-settings$/.exec(path);
  if (method === 'POST' && settings) {
    const org = [...world.state.organizations.values()].find((o) => o.slug === decodeURIComponent(settings[1]));
    if (!org) throw new HttpError(404, { detail: 'No organization with this slug' });
    const body = validateWith(PORTAL_SETTINGS_SCHEMA, await readJsonBody(req));
    const current = org.customer_portal_settings;
    for (const [group, values] of Object.entries(body)) current[group] = { ...current[group], ...values };
    return { status: 200, body: current };
  }
  if (route === 'POST /__sandbox/reset') {
    req.resume();
    world.reset();
    return { status: 204 };
  }
  if (route === 'GET /__sandbox/config') return { status: 200, body: world.config };
  if (route === 'POST /__sandbox/config') {
    const body = validateWith(CONFIG_SCHEMA, await readJsonBody(req));
    Object.assign(world.config, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)));
    return { status: 200, body: world.config };
  }
  if (route === 'GET /__sandbox/faults') return { status: 200, body: world.faults.list() };
  if (route === 'POST /__sandbox/faults') {
    const raw = await readJsonBody(req);
    const body = validateWith(FAULT_SCHEMA, raw);
    const fault = world.faults.add({
      path: body.path, method: body.method ? String(body.method).toUpperCase() : null, status: body.status ?? null,
      body: raw && typeof raw === 'object' && 'body' in raw ? /** @type {any} */ (raw).body : undefined,
      latency_ms: body.latency_ms ?? 0, drop: body.drop ?? false, times: body.times ?? 1,
    });
    return { status: 201, body: fault };
  }
  if (route === 'DELETE /__sandbox/faults') {
    world.faults.clear();
    return { status: 204 };
  }
  if (route === 'POST /__sandbox/expire-sessions') {
    req.resume();
    expireAllSessions(world);
    return { status: 204 };
  }
  const claim = /^\/__sandbox\/seats\/([^/]+)\/claim$/.exec(path);
  if (method === 'POST' && claim) {
    req.resume();
    const seat = claimSeat(world, decodeURIComponent(claim[1]));
    if (!seat) throw new HttpError(404, { detail: 'No pending seat with this id' });
    return { status: 200, body: seat };
  }
  const file = /^\/__sandbox\/files\/([^/]+)\/([^/]+)$/.exec(path);
  if (method === 'GET' && file) return serveFile(world, decodeURIComponent(file[1]), decodeURIComponent(file[2]), origin);
  throw new HttpError(404, { detail: 'Not Found' });
}

/**
 * What Polar's seat invitation emails would carry (customer_seat/sender.py): each pending seat's
 * address and claim link (`{frontend}/{org}/portal/claim?token=`), newest first.
 * @param {import('./server.mjs').World} world @param {string} origin
 */
function invitations(world, origin) {
  const { state } = world;
  return [...state.seats.values()]
    .filter((s) => s.status === 'pending' && s.invitation_token && Date.parse(s.invitation_token_expires_at) > world.now())
    .sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
    .map((s) => {
      const parent = s.subscription_id ? state.subscriptions.get(s.subscription_id) : state.orders.get(s.order_id);
      const product = state.products.get(parent.product_id);
      const org = state.organizations.get(product.organization_id);
      return { email: s.email, token: s.invitation_token, organization: org.slug, product: product.name, claim_url: `${origin}/${org.slug}/portal/claim?token=${s.invitation_token}`, sent_at: s.created_at };
    });
}

/**
 * What Polar's "Verify your new email address" emails would carry (customer_email_update/
 * service.py `send_verification_email`): the new address and the link, newest first.
 * @param {import('./server.mjs').World} world
 */
function emailChanges(world) {
  return [...world.state.emailUpdates.entries()]
    .filter(([, r]) => r.expires_at > world.now())
    .sort(([, a], [, b]) => (a.sent_at < b.sent_at ? 1 : -1))
    .map(([token, r]) => ({ email: r.email, token, organization: world.state.organizations.get(r.organization_id).slug, link: r.link, sent_at: r.sent_at }));
}

/**
 * Downloadables, invoices and receipts resolve here, like Polar's presigned S3 URLs, which
 * answer as attachments (`ResponseContentDisposition`, integrations/aws/s3/service.py).
 * @param {import('./server.mjs').World} world @param {string} id @param {string} name @param {string} _origin
 * @returns {import('./server.mjs').Reply}
 */
function serveFile(world, id, name, _origin) {
  const { state } = world;
  const f = state.files.get(id);
  if (f && f.name === name) {
    return { status: 200, body: `Sandbox placeholder for ${f.name} (version ${f.version}).\n`, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${f.name}.txt"` } };
  }
  const order = state.orders.get(id);
  // The invoice file holds what it was made from: a download shows which version it is.
  if (order?.invoice && name === order.invoice.path) {
    const lines = [`Invoice ${order.invoice_number}`, order.invoice.billing_name ?? '', ...Object.values(order.invoice.billing_address ?? {}).filter(Boolean)];
    return { status: 200, body: minimalPdf(lines), headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}"` } };
  }
  if (order?.receipt_ready && name === `Receipt-${order.receipt_number}.pdf`) {
    return { status: 200, body: minimalPdf([`Receipt ${order.receipt_number}`]), headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}"` } };
  }
  throw new HttpError(404, { detail: 'Not Found' });
}

/** A one-page PDF with these lines of (Latin-1) text. @param {string[]} lines */
function minimalPdf(lines) {
  const safe = (/** @type {string} */ t) => t.replace(/[()\\]/g, '').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  const stream = `BT /F1 14 Tf 72 720 Td 18 TL ${lines.map((l) => `(${safe(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // One byte per character, as the offsets above count them (WinAnsi text).
  return Buffer.from(out, 'latin1');
}
