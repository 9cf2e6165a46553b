// The local Polar's stand-in for Polar's payment-method embed. It speaks Polar's protocol to
// the parent page (window.parent.postMessage({type: 'POLAR_PAYMENT_METHOD', event, ...},
// embed_origin)): loaded, confirmed, success {paymentMethodId}, error {code}, close and
// resize {height}. Instead of Stripe Elements it turns a Stripe test card into a stand-in
// confirmation token and calls the local Polar's POST customers/me/payment-methods.
const params = new URLSearchParams(location.search);
const token = params.get('session_token') ?? '';
const setDefault = params.get('set_default') !== 'false';
const $ = (id) => document.getElementById(id);
if (params.get('theme') === 'dark') document.body.classList.add('dark');

function originOf(value) {
  try {
    const url = new URL(value ?? '');
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.origin : null;
  } catch {
    return null;
  }
}
const target = originOf(params.get('embed_origin'));
const post = (event, extra = {}) => target && window.parent.postMessage({ ...extra, event, type: 'POLAR_PAYMENT_METHOD' }, target);

function fail(code, message) {
  $('status').textContent = '';
  $('error').textContent = message;
  $('error').hidden = false;
  post('error', { code });
}

new ResizeObserver(() => post('resize', { height: document.documentElement.scrollHeight })).observe(document.body);

async function api(method, path, body) {
  const response = await fetch(`/v1/customer-portal/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function start() {
  if (!target || !/^polar_(cst|mst)_/.test(token)) {
    $('status').textContent = 'This page must be opened by a payment-method embed.';
    return post('error', { code: 'invalid_request' });
  }
  const me = await api('GET', 'customers/me').catch(() => null);
  if (!me || me.status !== 200) return fail(me?.status === 401 ? 'unauthorized' : 'unknown', 'Your session has ended.');
  $('status').textContent = '';
  $('form').hidden = false;
  post('loaded');
}

// Polar's inline embed has no way out of its own: the page around it gives one. Only the modal
// mode closes itself (clients/apps/web/src/app/(embed)/embed/payment-method/PaymentMethodEmbed.tsx).
$('cancel').hidden = params.get('mode') === 'inline';
$('cancel').addEventListener('click', () => post('close'));
$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').hidden = true;
  const number = $('number').value.replace(/\D/g, '');
  const [mm, yy] = $('expiry').value.split('/').map((s) => s.trim());
  if (!/^\d{13,19}$/.test(number) || !/^\d{1,2}$/.test(mm ?? '') || !/^\d{2}$/.test(yy ?? '')) {
    $('error').textContent = 'Check the card number and expiry.';
    $('error').hidden = false;
    return;
  }
  $('save').disabled = true;
  post('confirmed');
  try {
    const result = await api('POST', 'customers/me/payment-methods', {
      confirmation_token_id: `ctoken_sandbox_${number}_${Number(mm)}_${yy}`,
      set_default: setDefault,
      return_url: params.get('embed_return_url') || target,
    });
    if (result.status === 201 && result.body.status === 'succeeded') {
      $('status').textContent = 'Card saved.';
      $('form').hidden = true;
      post('success', { paymentMethodId: result.body.payment_method.id });
    } else if (result.status === 401) fail('unauthorized', 'Your session has ended.');
    else if (result.status === 400 || result.status === 422) fail('processing_failed', result.body?.detail?.toString() ?? 'The card was not accepted.');
    else fail('unknown', 'Something went wrong.');
  } catch {
    fail('unknown', 'Could not reach the server.');
  } finally {
    $('save').disabled = false;
  }
});

start();
