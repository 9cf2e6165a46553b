// @ts-check
// The deterministic seed: the same ids on every start, dates relative to "now" so the
// data always looks current. `SEED` holds the ids and secrets tests and the demo use;
// `createState(now)` builds the mutable in-memory database from them.
import { uuidFrom, hexFrom } from './ids.mjs';
import { grantBenefit } from './grants.mjs';

const DAY = 86_400_000;

/** @param {string} slug */
const oat = (slug) => `polar_oat_sandbox_${slug}_${hexFrom(`oat:${slug}`, 24)}`;

const product = (/** @type {string} */ key) => uuidFrom(`product:${key}`);
const customer = (/** @type {string} */ key) => uuidFrom(`customer:${key}`);
const member = (/** @type {string} */ key) => uuidFrom(`member:${key}`);
const sub = (/** @type {string} */ key) => uuidFrom(`subscription:${key}`);

/** Stable ids, emails and merchant tokens. Nothing here depends on the clock. */
export const SEED = Object.freeze({
  organizations: {
    acme: { id: uuidFrom('org:acme'), slug: 'acme', name: 'Acme Inc.', accessToken: oat('acme') },
    solo: { id: uuidFrom('org:solo'), slug: 'solo', name: 'Solo Studio', accessToken: oat('solo') },
  },
  /** Seat invitation tokens (what Polar's email links carry: `/{org}/portal/claim?token=`). */
  invitations: {
    nina: hexFrom('invitation:globex:pending:1', 43),
    oscar: hexFrom('invitation:globex:pending:2', 43),
    paula: hexFrom('invitation:globex:pending:3', 43),
    newHire01: hexFrom('invitation:initech:pending:1', 43),
  },
  /** The local Polar's stand-in for Polar's Stripe publishable key (sandbox/stripe.mjs). */
  stripePublishableKey: 'pk_test_local_polar_sandbox',
  /** Organization access tokens for `POST /v1/customer-sessions/` (server-side only on real Polar). */
  accessTokens: { acme: oat('acme'), solo: oat('solo') },
  personas: {
    alice: { email: 'alice@example.com', externalId: 'alice', customerId: customer('alice') },
    owner: { email: 'owner@example.com', externalId: 'globex-owner', customerId: customer('globex'), memberId: member('globex:owner') },
    billing: { email: 'billing@example.com', externalId: 'globex-billing', customerId: customer('globex'), memberId: member('globex:billing') },
    member: { email: 'member@example.com', externalId: 'globex-member', customerId: customer('globex'), memberId: member('globex:member') },
    shared: { email: 'shared@example.com', customerIds: [customer('shared-studio'), customer('shared-personal')] },
    big: { email: 'big@example.com', externalId: 'initech-owner', customerId: customer('initech'), memberId: member('initech:owner') },
    carol: { email: 'carol@example.com', externalId: 'carol', customerId: customer('carol'), memberId: member('carol:owner') },
    // Polar keeps each customer's language (a BCP 47 tag, polar/kit/locale.py): Jakub's is Polish.
    jakub: { email: 'jakub@example.com', externalId: 'jakub', customerId: customer('jakub') },
  },
  customers: {
    alice: customer('alice'),
    globex: customer('globex'),
    initech: customer('initech'),
    sharedStudio: customer('shared-studio'),
    sharedPersonal: customer('shared-personal'),
    carol: customer('carol'),
  },
  externalIds: { alice: 'alice', globex: 'globex', initech: 'initech', sharedStudio: 'shared-studio', sharedPersonal: 'shared-personal', carol: 'carol' },
  members: {
    globexOwner: member('globex:owner'),
    globexBilling: member('globex:billing'),
    globexMember: member('globex:member'),
    initechOwner: member('initech:owner'),
    carolOwner: member('carol:owner'),
  },
  subscriptions: {
    alice: { active: sub('alice:active'), canceling: sub('alice:canceling'), pastDue: sub('alice:past-due'), paused: sub('alice:paused'), ended: sub('alice:ended') },
    globex: sub('globex:team'),
    initech: sub('initech:team'),
    carol: sub('carol:pro'),
  },
  products: {
    solo: {
      starterMonthly: product('solo:starter-monthly'), starterYearly: product('solo:starter-yearly'),
      proMonthly: product('solo:pro-monthly'), proYearly: product('solo:pro-yearly'),
      businessMonthly: product('solo:business-monthly'), lifetime: product('solo:lifetime'),
      ebook: product('solo:ebook'), legacy: product('solo:legacy'),
    },
    acme: {
      starter: product('acme:starter'), pro: product('acme:pro'), proYearly: product('acme:pro-yearly'),
      business: product('acme:business'), team: product('acme:team'), teamYearly: product('acme:team-yearly'),
      workshop: product('acme:workshop'),
    },
  },
  orders: {
    alicePending: uuidFrom('order:alice:business:2'),
    alicePaid: uuidFrom('order:alice:pro:6'),
    aliceRefunded: uuidFrom('order:alice:pro:2'),
    alicePartiallyRefunded: uuidFrom('order:alice:pro:4'),
    aliceEbook: uuidFrom('order:alice:ebook'),
    globexLatest: uuidFrom('order:globex:3'),
  },
  paymentMethods: {
    aliceVisa: uuidFrom('pm:alice:visa'),
    aliceMastercard: uuidFrom('pm:alice:mastercard'),
    aliceLink: uuidFrom('pm:alice:link'),
    /** Stripe's 4000 0027 6000 3184: every charge asks for 3-D Secure. */
    aliceThreeDS: uuidFrom('pm:alice:3ds'),
    /** Stripe's 4000 0000 0000 0341: attaches, but its charges are declined. */
    aliceDeclines: uuidFrom('pm:alice:declines'),
    /** A Korean card (`kr_card`): brand and last four, no expiry. */
    aliceKrCard: uuidFrom('pm:alice:kr-card'),
    globexVisa: uuidFrom('pm:globex:visa'),
  },
  seats: {
    globexPending: uuidFrom('seat:globex:pending:1'),
    globexRevoked: uuidFrom('seat:globex:revoked:1'),
    globexOwner: uuidFrom('seat:globex:owner'),
  },
  seatCounts: { globex: { total: 25, claimed: 20, pending: 3, revoked: 2 }, initech: { total: 2000, claimed: 1900, pending: 50, revoked: 20 } },
});

/**
 * @typedef {ReturnType<typeof createState>} State
 */

/**
 * Build the in-memory database.
 * @param {number} now epoch ms the relative dates hang from
 */
export function createState(now) {
  const at = (/** @type {number} */ days) => new Date(now + days * DAY).toISOString();
  const O = SEED.organizations;

  /** @type {Map<string, any>} */ const organizations = new Map();
  /** @type {Map<string, any>} */ const benefits = new Map();
  /** @type {Map<string, any>} */ const products = new Map();
  /** @type {Map<string, any>} */ const customers = new Map();
  /** @type {Map<string, any>} */ const members = new Map();
  /** @type {Map<string, any>} */ const subscriptions = new Map();
  /** @type {Map<string, any>} */ const seats = new Map();
  /** @type {Map<string, any>} */ const orders = new Map();
  /** @type {Map<string, any>} */ const grants = new Map();
  /** @type {Map<string, any>} */ const licenseKeys = new Map();
  /** @type {Map<string, any>} */ const files = new Map();
  /** @type {Map<string, any>} */ const downloadables = new Map();
  /** @type {Map<string, any>} */ const paymentMethods = new Map();
  /** Payment records, as Polar's Stripe webhook handlers create them (server/polar/payment/). */
  /** @type {Map<string, any>} */ const payments = new Map();
  /** Stripe PaymentIntents that wait for the customer (3-D Secure), by id. */
  /** @type {Map<string, any>} */ const paymentIntents = new Map();

  organizations.set(O.acme.id, {
    id: O.acme.id, slug: 'acme', name: O.acme.name, avatar_url: null, created_at: at(-900), modified_at: at(-30),
    proration_behavior: 'prorate', allow_customer_updates: true,
    customer_portal_settings: { usage: { show: true }, subscription: { update_seats: true, update_plan: true, pause: true }, customer: { allow_email_change: false } },
    organization_features: { member_model_enabled: true, checkout_localization_enabled: false },
    // Polar's internal feature settings; the portal sees only `organization_features`.
    feature_settings: { seat_based_pricing_enabled: true },
    accessToken: O.acme.accessToken, invoicePrefix: 'ACME',
  });
  organizations.set(O.solo.id, {
    id: O.solo.id, slug: 'solo', name: O.solo.name, avatar_url: null, created_at: at(-700), modified_at: at(-12),
    proration_behavior: 'invoice', allow_customer_updates: true,
    customer_portal_settings: { usage: { show: true }, subscription: { update_seats: false, update_plan: true, pause: true }, customer: { allow_email_change: true } },
    organization_features: { member_model_enabled: false, checkout_localization_enabled: false },
    feature_settings: { seat_based_pricing_enabled: false },
    accessToken: O.solo.accessToken, invoicePrefix: 'SOLO',
  });

  // Benefits ----------------------------------------------------------------
  /** @param {string} key @param {string} orgId @param {string} type @param {string} description @param {any} properties */
  const benefit = (key, orgId, type, description, properties) => {
    const id = uuidFrom(`benefit:${key}`);
    benefits.set(id, { id, organization_id: orgId, type, description, properties, created_at: at(-600), modified_at: null });
    return id;
  };
  /** @param {string} key @param {string} orgId @param {string} benefitId @param {string} name @param {string} mime @param {number} size @param {string} version */
  const file = (key, orgId, benefitId, name, mime, size, version) => {
    const id = uuidFrom(`file:${key}`);
    files.set(id, { id, organization_id: orgId, benefit_id: benefitId, name, mime_type: mime, size, version, sha: hexFrom(`file:${key}`, 64), created_at: at(-200) });
    return id;
  };
  const soloLicense = benefit('solo:license', O.solo.id, 'license_keys', 'Solo Desktop license key', { prefix: 'SOLO', expires: null, activations: { limit: 3, enable_customer_admin: true }, limit_usage: null });
  const soloApps = benefit('solo:apps', O.solo.id, 'downloadables', 'Solo Desktop installers', { archived: {} });
  const soloSupport = benefit('solo:support', O.solo.id, 'custom', 'Priority email support', { note: 'Write to priority@solo.example with your order number; we answer within one business day.' });
  const soloEbook = benefit('solo:ebook', O.solo.id, 'downloadables', 'Shipping Indie SaaS (PDF + EPUB)', { archived: {} });
  const acmeCli = benefit('acme:cli', O.acme.id, 'license_keys', 'Acme CLI license key', { prefix: 'ACME', expires: { ttl: 1, timeframe: 'year' }, activations: null, limit_usage: null });
  const acmeOnboarding = benefit('acme:onboarding', O.acme.id, 'custom', 'Team onboarding guide', { note: 'Book your onboarding call at https://acme.example/onboarding and use code TEAM-ONBOARD.' });
  const acmeDesktop = benefit('acme:desktop', O.acme.id, 'downloadables', 'Acme Desktop for macOS and Windows', { archived: {} });
  // Every other type Polar has, on Pro: what the benefits element must show and let people do.
  const soloRepo = benefit('solo:repo', O.solo.id, 'github_repository', 'Private beta repository on GitHub', { repository_owner: 'solo-labs', repository_name: 'solo-desktop-beta', permission: 'pull' });
  const soloDiscord = benefit('solo:discord', O.solo.id, 'discord', 'Solo community on Discord', { guild_id: '1093287756251381771', role_id: '1093290342911873164' });
  const soloSlack = benefit('solo:slack', O.solo.id, 'slack_shared_channel', 'Shared Slack channel with the Solo team', { channel_name: 'solo-priority' });
  const soloCredits = benefit('solo:credits', O.solo.id, 'meter_credit', 'AI assistant credits', { meter_id: uuidFrom('meter:solo:ai'), units: 1000, rollover: false });
  const soloFlag = benefit('solo:beta', O.solo.id, 'feature_flag', 'Early access to new features', { metadata: {} });
  // Initech's yearly plan comes with a course: 24 modules, so one persona has 25 grants.
  const acmeModules = Array.from({ length: 24 }, (_, i) =>
    benefit(`acme:module:${i + 1}`, O.acme.id, 'custom', `Course module ${i + 1}: ${['Setup', 'Workflows', 'Automation', 'Reporting', 'Security', 'Scaling'][i % 6]}`, { note: `Module ${i + 1} is at https://learn.acme.example/module/${i + 1}. Your team's enrolment code: ACME-${String(i + 1).padStart(2, '0')}.` }));
  // 2.3.0 was the installer until 2.4.0 came out: customers who had it keep it, marked as earlier.
  const soloDmgOld = file('solo:dmg:2.3', O.solo.id, soloApps, 'SoloDesktop-2.3.0.dmg', 'application/x-apple-diskimage', 82_837_504, '2.3.0');
  file('solo:dmg', O.solo.id, soloApps, 'SoloDesktop-2.4.0.dmg', 'application/x-apple-diskimage', 84_213_760, '2.4.0');
  file('solo:exe', O.solo.id, soloApps, 'SoloDesktop-Setup-2.4.0.exe', 'application/vnd.microsoft.portable-executable', 71_303_168, '2.4.0');
  file('solo:pdf', O.solo.id, soloEbook, 'shipping-indie-saas.pdf', 'application/pdf', 5_242_880, '1.2');
  file('solo:epub', O.solo.id, soloEbook, 'shipping-indie-saas.epub', 'application/epub+zip', 2_097_152, '1.2');
  file('acme:dmg', O.acme.id, acmeDesktop, 'AcmeDesktop-5.1.dmg', 'application/x-apple-diskimage', 120_586_240, '5.1');
  for (const b of benefits.values()) {
    if (b.type === 'downloadables') b.properties = { archived: {}, files: [...files.values()].filter((f) => f.benefit_id === b.id).map((f) => f.id) };
  }
  /** Archives a file of the installers benefit: new grants no longer get it. @param {string} fileId */
  const soloAppsArchive = (fileId) => (benefits.get(soloApps).properties.archived[fileId] = true);

  // Products ----------------------------------------------------------------
  /**
   * @param {string} key @param {string} orgId @param {string} name @param {string|null} description
   * @param {'month'|'year'|null} interval @param {any} price @param {string[]} benefitIds
   * @param {{visibility?: string, currency?: string}} [opts]
   */
  const addProduct = (key, orgId, name, description, interval, price, benefitIds, opts = {}) => {
    const id = product(key);
    const priceId = uuidFrom(`price:${key}`);
    products.set(id, {
      id, organization_id: orgId, name, description, visibility: opts.visibility ?? 'public', is_archived: false,
      recurring_interval: interval, recurring_interval_count: interval ? 1 : null,
      created_at: at(-500), modified_at: at(-40), benefit_ids: benefitIds,
      prices: [{ id: priceId, product_id: id, price_currency: opts.currency ?? 'usd', created_at: at(-500), ...price }],
    });
    return id;
  };
  const fixed = (/** @type {number} */ cents) => ({ amount_type: 'fixed', price_amount: cents });
  addProduct('solo:starter-monthly', O.solo.id, 'Starter Monthly', 'Solo Desktop for one machine, billed monthly.', 'month', fixed(900), [soloApps]);
  addProduct('solo:starter-yearly', O.solo.id, 'Starter Yearly', 'Solo Desktop for one machine, billed yearly (two months free).', 'year', fixed(9000), [soloApps]);
  const proBenefits = [soloLicense, soloApps, soloSupport, soloRepo, soloDiscord, soloSlack, soloCredits, soloFlag];
  addProduct('solo:pro-monthly', O.solo.id, 'Pro Monthly', 'Three machines, license key and priority support.', 'month', fixed(2900), proBenefits);
  addProduct('solo:pro-yearly', O.solo.id, 'Pro Yearly', 'Three machines, license key and priority support, billed yearly.', 'year', fixed(29000), [soloLicense, soloApps, soloSupport]);
  addProduct('solo:business-monthly', O.solo.id, 'Business Monthly', 'Everything in Pro plus invoicing and a support SLA.', 'month', fixed(9900), [soloLicense, soloApps, soloSupport]);
  addProduct('solo:lifetime', O.solo.id, 'Lifetime license', 'Pay once, use Solo Desktop 2.x forever.', null, fixed(19900), [soloLicense, soloApps]);
  addProduct('solo:ebook', O.solo.id, 'E-book: Shipping Indie SaaS', 'A 240-page field guide, PDF and EPUB.', null, fixed(2900), [soloEbook]);
  addProduct('solo:legacy', O.solo.id, 'Founders Plan (legacy)', 'Early-supporter pricing, no longer sold.', 'month', fixed(500), [soloApps], { visibility: 'private' });
  addProduct('acme:starter', O.acme.id, 'Starter', 'For individuals getting started with Acme.', 'month', fixed(1900), [acmeDesktop]);
  addProduct('acme:pro', O.acme.id, 'Pro', 'Advanced features and the Acme CLI.', 'month', fixed(4900), [acmeDesktop, acmeCli]);
  addProduct('acme:pro-yearly', O.acme.id, 'Pro Yearly', 'Advanced features and the Acme CLI, billed yearly.', 'year', fixed(49000), [acmeDesktop, acmeCli]);
  addProduct('acme:business', O.acme.id, 'Business', 'SSO, audit log and priority support.', 'month', fixed(19900), [acmeDesktop, acmeCli]);
  const seatTiers = (/** @type {number} */ low, /** @type {number} */ high) => ({
    amount_type: 'seat_based',
    seat_tiers: { seat_tier_type: 'volume', minimum_seats: 1, maximum_seats: null, tiers: [{ min_seats: 1, max_seats: 49, price_per_seat: low }, { min_seats: 50, max_seats: null, price_per_seat: high }] },
  });
  addProduct('acme:team', O.acme.id, 'Team', 'Per-seat plan for teams. Volume pricing from 50 seats.', 'month', seatTiers(1200, 1000), [acmeCli, acmeOnboarding, acmeDesktop]);
  addProduct('acme:team-yearly', O.acme.id, 'Team Yearly', 'Per-seat plan for teams, billed yearly. Volume pricing from 50 seats.', 'year', seatTiers(12000, 10000), [acmeCli, acmeOnboarding, acmeDesktop, ...acmeModules]);
  addProduct('acme:workshop', O.acme.id, 'Onboarding workshop', 'A half-day remote workshop for your team.', null, fixed(50000), [acmeOnboarding]);

  // Customers and members ---------------------------------------------------
  /** @param {string} key @param {any} fields */
  const addCustomer = (key, fields) => {
    const id = customer(key);
    customers.set(id, {
      id, type: 'individual', email_verified: true, billing_name: null, billing_address: null, tax_id: null, locale: 'en',
      default_payment_method_id: null, oauth_accounts: {}, metadata: {}, created_at: at(-400), modified_at: at(-20), ...fields,
    });
    return id;
  };
  const alice = addCustomer('alice', {
    organization_id: O.solo.id, email: 'alice@example.com', name: 'Alice Martin', external_id: 'alice', billing_name: 'Alice Martin',
    billing_address: { line1: 'Torstraße 12', line2: null, postal_code: '10119', city: 'Berlin', state: null, country: 'DE' },
    default_payment_method_id: SEED.paymentMethods.aliceVisa, oauth_accounts: { 'github:48151623': { account_id: '48151623', account_username: 'alice-dev' } },
    metadata: { plan_source: 'website' }, created_at: at(-420),
  });
  addCustomer('shared-studio', { organization_id: O.solo.id, email: 'shared@example.com', name: 'Shared Studio', external_id: 'shared-studio', type: 'individual' });
  addCustomer('shared-personal', { organization_id: O.solo.id, email: 'shared@example.com', name: null, external_id: 'shared-personal', email_verified: false });
  const globex = addCustomer('globex', {
    organization_id: O.acme.id, type: 'team', email: null, email_verified: false, name: 'Globex Corporation', external_id: 'globex',
    billing_name: 'Globex Corporation', billing_address: { line1: '1 Globex Way', line2: 'Suite 400', postal_code: '97477', city: 'Springfield', state: 'US-OR', country: 'US' },
    default_payment_method_id: SEED.paymentMethods.globexVisa, created_at: at(-300),
  });
  const initech = addCustomer('initech', {
    organization_id: O.acme.id, type: 'team', email: null, email_verified: false, name: 'Initech', external_id: 'initech',
    billing_name: 'Initech LLC', billing_address: { line1: '4120 Freidrich Lane', line2: null, postal_code: '78744', city: 'Austin', state: 'US-TX', country: 'US' },
    default_payment_method_id: uuidFrom('pm:initech:amex'), created_at: at(-500),
  });
  addCustomer('jakub', { organization_id: O.solo.id, email: 'jakub@example.com', name: 'Jakub Nowak', external_id: 'jakub', locale: 'pl-PL', created_at: at(-40) });
  const carol = addCustomer('carol', {
    organization_id: O.acme.id, email: 'carol@example.com', name: 'Carol Chen', external_id: 'carol', billing_name: 'Carol Chen',
    billing_address: { line1: '22 Baker Street', line2: null, postal_code: 'NW1 6XE', city: 'London', state: null, country: 'GB' },
    default_payment_method_id: uuidFrom('pm:carol:visa'), created_at: at(-150),
  });

  /** @param {string} id @param {string} customerId @param {string} email @param {string|null} name @param {string} role @param {string|null} externalId @param {number} days */
  const addMember = (id, customerId, email, name, role, externalId, days) => {
    members.set(id, { id, customer_id: customerId, email, name, role, external_id: externalId, created_at: at(days), modified_at: null });
    return id;
  };
  const P = SEED.personas;
  addMember(P.owner.memberId, globex, P.owner.email, 'Olivia Owens', 'owner', P.owner.externalId, -300);
  addMember(P.billing.memberId, globex, P.billing.email, 'Bianca Bills', 'billing_manager', P.billing.externalId, -290);
  addMember(P.member.memberId, globex, P.member.email, 'Max Miller', 'member', P.member.externalId, -200);
  addMember(P.big.memberId, initech, P.big.email, 'Bill Lumbergh', 'owner', P.big.externalId, -500);
  addMember(P.carol.memberId, carol, P.carol.email, 'Carol Chen', 'owner', P.carol.externalId, -150);

  // Payment methods ---------------------------------------------------------
  /** @param {string} id @param {string} customerId @param {string} type @param {any} card @param {number} days */
  const addPm = (id, customerId, type, card, days = -100) => paymentMethods.set(id, { id, customer_id: customerId, type, card, created_at: at(days), modified_at: null });
  addPm(SEED.paymentMethods.aliceVisa, alice, 'card', { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2029, wallet: null }, -400);
  addPm(SEED.paymentMethods.aliceMastercard, alice, 'card', { brand: 'mastercard', last4: '4444', exp_month: 3, exp_year: 2028, wallet: 'apple_pay' }, -200);
  addPm(SEED.paymentMethods.aliceLink, alice, 'link', null, -150);
  addPm(SEED.paymentMethods.aliceThreeDS, alice, 'card', { brand: 'visa', last4: '3184', exp_month: 4, exp_year: 2030, wallet: null }, -90);
  addPm(SEED.paymentMethods.aliceDeclines, alice, 'card', { brand: 'visa', last4: '0341', exp_month: 9, exp_year: 2031, wallet: null }, -60);
  addPm(SEED.paymentMethods.aliceKrCard, alice, 'kr_card', { brand: 'hyundai', last4: '1234' }, -30);
  addPm(SEED.paymentMethods.globexVisa, globex, 'card', { brand: 'visa', last4: '1881', exp_month: 8, exp_year: 2030, wallet: null });
  addPm(uuidFrom('pm:initech:amex'), initech, 'card', { brand: 'amex', last4: '0005', exp_month: 1, exp_year: 2031, wallet: null });
  addPm(uuidFrom('pm:carol:visa'), carol, 'card', { brand: 'visa', last4: '4242', exp_month: 6, exp_year: 2028, wallet: 'google_pay' });

  // Subscriptions -----------------------------------------------------------
  /** @param {string} id @param {string} customerId @param {string} productId @param {any} fields */
  const addSub = (id, customerId, productId, fields) => {
    const p = products.get(productId);
    subscriptions.set(id, {
      id, customer_id: customerId, product_id: productId, price_ids: p.prices.map((/** @type {any} */ x) => x.id), currency: p.prices[0].price_currency,
      recurring_interval: p.recurring_interval, recurring_interval_count: 1, status: 'active', seats: null,
      payment_method_id: customers.get(customerId).default_payment_method_id,
      trial_start: null, trial_end: null, cancel_at_period_end: false, canceled_at: null, ends_at: null, ended_at: null, past_due_at: null,
      pause_at_period_end: false, paused_at: null, resumes_at: null, customer_cancellation_reason: null, customer_cancellation_comment: null,
      discount_id: null, checkout_id: uuidFrom(`checkout:${id}`), pending_update: null, modified_at: null, ...fields,
    });
  };
  const S = SEED.subscriptions;
  const SP = SEED.products;
  addSub(S.alice.active, alice, SP.solo.proMonthly, { started_at: at(-170), created_at: at(-170), current_period_start: at(-18), current_period_end: at(12) });
  addSub(S.alice.canceling, alice, SP.solo.starterYearly, {
    started_at: at(-340), created_at: at(-340), current_period_start: at(-340), current_period_end: at(25),
    cancel_at_period_end: true, canceled_at: at(-5), ends_at: at(25), customer_cancellation_reason: 'too_expensive', customer_cancellation_comment: 'Moving to the lifetime license instead.',
  });
  addSub(S.alice.pastDue, alice, SP.solo.businessMonthly, { status: 'past_due', started_at: at(-33), created_at: at(-33), current_period_start: at(-3), current_period_end: at(27), past_due_at: at(-3) });
  addSub(S.alice.paused, alice, SP.solo.starterMonthly, { status: 'paused', started_at: at(-120), created_at: at(-120), current_period_start: at(-30), current_period_end: at(0.5), paused_at: at(-30), resumes_at: at(40) });
  addSub(S.alice.ended, alice, SP.solo.proYearly, {
    status: 'canceled', started_at: at(-760), created_at: at(-760), current_period_start: at(-395), current_period_end: at(-30),
    cancel_at_period_end: true, canceled_at: at(-60), ends_at: at(-30), ended_at: at(-30), customer_cancellation_reason: 'switched_service', customer_cancellation_comment: null,
  });
  addSub(S.globex, globex, SP.acme.team, { seats: 25, started_at: at(-78), created_at: at(-78), current_period_start: at(-18), current_period_end: at(12) });
  addSub(S.initech, initech, SP.acme.teamYearly, { seats: 2000, started_at: at(-500), created_at: at(-500), current_period_start: at(-135), current_period_end: at(230) });
  addSub(S.carol, carol, SP.acme.pro, { started_at: at(-150), created_at: at(-150), current_period_start: at(-29), current_period_end: at(1) });

  // Seats -------------------------------------------------------------------
  /** @param {string} id @param {string} subId @param {string} status @param {any} fields */
  const addSeat = (id, subId, status, fields) =>
    seats.set(id, { id, subscription_id: subId, order_id: null, status, customer_id: null, member_id: null, email: null, invitation_token_expires_at: null, claimed_at: null, revoked_at: null, seat_metadata: {}, created_at: at(-60), modified_at: null, ...fields });
  /** @param {string} key @param {string} subId @param {string} customerId @param {string} memberId @param {number} days */
  const claimed = (key, subId, customerId, memberId, days) => addSeat(uuidFrom(`seat:${key}`), subId, 'claimed', { customer_id: customerId, member_id: memberId, email: members.get(memberId).email, claimed_at: at(days), created_at: at(days - 1) });
  claimed('globex:owner', S.globex, globex, P.owner.memberId, -77);
  claimed('globex:billing', S.globex, globex, P.billing.memberId, -70);
  claimed('globex:member', S.globex, globex, P.member.memberId, -60);
  const first = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Iris', 'Jonas', 'Kira', 'Liam', 'Mona', 'Noah', 'Omar', 'Priya', 'Quinn'];
  first.forEach((name, i) => {
    const mid = member(`globex:user:${i + 1}`);
    addMember(mid, globex, `${name.toLowerCase()}@globex.example`, `${name} ${['Park', 'Stone', 'Reyes', 'Nakamura'][i % 4]}`, 'member', null, -60 + i);
    claimed(`globex:user:${i + 1}`, S.globex, globex, mid, -55 + i);
  });
  // Member model (customer_seat/service.py `_resolve_member_model_target`): assigning a seat by
  // email creates the team member at once, so an invitation already has its member. A revoked
  // seat holds nobody: `revoke_seat` clears its customer, member and email.
  /** @param {string} key @param {string} subId @param {string} customerId @param {string} email @param {number} days @param {number} expires */
  const invited = (key, subId, customerId, email, days, expires) => {
    const mid = member(`${key}:invitee`);
    addMember(mid, customerId, email, null, 'member', null, days);
    addSeat(uuidFrom(`seat:${key}`), subId, 'pending', { customer_id: customerId, member_id: mid, email, invitation_token: hexFrom(`invitation:${key}`, 43), invitation_token_expires_at: at(expires), created_at: at(days) });
  };
  ['nina', 'oscar', 'paula'].forEach((n, i) => invited(`globex:pending:${i + 1}`, S.globex, globex, `${n}@globex.example`, -2 - i, 5 - i));
  [1, 2].forEach((i) => addSeat(uuidFrom(`seat:globex:revoked:${i}`), S.globex, 'revoked', { claimed_at: at(-70), revoked_at: at(-10 - i), created_at: at(-75) }));
  // Initech: 2,000 seats generated from an index, so the big list is cheap and stable.
  for (let i = 1; i <= 1900; i++) {
    const n = String(i).padStart(4, '0');
    if (i === 1) { claimed('initech:owner', S.initech, initech, P.big.memberId, -499); continue; }
    const mid = member(`initech:user:${n}`);
    addMember(mid, initech, `employee${n}@initech.example`, `Employee ${n}`, 'member', null, -490 + (i % 400));
    claimed(`initech:user:${n}`, S.initech, initech, mid, -480 + (i % 400));
  }
  for (let i = 1; i <= 50; i++) invited(`initech:pending:${i}`, S.initech, initech, `new-hire${String(i).padStart(2, '0')}@initech.example`, -(i % 7), 7 - (i % 7));
  for (let i = 1; i <= 20; i++) addSeat(uuidFrom(`seat:initech:revoked:${i}`), S.initech, 'revoked', { claimed_at: at(-300), revoked_at: at(-40 + i) });

  // Orders ------------------------------------------------------------------
  const taxRate = (/** @type {string} */ customerId) => ({ DE: 0.19, GB: 0.2, FR: 0.2, NL: 0.21 })[/** @type {'DE'} */ (customers.get(customerId).billing_address?.country)] ?? 0;
  const seq = /** @type {Record<string, number>} */ ({});
  /**
   * @param {string} key @param {string} customerId @param {string} productId @param {string|null} subId
   * @param {string} reason @param {number} days @param {{status?: string, refunded?: number, seats?: number, retryInDays?: number, invoiced?: boolean, error?: string}} [opts]
   */
  const addOrder = (key, customerId, productId, subId, reason, days, opts = {}) => {
    const id = uuidFrom(`order:${key}`);
    const c = customers.get(customerId);
    const p = products.get(productId);
    const org = organizations.get(c.organization_id);
    const price = p.prices[0];
    const unit = price.amount_type === 'seat_based'
      ? (opts.seats ?? 1) * (price.seat_tiers.tiers.find((/** @type {any} */ t) => (opts.seats ?? 1) >= t.min_seats && (t.max_seats == null || (opts.seats ?? 1) <= t.max_seats)).price_per_seat)
      : price.price_amount;
    const tax = Math.round(unit * taxRate(customerId));
    const status = opts.status ?? 'paid';
    const refunded = opts.refunded ?? 0;
    const refundedTax = Math.round(refunded * taxRate(customerId));
    seq[customerId] = (seq[customerId] ?? 0) + 1;
    const number = `${org.invoicePrefix}-${c.external_id.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 6)}-${String(seq[customerId]).padStart(4, '0')}`;
    const paid = status !== 'pending';
    orders.set(id, {
      id, customer_id: customerId, product_id: productId, subscription_id: subId, status, billing_reason: reason,
      subtotal_amount: unit, discount_amount: 0, tax_amount: tax, applied_balance_amount: 0, refunded_amount: refunded, refunded_tax_amount: refundedTax,
      currency: price.price_currency, billing_name: c.billing_name, billing_address: c.billing_address,
      invoice_number: number, invoice: paid && (opts.invoiced ?? true) ? invoiceOf(number, c.billing_name, c.billing_address) : null,
      receipt_number: paid ? `${number}-R` : null, receipt_ready: false, payment_lock_acquired_at: null,
      seats: opts.seats ?? null, next_payment_attempt_at: opts.retryInDays != null ? at(opts.retryInDays) : null,
      items: [{ id: uuidFrom(`order-item:${key}`), label: opts.seats ? `${p.name} (${opts.seats} seats)` : p.name, amount: unit, tax_amount: tax, proration: false, product_price_id: price.id, created_at: at(days), modified_at: null }],
      description: p.name, checkout_id: reason === 'subscription_create' || reason === 'purchase' ? uuidFrom(`checkout:${key}`) : null,
      created_at: at(days), modified_at: refunded ? at(days + 2) : null,
    });
    // The automatic attempts Polar's dunning made, as Stripe's webhooks recorded them.
    if (opts.error) {
      const paymentId = uuidFrom(`payment:${key}`);
      payments.set(paymentId, { id: paymentId, order_id: id, status: 'failed', decline_message: opts.error, trigger: 'automatic', created_at: at(days) });
    } else if (paid) {
      const paymentId = uuidFrom(`payment:${key}`);
      payments.set(paymentId, { id: paymentId, order_id: id, status: 'succeeded', decline_message: null, trigger: 'purchase', created_at: at(days) });
    }
    return id;
  };
  for (let i = 1; i <= 6; i++) {
    addOrder(`alice:pro:${i}`, alice, SP.solo.proMonthly, S.alice.active, i === 1 ? 'subscription_create' : 'subscription_cycle', -170 + (i - 1) * 30.5, {
      refunded: i === 2 ? 2900 : i === 4 ? 1450 : 0, status: i === 2 ? 'refunded' : i === 4 ? 'partially_refunded' : 'paid', invoiced: i !== 6,
    });
  }
  addOrder('alice:starter-yearly:1', alice, SP.solo.starterYearly, S.alice.canceling, 'subscription_create', -340);
  addOrder('alice:business:1', alice, SP.solo.businessMonthly, S.alice.pastDue, 'subscription_create', -33);
  addOrder('alice:business:2', alice, SP.solo.businessMonthly, S.alice.pastDue, 'subscription_cycle', -3, { status: 'pending', retryInDays: 2, error: 'Your card has insufficient funds.' });
  addOrder('alice:ebook', alice, SP.solo.ebook, null, 'purchase', -95);
  addOrder('alice:lifetime', alice, SP.solo.lifetime, null, 'purchase', -60);
  addOrder('alice:pro-yearly:1', alice, SP.solo.proYearly, S.alice.ended, 'subscription_create', -760);
  for (let i = 1; i <= 3; i++) addOrder(`globex:${i}`, globex, SP.acme.team, S.globex, i === 1 ? 'subscription_create' : 'subscription_cycle', -78 + (i - 1) * 30, { seats: 25 });
  addOrder('initech:1', initech, SP.acme.teamYearly, S.initech, 'subscription_cycle', -135, { seats: 2000 });
  addOrder('carol:1', carol, SP.acme.pro, S.carol, 'subscription_create', -150);
  addOrder('carol:2', carol, SP.acme.pro, S.carol, 'subscription_cycle', -29);

  // Benefit grants and license keys -----------------------------------------
  /** @param {string} key @param {string} customerId @param {string|null} memberId @param {string} benefitId @param {{sub?: string, order?: string}} src @param {number} days */
  const grant = (key, customerId, memberId, benefitId, src, days, properties = {}) =>
    grantBenefit(
      /** @type {any} */ ({ benefits, grants, licenseKeys, downloadables, customers, members }), benefitId,
      { customerId, memberId, subscriptionId: src.sub, orderId: src.order }, at(days), key, properties,
    );
  const alicePro = { sub: S.alice.active };
  grant('alice:pro:license', alice, null, soloLicense, alicePro, -170);
  // Alice had 2.3.0 before 2.4.0 replaced it: she keeps it, as an earlier version.
  grant('alice:pro:apps', alice, null, soloApps, alicePro, -170);
  soloAppsArchive(soloDmgOld);
  grant('alice:pro:support', alice, null, soloSupport, alicePro, -170);
  // GitHub: a linked account, no invite asked for yet. Discord: nothing linked, so Polar's
  // grant failed with BenefitActionRequiredError. Slack: no email given yet.
  grant('alice:pro:repo', alice, null, soloRepo, alicePro, -170);
  grant('alice:pro:discord', alice, null, soloDiscord, alicePro, -170);
  grant('alice:pro:slack', alice, null, soloSlack, alicePro, -170);
  grant('alice:pro:credits', alice, null, soloCredits, alicePro, -20);
  grant('alice:pro:beta', alice, null, soloFlag, alicePro, -170);
  grant('alice:ebook', alice, null, soloEbook, { order: uuidFrom('order:alice:ebook') }, -95);
  const lifetime = grant('alice:lifetime:license', alice, null, soloLicense, { order: uuidFrom('order:alice:lifetime') }, -60);
  // The lifetime key is on its limit: three machines; it was rotated once.
  const lifetimeKey = licenseKeys.get(lifetime.properties.license_key_id);
  lifetimeKey.activations = ['MacBook Pro (work)', 'Mac mini (studio)', 'ThinkPad X1'].map((label, i) => ({
    id: uuidFrom(`activation:alice:lifetime:${i}`), license_key_id: lifetimeKey.id, label, meta: { os: ['macOS 15', 'macOS 14', 'Windows 11'][i] }, created_at: at(-55 + i * 10), modified_at: null,
  }));
  lifetimeKey.modified_at = at(-12);
  // The ended subscription's grants were revoked: Polar no longer lists them.
  const ended = grant('alice:ended:apps', alice, null, soloApps, { sub: S.alice.ended }, -700);
  Object.assign(ended, { revoked_at: at(-30), granted_at: null });
  for (const [k, mid] of [['owner', P.owner.memberId], ['billing', P.billing.memberId], ['member', P.member.memberId]]) {
    grant(`globex:${k}:cli`, globex, mid, acmeCli, { sub: S.globex }, -70);
    grant(`globex:${k}:onboarding`, globex, mid, acmeOnboarding, { sub: S.globex }, -70);
    grant(`globex:${k}:desktop`, globex, mid, acmeDesktop, { sub: S.globex }, -70);
  }
  grant('initech:owner:cli', initech, P.big.memberId, acmeCli, { sub: S.initech }, -499);
  acmeModules.forEach((id, i) => grant(`initech:owner:module:${i + 1}`, initech, P.big.memberId, id, { sub: S.initech }, -498 + i * 7));
  grant('carol:cli', carol, P.carol.memberId, acmeCli, { sub: S.carol }, -150);
  grant('carol:desktop', carol, P.carol.memberId, acmeDesktop, { sub: S.carol }, -150);

  // Meters and what the period's events added up to (customer_meter/service.py keeps the
  // running totals; the customer portal exposes only those, not the events).
  /** @type {Map<string, any>} */ const meters = new Map();
  /** @type {Map<string, any>} */ const customerMeters = new Map();
  /** @param {string} key @param {string} orgId @param {string} name */
  const addMeter = (key, orgId, name) => {
    const id = uuidFrom(`meter:${key}`);
    meters.set(id, { id, organization_id: orgId, name, created_at: at(-400), modified_at: null });
    return id;
  };
  /** @param {string} key @param {string} customerId @param {string} meterId @param {number} consumed @param {number} credited @param {number} days */
  const addUsage = (key, customerId, meterId, consumed, credited, days) => {
    const id = uuidFrom(`customer-meter:${key}`);
    customerMeters.set(id, { id, customer_id: customerId, meter_id: meterId, consumed_units: consumed, credited_units: credited, created_at: at(-160), modified_at: at(days) });
  };
  // The credits benefit's meter (soloCredits); Polar credits its units at each period start.
  addUsage('alice:ai', alice, addMeter('solo:ai', O.solo.id, 'AI assistant requests'), 640, 1000, -0.1);
  addUsage('alice:sync', alice, addMeter('solo:sync', O.solo.id, 'Cloud sync storage (GB)'), 3.25, 0, -1);
  addUsage('globex:api', globex, addMeter('acme:api', O.acme.id, 'API requests'), 48210, 0, -0.2);
  addUsage('globex:build', globex, addMeter('acme:build', O.acme.id, 'Build minutes'), 1312.5, 2000, -2);

  /** Wallets (wallet/service.py): a balance in cents, in one currency. @type {Map<string, any>} */
  const wallets = new Map();
  const aliceWallet = uuidFrom('wallet:alice');
  wallets.set(aliceWallet, { id: aliceWallet, customer_id: alice, balance: 1250, currency: 'usd', created_at: at(-90), modified_at: at(-10) });
  /** Pending email changes by token (customer_email_update/service.py), newest replaces older. @type {Map<string, any>} */
  const emailUpdates = new Map();

  return { organizations, benefits, products, customers, members, subscriptions, seats, orders, grants, licenseKeys, files, downloadables, paymentMethods, payments, paymentIntents, meters, customerMeters, wallets, emailUpdates };
}

/**
 * An order's generated invoice: its file (`Invoice-<number>.pdf`, the same name every time it is
 * regenerated, server/polar/invoice/service.py) and what it was made from. `checksum` decides
 * whether "generate" has anything to do (order/service.py `trigger_invoice_generation`).
 * @param {string} number @param {string|null} name @param {any} address
 */
export function invoiceOf(number, name, address) {
  return { path: `Invoice-${number}.pdf`, checksum: invoiceChecksum({ billing_name: name, billing_address: address }), billing_name: name, billing_address: address };
}

/** What an invoice shows that the customer can change (invoice/service.py `compute_order_checksum`). @param {any} o */
export const invoiceChecksum = (o) => JSON.stringify([o.billing_name, o.billing_address]);
