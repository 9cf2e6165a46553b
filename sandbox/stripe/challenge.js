// The bank's 3-D Secure page, standing in for Stripe's test challenge: complete or fail.
const params = new URLSearchParams(location.search);
const intent = params.get('payment_intent') ?? '';
const query = { client_secret: params.get('client_secret') ?? '', key: params.get('key') ?? '' };
const parentOrigin = params.get('parent') ?? '*';
const $ = (id) => document.getElementById(id);
const post = (data) => window.parent.postMessage({ type: 'stripe-3ds-result', ...data }, parentOrigin);

async function call(method, suffix = '', body) {
  const url = `/stripe/v1/payment_intents/${encodeURIComponent(intent)}${suffix}`;
  const response = method === 'GET'
    ? await fetch(`${url}?${new URLSearchParams(query)}`)
    : await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...query, ...body }) });
  return { ok: response.ok, data: await response.json() };
}

async function finish(result) {
  $('complete').disabled = $('fail').disabled = true;
  const { ok, data } = await call('POST', '/authenticate', { result });
  if (!ok) return post({ error: data.error });
  if (data.status === 'succeeded') return post({ paymentIntent: data });
  post({ error: { type: 'invalid_request_error', code: data.last_payment_error?.code, message: data.last_payment_error?.message, payment_intent: data } });
}

(async () => {
  const { ok, data } = await call('GET');
  if (!ok) return post({ error: data.error });
  const amount = new Intl.NumberFormat('en', { style: 'currency', currency: data.currency.toUpperCase() }).format(data.amount / 100);
  $('amount').textContent = `${amount} to the merchant.`;
  $('complete').disabled = $('fail').disabled = false;
  $('complete').addEventListener('click', () => finish('complete'));
  $('fail').addEventListener('click', () => finish('fail'));
  $('complete').focus();
  // Ready for the customer (the kit ignores it; tests wait for it rather than for a while).
  window.parent.postMessage({ type: 'stripe-3ds-ready' }, parentOrigin);
  // An engine that lets a frame take focus only once its parent gave it (WebKit): the first
  // button then, as when the frame already had it.
  addEventListener('focus', () => document.activeElement === document.body && $('complete').focus());
})();
