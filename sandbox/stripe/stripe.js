// The local Polar's stand-in for Stripe.js v3: only what the kit uses, `Stripe(key)` and
// `handleNextAction({ clientSecret })`. Like Stripe, it shows the bank's check in a frame over
// the page and resolves with `{ paymentIntent }` or `{ error }` once the customer is done.
(() => {
  if (window.Stripe) return;
  const origin = new URL(document.currentScript.src).origin;
  window.Stripe = (key) => ({
    handleNextAction({ clientSecret }) {
      return new Promise((resolve) => {
        const id = String(clientSecret).split('_secret_')[0];
        const url = new URL('/stripe/challenge', origin);
        url.search = new URLSearchParams({ payment_intent: id, client_secret: clientSecret, key, parent: location.origin }).toString();
        const frame = document.createElement('iframe');
        frame.src = url.href;
        frame.title = '3D Secure authentication';
        // Styles through CSSOM, which a strict style-src allows.
        Object.assign(frame.style, { position: 'fixed', inset: '0', width: '100%', height: '100%', border: '0', zIndex: '2147483647', background: 'rgb(0 0 0 / 0.45)' });
        const onMessage = (event) => {
          if (event.origin !== origin || event.source !== frame.contentWindow || event.data?.type !== 'stripe-3ds-result') return;
          removeEventListener('message', onMessage);
          frame.remove();
          resolve(event.data.error ? { error: event.data.error } : { paymentIntent: event.data.paymentIntent });
        };
        addEventListener('message', onMessage);
        document.body.append(frame);
        // Focus into the check, once it is there (WebKit focuses no frame before it loads).
        frame.focus();
        frame.addEventListener('load', () => frame.focus(), { once: true });
      });
    },
  });
})();
