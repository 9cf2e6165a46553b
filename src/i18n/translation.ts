/** Every user-visible string. Functions take what varies, so each language orders its own words. */
export interface Translation {
  loading: string;
  retry: string;
  genericError: string;
  networkError: string;
  serverError: string;
  notPermitted: string;
  tooManyRequests: string;
  notConfigured: string;
  organizationNotFound: (slug: string) => string;

  signInHeading: string;
  emailLabel: string;
  emailHint: string;
  emailRequired: string;
  emailInvalid: string;
  sendCode: string;
  sendingCode: string;

  pickHeading: string;
  pickHint: (email: string) => string;
  /** An account of the picker by its place, when its name does not tell it apart. */
  accountN: (n: number) => string;
  pickRequired: string;
  continue: string;
  back: string;

  codeHeading: string;
  /** `resend`: a new code; `known`: the account was picked, so it exists. */
  codeSent: (email: string, resend: boolean, known: boolean) => string;
  codeLabel: string;
  codeHint: string;
  codeRequired: string;
  codeIncomplete: string;
  codeInvalid: string;
  signIn: string;
  signingIn: string;
  resendCode: string;
  resendIn: (wait: string) => string;
  differentEmail: string;

  rateLimited: (wait: string) => string;
  tryAgainIn: (wait: string) => string;

  checkingSession: string;
  signedInAs: (who: string) => string;
  role: (role: string) => string;
  signOut: string;
  sessionExpired: string;

  // <portal-subscriptions>
  subsHeading: string;
  subsSignedOut: string;
  subsEmpty: string;
  subsEnded: (count: number) => string;
  subStatus: (status: string) => string;
  perInterval: (price: string, interval: string, count: number) => string;
  subDate: (kind: SubDateKind, date: string) => string;
  seats: (count: number) => string;
  pendingChange: (change: string, date: string) => string;
  subDetails: string;
  subAmount: string;
  nextCharge: string;
  nextChargeOn: (date: string) => string;
  noCharge: string;
  chargeLine: (line: 'base' | 'metered' | 'discount' | 'tax' | 'total' | 'balance') => string;
  benefitsHeading: string;
  subAction: (action: SubAction) => string;
  subDone: (action: SubAction, date: string) => string;
  close: string;
  reasonLegend: string;
  reason: (reason: string) => string;
  commentLabel: string;
  cancelIntro: (plan: string, date: string) => string;
  /** Cancelling a paused subscription: it will not resume (on `date`, when one was set). */
  cancelPausedIntro: (plan: string, date: string) => string;
  keepSubscription: string;
  revokeWarning: (owed: string) => string;
  planLegend: string;
  noPlans: string;
  gains: string;
  loses: string;
  dueToday: string;
  newPrice: string;
  consent: (amount: string) => string;
  calculating: string;
  seatsLabel: string;
  /** The lowest count: held by the seats in use, or (`byPlan`) by the plan's minimum. */
  seatsFloor: (floor: number, byPlan: boolean) => string;
  seatsAtLeast: (floor: number) => string;
  fewerSeats: string;
  moreSeats: string;
  pauseIntro: (date: string) => string;
  resumeOnLabel: string;
  resumeHint: string;
  resumeAfter: (date: string) => string;
  choicesKept: string;
  paymentMethodRequired: string;

  // <portal-seats>
  seatsHeading: string;
  /** A seat Polar has emptied: revoked seats keep no name or email. */
  seatRevokedLabel: string;
  seatsAdd: string;
  seatsFull: string;
  seatsCopyByHand: string;
  seatsRevokeOwn: string;
  seatsSignedOut: string;
  seatsNone: string;
  seatsPurchase: string;
  seatsSummary: [inUse: string, total: string, available: string];
  seatsNeedMore: string;
  seatsAssign: string;
  seatsSearch: string;
  seatsStatus: string;
  seatsAll: (n: number) => string;
  /** A label with its count, for filter options ("Claimed (1,900)"). */
  countOf: (label: string, n: number) => string;
  seatStatus: (status: string) => string;
  seatsColumns: [member: string, status: string, date: string, actions: string];
  seatsDate: (status: string, date: string, past: boolean) => string;
  /** A row action's accessible name: the visible label, then whom it is for. */
  forWho: (label: string, who: string) => string;
  seatsResend: string;
  seatsRevoke: string;
  seatsCopy: string;
  seatsDone: (what: 'copied' | 'resent' | 'revoked' | 'stale', email: string) => string;
  seatsRevokeHeading: string;
  seatsRevokeBody: (email: string) => string;
  seatsEmails: string;
  seatsEmailsHint: string;
  seatsCheck: (count: number, fit: number, available: number) => string;
  seatsInvalid: (list: string) => string;
  seatsAssignN: (n: number) => string;
  seatsProgress: (done: number, total: number) => string;
  seatsOutcome: (outcome: string) => string;
  seatsKept: string;
  seatsAccess: string;
  seatsAccessItem: (product: string, organization: string) => string;

  // <portal-team>
  teamHeading: string;
  teamSearch: string;
  teamJoined: string;
  teamOwnerHeading: string;
  teamOwnerBody: (who: string) => string;
  teamMakeOwner: string;
  /** "Showing 1–50 of 1,950", or that nothing matches the search. */
  shownOf: (from: number, to: number, total: number) => string;
  teamSignedOut: string;
  teamNotAvailable: (teamsOnly: boolean) => string;
  teamColumns: [member: string, role: string, actions: string];
  teamYou: string;
  teamRemoveHeading: string;
  teamRemoveBody: (who: string) => string;
  teamInviteHeading: string;
  teamInvite: string;
  teamDone: (what: 'added' | 'existed' | 'removed', who: string) => string;
  teamRoleChanged: (who: string, role: string) => string;

  // <portal-billing> (the address fields are shared with <portal-orders>)
  billingHeading: string;
  billingDetails: string;
  billingSignedOut: string;
  billingOwnerOnly: string;
  billingField: (field: string) => string;
  billingAddress: string;
  choose: string;
  fieldRequired: string;
  stateRequired: string;
  billingNameKept: string;
  tooLong: (max: number) => string;
  keptForRetry: string;
  save: string;
  saving: string;
  billingDone: (what: 'saved' | 'added' | 'removed' | 'default') => string;
  paymentMethods: string;
  noPaymentMethods: string;
  card: (brand: string, last4: string) => string;
  /** A payment method type by Stripe's code, in words (`sepa_debit`); undefined for names (`paypal`, in payment-method.ts). */
  methodType: (type: string) => string | undefined;
  cardExpires: (date: string) => string;
  defaultMethod: string;
  makeDefault: string;
  remove: string;
  removeHeading: (method: string) => string;
  removeOnlyWarning: string;
  removeDefaultWarning: string;
  cancel: string;
  addMethod: string;
  embedTitle: string;
  embedError: (code: string) => string;
  yourData: string;
  exportData: string;
  preparing: string;

  // <portal-orders>
  ordersHeading: string;
  ordersSignedOut: string;
  ordersEmpty: string;
  orderCol: (column: 'product' | 'status' | 'date' | 'total' | 'item' | 'amount' | 'number') => string;
  orderStatus: (status: string) => string;
  pageOf: (page: number, pages: number) => string;
  previous: string;
  next: string;
  allOrders: string;
  orderLine: (line: 'subtotal' | 'discount' | 'tax' | 'total' | 'balance' | 'due' | 'refunded') => string;
  doc: (kind: 'receipt' | 'invoice', step: 'download' | 'started' | 'preparing' | 'timeout') => string;
  invoiceAction: (action: 'generate' | 'edit') => string;
  invoiceLocked: string;
  invoiceSubmit: string;
  invoiceReady: string;
  invoiceReadyHint: (number: string) => string;
  payNow: string;
  payIntro: (amount: string, date: string) => string;
  payWith: string;
  payButton: (amount: string) => string;
  payDone: (outcome: 'processing' | 'paid' | 'slow') => string;
  payFailed: (reason: string) => string;
  payError: (code: string) => string | undefined;
  newCard: string;
  newCardIntro: string;
  /** While Stripe shows the bank's 3-D Secure check. */
  payBank: string;
  /** The bank's check cannot run here: `blocked` when the page's security settings refused Stripe. */
  payElsewhere: (blocked: boolean) => string;
  payOnPolar: string;
  done: string;

  // <portal-benefits>
  benefitsTitle: string;
  benefitsSignedOut: string;
  benefitsEmpty: string;
  benefitsSearch: string;
  /** What a benefit is, by Polar's type (`license_keys`, `github_repository`, ...). */
  benefitType: (type: string) => string;
  grantedOn: (date: string) => string;
  /** A grant Polar could not deliver: waiting for a linked account (`platform`), or its reason. */
  grantProblem: (platform: string, reason: string) => string;
  fromOrder: (product: string, date: string) => string;
  keyShow: string;
  copy: string;
  copied: string;
  copyByHand: string;
  keyStatus: (status: string) => string;
  keyFacts: [status: string, expires: string, activations: string, usage: string, validations: string, lastValidated: string];
  never: string;
  ofLimit: (used: number, limit: number) => string;
  upTo: (limit: number) => string;
  deactivate: string;
  deactivateHeading: (label: string) => string;
  deactivateBody: string;
  deactivated: (label: string) => string;
  rotateKey: string;
  rotateHeading: string;
  rotateBody: string;
  rotated: string;
  download: string;
  earlierVersion: string;
  copyChecksum: string;
  /** The place to accept an invitation: the GitHub repository (`owner/name`), or the Discord server. */
  openInvite: (place: string) => string;
  requestInvite: string;
  newInvite: string;
  connectAccount: (platform: string) => string;
  accountLabel: (platform: string) => string;
  connecting: string;
  slackEmail: string;
  slackSend: string;
  slackOpen: string;
  slackConnected: (channel: string) => string;
  slackSentTo: (email: string) => string;
  credits: (units: string, date: string) => string;
  flagOn: string;
  working: string;

  // <portal-claim>
  claimHeading: string;
  claimOffer: (product: string, organization: string) => string;
  claimFor: (email: string) => string;
  claimButton: string;
  claimProgress: (step: 'claiming' | 'granting' | 'done') => string;
  claimSlow: string;
  claimInvalid: (why: 'missing' | 'invalid' | 'claimed') => string;
  claimSignIn: string;

  // <portal-usage>
  usageTitle: string;
  usageSignedOut: string;
  usageHidden: string;
  usageEmpty: string;
  /** `range`: two dates, already spanned by the locale. */
  usagePeriod: (range: string) => string;
  usageUsed: string;
  usageCredits: string;
  usageLeft: string;
  usageOver: string;
  usageCharge: (amount: string) => string;
  /** `share`: a formatted percentage. */
  usageShare: (share: string) => string;

  // Wallet and email change (<portal-billing>)
  walletTitle: string;
  walletNote: string;
  emailChange: string;
  emailNew: string;
  emailSend: string;
  emailSent: (email: string) => string;
  emailPaste: string;
  emailConfirm: string;
  emailAgain: string;
  emailConfirming: string;
  emailChanged: (email: string) => string;
  emailLinkInvalid: string;
  emailLinkBad: string;
  emailSame: string;
  emailInUse: string;

  // <portal-app>
  appNav: string;
  /** The menu button on narrow screens, naming the section shown. */
  appMenu: (section: string) => string;
  appSection: (section: 'overview' | 'orders' | 'usage' | 'benefits' | 'team' | 'billing') => string;
  /** The document title: the section, then the page's own title. */
  appTitle: (section: string, page: string) => string;
  appBack: (organization: string) => string;
  appSummary: string;
  appNextCharge: (product: string) => string;
  appOn: (date: string) => string;
  appLatest: string;
}

/** Which date a subscription line shows. */
export type SubDateKind = 'renews' | 'trial' | 'ends' | 'ended' | 'pauses' | 'paused' | 'resumes' | 'started' | 'retry';
/** A subscription action, for its button and its confirmation. */
export type SubAction = 'cancel' | 'revoke' | 'uncancel' | 'plan' | 'seats' | 'pause' | 'cancelPause' | 'resume' | 'clearPending';
