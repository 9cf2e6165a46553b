// Every language has every message, each message reads as that language (not English left
// over), and every count reads right in it: 1, 2, 5 and 22 take different forms in Polish.
// The sources are checked here; the built files (values in English's key order) in
// locale-loading.test.ts, and every element in every state in visible-text.test.ts.
import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { LOCALES } from '../../src/i18n/localize.js';
import type { Translation } from '../../src/i18n/translation.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import fr from '../../src/i18n/locales/fr.js';
import hu from '../../src/i18n/locales/hu.js';
import it_ from '../../src/i18n/locales/it.js';
import ja from '../../src/i18n/locales/ja.js';
import ko from '../../src/i18n/locales/ko.js';
import nl from '../../src/i18n/locales/nl.js';
import pl from '../../src/i18n/locales/pl.js';
import pt from '../../src/i18n/locales/pt.js';
import ptPT from '../../src/i18n/locales/pt-PT.js';
import sv from '../../src/i18n/locales/sv.js';
import tr from '../../src/i18n/locales/tr.js';

const TRANSLATIONS: Record<string, Translation> = { de, es, fr, hu, it: it_, ja, ko, nl, pl, pt, 'pt-PT': ptPT, sv, tr };

type Messages = { [K in keyof Translation as Translation[K] extends (...args: never[]) => unknown ? K : never]: Translation[K] };
/** Arguments to call each message with: every case of an enumeration, numbers that take different plural forms. */
const SAMPLES: { [K in keyof Messages]: Parameters<Messages[K]>[] } = {
  organizationNotFound: [['acme']],
  pickHint: [['ada@example.com']],
  accountN: [[2]],
  codeSent: [['ada@example.com', false, true], ['ada@example.com', true, true], ['ada@example.com', false, false]],
  resendIn: [['in 40 s']],
  rateLimited: [['in 15 min']],
  tryAgainIn: [['in 15 min']],
  signedInAs: [['Ada']],
  role: [['owner'], ['billing_manager'], ['member']],
  subsEnded: [[1], [3]],
  subStatus: ['active', 'trialing', 'past_due', 'paused', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'canceling'].map((s) => [s]),
  perInterval: ['day', 'week', 'month', 'year'].flatMap((i) => [1, 2, 5, 22].map((n) => ['€9', i, n] as [string, string, number])),
  subDate: (['renews', 'trial', 'ends', 'ended', 'pauses', 'paused', 'resumes', 'started', 'retry'] as const).map((k) => [k, '3/5/2027']),
  seats: [[1], [2], [5], [22], [1950]],
  pendingChange: [['Team', '3/5/2027']],
  nextChargeOn: [['3/5/2027']],
  chargeLine: (['base', 'metered', 'discount', 'tax', 'total', 'balance'] as const).map((l) => [l]),
  subAction: (['cancel', 'revoke', 'uncancel', 'plan', 'seats', 'pause', 'cancelPause', 'resume', 'clearPending'] as const).map((a) => [a]),
  subDone: (['cancel', 'revoke', 'uncancel', 'plan', 'seats', 'pause', 'cancelPause', 'resume', 'clearPending'] as const).map((a) => [a, '3/5/2027']),
  reason: ['too_expensive', 'missing_features', 'switched_service', 'unused', 'customer_service', 'low_quality', 'too_complex', 'other'].map((r) => [r]),
  cancelIntro: [['Pro', '3/5/2027']],
  cancelPausedIntro: [['Pro', '3/5/2027'], ['Pro', '']],
  revokeWarning: [['€9']],
  consent: [['€9']],
  seatsFloor: [[1, true], [5, true], [22, false]],
  seatsAtLeast: [[3]],
  pauseIntro: [['3/5/2027']],
  resumeAfter: [['3/5/2027']],
  seatsAll: [[1950]],
  countOf: [['…', 1900]],
  seatStatus: ['claimed', 'pending', 'revoked', 'revoking'].map((s) => [s]),
  seatsDate: [['pending', '3/5/2027', false], ['pending', '3/5/2027', true]],
  forWho: [['…', 'ada@example.com']],
  seatsDone: (['copied', 'resent', 'revoked', 'stale'] as const).map((w) => [w, 'ada@example.com']),
  seatsRevokeBody: [['ada@example.com']],
  seatsCheck: [[1, 1, 1], [2, 2, 5], [5, 5, 22], [22, 2, 2], [3, 0, 0]],
  seatsInvalid: [['ada@, bob']],
  seatsAssignN: [[1], [2], [5], [22]],
  seatsProgress: [[2, 5]],
  seatsOutcome: ['assigned', 'already', 'invalid', 'noSeat', 'failed'].map((o) => [o]),
  seatsAccessItem: [['Pro', 'Acme']],
  teamOwnerBody: [['Ada']],
  shownOf: [[1, 25, 1950], [0, 0, 0]],
  teamNotAvailable: [[true], [false]],
  teamRemoveBody: [['Ada']],
  teamDone: (['added', 'existed', 'removed'] as const).map((w) => [w, 'Ada']),
  teamRoleChanged: [['Ada', 'Owner']],
  billingField: ['billing_name', 'line1', 'line2', 'postal_code', 'city', 'country', 'state', 'tax_id'].map((f) => [f]),
  tooLong: [[256]],
  billingDone: (['saved', 'added', 'removed', 'default'] as const).map((w) => [w]),
  card: [['Visa', '4242']],
  methodType: ['card', 'kr_card', 'sepa_debit', 'us_bank_account'].map((t) => [t]),
  cardExpires: [['12/2029']],
  removeHeading: [['Visa •4242']],
  embedError: [['unauthorized'], ['processing_failed'], ['other']],
  orderCol: (['product', 'status', 'date', 'total', 'item', 'amount', 'number'] as const).map((c) => [c]),
  orderStatus: ['draft', 'pending', 'paid', 'refunded', 'partially_refunded', 'void'].map((s) => [s]),
  pageOf: [[2, 5]],
  orderLine: (['subtotal', 'discount', 'tax', 'total', 'balance', 'due', 'refunded'] as const).map((l) => [l]),
  doc: (['receipt', 'invoice'] as const).flatMap((k) => (['download', 'started', 'preparing', 'timeout'] as const).map((s) => [k, s] as [typeof k, typeof s])),
  invoiceAction: [['generate'], ['edit']],
  invoiceReadyHint: [['INV-0042']],
  payIntro: [['€9', '3/5/2027']],
  payButton: [['€9']],
  payDone: (['processing', 'paid', 'slow'] as const).map((o) => [o]),
  payFailed: [['card declined']],
  payError: [['ManualRetryLimitExceeded'], ['PaymentAlreadyInProgress'], ['OrderNotEligibleForRetry']],
  payElsewhere: [[true], [false]],
  benefitType: ['license_keys', 'downloadables', 'github_repository', 'discord', 'slack_shared_channel', 'custom', 'meter_credit', 'feature_flag'].map((t) => [t]),
  grantedOn: [['3/5/2027']],
  grantProblem: [['github', ''], ['discord', ''], ['', 'no invite yet']],
  fromOrder: [['Pro', '3/5/2027']],
  keyStatus: ['granted', 'revoked', 'disabled'].map((s) => [s]),
  ofLimit: [[2, 5]],
  upTo: [[5]],
  deactivateHeading: [['laptop']],
  deactivated: [['laptop']],
  openInvite: [['#general']],
  connectAccount: [['github'], ['discord']],
  accountLabel: [['github'], ['discord']],
  slackConnected: [['general']],
  slackSentTo: [['ada@example.com']],
  credits: [['1,000', '3/5/2027']],
  claimOffer: [['Pro', 'Acme']],
  claimFor: [['ada@example.com']],
  claimProgress: (['claiming', 'granting', 'done'] as const).map((s) => [s]),
  claimInvalid: (['missing', 'invalid', 'claimed'] as const).map((w) => [w]),
  usagePeriod: [['Nov 14 – Dec 14, 2026']],
  usageCharge: [['€9']],
  usageShare: [['64%']],
  emailSent: [['ada@example.com']],
  emailChanged: [['ada@example.com']],
  appMenu: [['…']],
  appSection: (['overview', 'orders', 'usage', 'benefits', 'team', 'billing'] as const).map((s) => [s]),
  appTitle: [['…', 'Acme']],
  appBack: [['Acme']],
  appNextCharge: [['Pro']],
  appOn: [['3/5/2027']],
};

/** Every text a translation produces, by where it came from: `key` or `key(args)`. */
function texts(t: Translation): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(t)) {
    if (typeof value === 'function') {
      for (const args of (SAMPLES as Record<string, unknown[][]>)[key] ?? []) out.set(`${key}(${JSON.stringify(args).slice(1, -1)})`, (value as (...a: unknown[]) => string)(...args));
    } else if (Array.isArray(value)) value.forEach((v, i) => out.set(`${key}[${i}]`, v));
    else out.set(key, value);
  }
  return out;
}

/**
 * Words each language writes as English does ("Status" in German, "Total" in Spanish, "Team" in
 * Swedish, "Email" in Italian): a message equal to English must be one of these, or it was left
 * untranslated. Names (Discord) and pure formats (`label: who`) are the same everywhere.
 */
const SAME: Record<string, string[]> = {
  de: ['Details', 'Status', 'Team', 'Downloads'],
  es: ['Plan', 'Total', 'Subtotal'],
  fr: ['Total', 'Date', 'Actions', 'Note', 'Active', 'Activations', 'Validations'],
  it: ['Email', 'Account 2', 'Team'],
  nl: ['Account 2', '€9 / week', 'Details', 'Status', 'Team', 'Product', 'Downloads'],
  pl: ['Plan', 'Status'],
  pt: ['Total', 'Status', 'Item', 'Subtotal', 'Downloads'],
  'pt-PT': ['Email', 'Total', 'Subtotal'],
  sv: ['Plan', 'Status', 'Team'],
  tr: ['Plan'],
  hu: [],
  ja: [],
  ko: [],
};
const UNIVERSAL = ['benefitType("discord")', 'forWho("…","ada@example.com")', 'appTitle("…","Acme")', 'appMenu("…")'];

describe('translations', () => {
  it('cover Polar’s 14 locales, each with every message English has and no other', () => {
    expect(['en', ...Object.keys(TRANSLATIONS)].sort()).to.deep.equal([...LOCALES].sort());
    const keys = Object.keys(en).sort();
    for (const [code, t] of Object.entries(TRANSLATIONS)) expect(Object.keys(t).sort(), code).to.deep.equal(keys);
  });

  it('have sample arguments for every message that takes any', () => {
    const functions = Object.keys(en).filter((key) => typeof en[key as keyof Translation] === 'function');
    expect(functions.filter((key) => !(key in SAMPLES))).to.deep.equal([]);
  });

  for (const [code, t] of Object.entries(TRANSLATIONS)) {
    it(`${code}: every message is written in the language, with nothing missing or leaked`, () => {
      const english = texts(en);
      const own = texts(t);
      const problems: string[] = [];
      for (const [where, text] of own) {
        if (!text?.trim() || /\b(?:undefined|null|NaN)\b|\[object|#(?!\w)/.test(text)) problems.push(`${where}: ${JSON.stringify(text)}`);
        else if (text === english.get(where) && !SAME[code].includes(text) && !UNIVERSAL.includes(where)) problems.push(`${where} is English: ${JSON.stringify(text)}`);
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('count in each language’s plural forms (Polish: 1, 2–4 and 22, 5 and more)', () => {
    expect([1, 2, 5, 22].map((n) => pl.seats(n))).to.deep.equal(['1 stanowisko', '2 stanowiska', '5 stanowisk', '22 stanowiska']);
    expect([1, 2, 5, 22].map((n) => pl.perInterval('49 zł', 'month', n))).to.deep.equal(['49 zł / miesiąc', '49 zł / 2 miesiące', '49 zł / 5 miesięcy', '49 zł / 22 miesiące']);
    expect(pl.seatsCheck(5, 5, 22)).to.equal('5 adresów, 22 wolne stanowiska: przydzielimy wszystkie.');
    expect([1, 2, 5, 22].map((n) => de.seats(n))).to.deep.equal(['1 Platz', '2 Plätze', '5 Plätze', '22 Plätze']);
    expect([1, 2, 5, 22].map((n) => ptPT.seats(n))).to.deep.equal(['1 licença', '2 licenças', '5 licenças', '22 licenças']);
    expect([1, 2, 5, 22].map((n) => ja.seats(n))).to.deep.equal(['1席', '2席', '5席', '22席']);
    expect([1, 2, 5, 22].map((n) => en.seats(n))).to.deep.equal(['1 seat', '2 seats', '5 seats', '22 seats']);
  });

  it('write numbers as the language does', () => {
    expect(de.shownOf(1, 25, 1950)).to.equal('1–25 von 1.950');
    expect(fr.seatsAll(1950)).to.equal('Tous (1\u202f950)');
    expect(pl.seats(1950)).to.equal('1950 stanowisk');
    expect(ja.seatsAll(1950)).to.equal('すべて（1,950）');
  });
});
