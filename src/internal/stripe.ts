// Stripe.js, loaded only when a payment needs the bank's 3-D Secure check, and only when the
// merchant gave Polar's publishable key (the kit cannot know it: README, "Payments that need
// the bank"). From Stripe's own origin for Polar's hosts; a local Polar serves a stand-in.

interface NextActionResult {
  error?: { message?: string };
  paymentIntent?: { status: string };
}
type StripeFactory = (publishableKey: string) => { handleNextAction(options: { clientSecret: string }): Promise<NextActionResult> };

declare global {
  interface Window {
    Stripe?: StripeFactory;
    trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown } };
  }
}

/** Stripe.js for an API base: https://js.stripe.com/v3/ for Polar's hosts, `<origin>/stripe/v3/` for a local Polar. */
export function stripeJsUrl(api: string): string {
  const url = new URL(api);
  return /(^|\.)polar\.sh$/.test(url.hostname) ? 'https://js.stripe.com/v3/' : `${url.origin}/stripe/v3/`;
}

let loading: Promise<StripeFactory> | undefined;
/** Our Trusted Types policy, made once: a page may allow each policy name once. */
let policy: { createScriptURL(url: string): unknown } | undefined;

/**
 * Adds Stripe.js to the page once. Rejects when the page's Content-Security-Policy or Trusted
 * Types refuse it (the caller then sends the customer to Polar's page instead).
 */
export function loadStripe(src: string): Promise<StripeFactory> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    const fail = () => {
      loading = undefined;
      script.remove();
      reject(new Error('Stripe.js could not load'));
    };
    try {
      // Under Trusted Types, a script URL must come from a policy: ours allows Stripe.js only.
      policy ??= window.trustedTypes?.createPolicy('polar-portal-stripe', { createScriptURL: (url) => (/\/v3\/$/.test(url) ? url : '') });
      script.src = (policy ? policy.createScriptURL(src) : src) as string;
    } catch {
      return fail();
    }
    script.onload = () => (window.Stripe ? resolve(window.Stripe) : fail());
    script.onerror = fail;
    document.head.append(script);
  });
  return loading;
}
