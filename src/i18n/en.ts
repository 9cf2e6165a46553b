import type { Translation } from './translation.js';

const roles: Record<string, string> = { owner: 'Owner', billing_manager: 'Billing manager', member: 'Member' };

export const en: Translation = {
  loading: 'Loading…',
  retry: 'Try again',
  genericError: 'Something went wrong. Please try again.',
  networkError: 'Could not reach the server. Check your connection and try again.',
  serverError: 'The server had a problem. Please try again in a moment.',
  notPermitted: 'Your role in this team does not allow this. Ask an owner or billing manager.',
  tooManyRequests: 'Too many requests. Please wait a moment and try again.',
  notConfigured:
    'This portal is not set up yet: the page must name its Polar organization (data-organization on the script tag).',
  organizationNotFound: (slug) => `No Polar organization called “${slug}” was found.`,

  signInHeading: 'Sign in',
  emailLabel: 'Email',
  emailHint: 'We will email you a sign-in code.',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  sendCode: 'Send code',
  sendingCode: 'Sending…',

  pickHeading: 'Choose an account',
  pickHint: (email) => `More than one account uses ${email}. Which one do you want to open?`,
  unnamedAccount: 'Unnamed account',
  pickRequired: 'Choose an account to continue.',
  continue: 'Continue',
  back: 'Back',

  codeHeading: 'Enter your code',
  codeSent: (email) => `If an account exists for ${email}, a sign-in code is on its way. It works for 30 minutes.`,
  codeLabel: 'Sign-in code',
  codeHint: '6 letters and numbers, from the email.',
  codeRequired: 'Enter the code from the email.',
  codeIncomplete: 'The code has 6 letters and numbers.',
  codeInvalid: 'That code is wrong or has expired. Check the latest email, or send a new code.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  resendCode: 'Send a new code',
  resendIn: (seconds) => `Send a new code (${seconds} s)`,
  codeResent: (email) => `A new code is on its way to ${email}, if an account exists.`,
  differentEmail: 'Use a different email',

  rateLimited: (wait) => `Too many sign-in attempts. Please try again in ${wait}.`,
  tryAgainIn: (wait) => `Try again in ${wait}`,

  checkingSession: 'Checking your session…',
  signedInAs: (who) => `Signed in as ${who}`,
  role: (role) => roles[role] ?? role,
  signOut: 'Sign out',
  sessionExpired: 'Your session has ended. Please sign in again.',

  // <portal-subscriptions>
  subsHeading: 'Subscriptions',
  subsSignedOut: 'Sign in to see your subscriptions.',
  subsEmpty: 'You have no subscriptions.',
  subsEnded: (n) => `Ended subscriptions (${n})`,
  subStatus: (s) =>
    ({ active: 'Active', trialing: 'Trial', past_due: 'Payment overdue', paused: 'Paused', canceled: 'Ended', unpaid: 'Unpaid', incomplete: 'Incomplete', incomplete_expired: 'Expired', canceling: 'Ends soon' })[s] ?? s,
  perInterval: (price, interval, n) => `${price} / ${n > 1 ? `${n} ${interval}s` : interval}`,
  subDate: (kind, date) =>
    ({ renews: 'Renews on', trial: 'Trial ends on', ends: 'Ends on', ended: 'Ended on', pauses: 'Pauses on', paused: 'Paused since', resumes: 'Resumes on', started: 'Started on', retry: 'Payment due since' })[kind] + ` ${date}`,
  seats: (n) => `${n} ${n === 1 ? 'seat' : 'seats'}`,
  pendingChange: (change, date) => `Scheduled for ${date}: ${change}`,
  subDetails: 'Details',
  subAmount: 'Price',
  nextCharge: 'Next charge',
  noCharge: 'No upcoming charge.',
  chargeLine: (line) =>
    ({ base: 'Plan', metered: 'Metered usage', subtotal: 'Subtotal', discount: 'Discount', tax: 'Tax', total: 'Total', balance: 'Account balance', due: 'Amount due' })[line],
  benefitsHeading: 'Included',
  subAction: (a) =>
    ({ cancel: 'Cancel subscription', revoke: 'Cancel now', uncancel: 'Undo cancellation', plan: 'Change plan', seats: 'Change seats', pause: 'Pause subscription', cancelPause: 'Cancel scheduled pause', resume: 'Resume now', clearPending: 'Cancel scheduled change' })[a],
  subDone: (a, date) =>
    ({ cancel: `Canceled. You keep access until ${date}.`, revoke: 'Your subscription has ended.', uncancel: 'Your subscription continues.', plan: 'Your plan was changed.', seats: 'Your seats were updated.', pause: `Your subscription pauses on ${date}.`, cancelPause: 'The pause was cancelled.', resume: 'Your subscription is active again.', clearPending: 'The scheduled change was cancelled.' })[a],
  close: 'Never mind',
  reasonLegend: 'Why are you cancelling? (optional)',
  reason: (r) =>
    ({ too_expensive: 'Too expensive', missing_features: 'Missing features', switched_service: 'Switched to another service', unused: 'I don’t use it enough', customer_service: 'Customer service', low_quality: 'Quality was lower than expected', too_complex: 'Too complicated', other: 'Other' })[r] ?? r,
  commentLabel: 'Anything else you’d like to tell us? (optional)',
  cancelIntro: (plan, date) => `${plan} stays active until ${date}, then ends. You can undo this until then.`,
  revokeWarning: (owed) => `Your latest payment didn’t go through. Cancelling ends the subscription now: access stops immediately, and the ${owed} still owed will not be collected.`,
  planLegend: 'New plan',
  noPlans: 'No other plans available.',
  gains: 'You gain',
  loses: 'You lose',
  dueToday: 'Due today',
  newPrice: 'New price',
  consent: (amount) => `I agree to be charged ${amount} today.`,
  calculating: 'Calculating…',
  seatsLabel: 'Seats',
  seatsFloor: (n) => `${n} in use: revoke seats to go lower.`,
  fewerSeats: 'One seat fewer',
  moreSeats: 'One seat more',
  pauseIntro: (date) => `Pauses on ${date}, at the end of this period: no charges while paused, and benefits stop.`,
  resumeOnLabel: 'Resume on (optional)',
  choicesKept: 'Your session has ended. Sign in again and your choices will be here.',
  paymentMethodRequired: 'Add a payment method first, then try again.',

  // <portal-seats>
  seatsSignedOut: 'Sign in to see your seats.',
  seatsNone: 'No seat-based subscriptions or orders.',
  seatsPurchase: 'Purchase',
  seatsSummary: ['In use', 'Total', 'Available'],
  seatsNeedMore: 'Need more seats?',
  seatsAssign: 'Assign seats',
  seatsSearch: 'Search by name or email',
  seatsStatus: 'Status',
  seatsAll: (n) => `All (${n})`,
  seatStatus: (s) => ({ claimed: 'Claimed', pending: 'Pending', revoked: 'Revoked' })[s] ?? s,
  seatsColumns: ['Member', 'Status', 'Date', 'Actions'],
  seatsDate: (s, d, past) =>
    s === 'claimed' ? `Claimed ${d}` : s === 'revoked' ? `Revoked ${d}` : `Invitation ${past ? 'expired' : 'expires'} ${d}`,
  seatsShowing: (from, to, total) => (total ? `Showing ${from}–${to} of ${total}` : 'No seats match.'),
  forWho: (label, who) => `${label}: ${who}`,
  seatsResend: 'Resend',
  seatsRevoke: 'Revoke',
  seatsCopy: 'Copy sign-in link',
  seatsDone: (what, email) =>
    ({
      copied: 'Sign-in link copied.',
      resent: `Invitation sent again to ${email}.`,
      revoked: `The seat of ${email} was revoked.`,
      stale: 'This invitation was already accepted or revoked. The list is up to date now.',
    })[what],
  seatsRevokeHeading: 'Revoke this seat?',
  seatsRevokeBody: (email) => `${email} loses the benefits now, and the seat is free for someone else.`,
  seatsEmails: 'Email addresses',
  seatsEmailsHint: 'One or many, separated by commas, spaces or new lines.',
  seatsCheck: (count, fit, available) =>
    !available
      ? 'No seats are available.'
      : `${count} ${count === 1 ? 'address' : 'addresses'}; ${fit === count ? 'all fit' : `${fit} fit`} in the ${available} free.` +
        (fit < count ? ` The other ${count - fit} will stay here.` : ''),
  seatsInvalid: (list) => `Not email addresses: ${list}`,
  seatsAssignN: (n) => (n > 1 ? `Assign ${n} seats` : 'Assign seat'),
  seatsProgress: (done, total) => `Assigning ${done} of ${total}…`,
  seatsOutcome: (o) =>
    ({ assigned: 'Assigned, invitation sent', already: 'Already has a seat', invalid: 'Not a valid address', noSeat: 'No seat left', failed: 'Failed' })[o] ?? o,
  seatsKept: 'Your session has ended. Sign in again: the addresses not sent yet are still in the box.',
  seatsAccess: 'Team seat access',
  seatsAccessItem: (product, organization) => `${product}, from ${organization}`,

  // <portal-team>
  teamSignedOut: 'Sign in to manage your team.',
  teamNotAvailable: (teamsOnly) =>
    teamsOnly ? 'Team management is available for team purchases only.' : 'Team management is available to the team owner and billing managers.',
  teamColumns: ['Member', 'Role', 'Actions'],
  teamYou: '(you)',
  teamRemoveHeading: 'Remove from the team?',
  teamRemoveBody: (who) => `${who} can no longer sign in to this team, and their seat is revoked.`,
  teamInviteHeading: 'Invite a member',
  teamInvite: 'Invite',
  teamDone: (what, who) => `${who} ${what === 'added' ? 'was added to' : what === 'existed' ? 'is already on' : 'was removed from'} the team.`,
  teamRoleChanged: (who, role) => `${who} is now ${role}.`,

  // <portal-billing>
  billingHeading: 'Billing',
  billingSignedOut: 'Sign in to manage billing.',
  billingOwnerOnly: 'Billing is managed by your team’s owner.',
  billingField: (f) =>
    ({ billing_name: 'Billing name (company or legal name for invoices)', line1: 'Address', line2: 'Address line 2 (optional)', postal_code: 'Postal code', city: 'City', country: 'Country', state: 'State or province', tax_id: 'Tax ID (optional)' })[f] ?? f,
  billingAddress: 'Billing address',
  choose: 'Choose…',
  fieldRequired: 'This field is required.',
  stateRequired: 'Choose a state or province.',
  tooLong: (max) => `Use at most ${max} characters.`,
  keptForRetry: 'Your session has ended. Sign in again: what you entered is still here.',
  save: 'Save billing details',
  saving: 'Saving…',
  billingDone: (what) =>
    ({ saved: 'Billing details saved.', added: 'Payment method added.', removed: 'Payment method removed.', default: 'Default payment method changed.' })[what],
  paymentMethods: 'Payment methods',
  noPaymentMethods: 'No saved payment methods.',
  card: (brand, last4) => `${brand} ending in ${last4}`,
  methodType: (type) =>
    ({
      card: 'Card', kr_card: 'Korean card', link: 'Link', sepa_debit: 'SEPA Direct Debit', us_bank_account: 'US bank account',
      bacs_debit: 'Bacs Direct Debit', au_becs_debit: 'BECS Direct Debit', apple_pay: 'Apple Pay', google_pay: 'Google Pay',
      amazon_pay: 'Amazon Pay', cashapp: 'Cash App Pay', paypal: 'PayPal', revolut_pay: 'Revolut Pay', ideal: 'iDEAL', bancontact: 'Bancontact',
    })[type],
  cardExpires: (date) => `Expires ${date}`,
  defaultMethod: 'Default',
  makeDefault: 'Make default',
  remove: 'Remove',
  removeHeading: (method) => `Remove ${method}?`,
  removeOnlyWarning: 'This is your only payment method: your active subscription’s next payment will fail without one.',
  cancel: 'Cancel',
  addMethod: 'Add payment method',
  embedTitle: 'Card details, handled securely by Polar',
  embedError: (code) =>
    ({ unauthorized: 'Your session has ended. Please sign in again.', processing_failed: 'The card was not accepted. Try another card.' })[code] ?? 'The payment form had a problem. Please try again.',
  yourData: 'Your data',
  exportData: 'Download my data',
  preparing: 'Preparing…',

  // <portal-orders>
  ordersHeading: 'Orders',
  ordersSignedOut: 'Sign in to see your orders.',
  ordersEmpty: 'No orders yet.',
  orderCol: (c) => ({ product: 'Product', status: 'Status', date: 'Date', total: 'Total', item: 'Item', amount: 'Amount', number: 'Invoice number' })[c],
  orderStatus: (s) =>
    ({ draft: 'Draft', pending: 'Payment due', paid: 'Paid', refunded: 'Refunded', partially_refunded: 'Partially refunded', void: 'Void' })[s] ?? s,
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  previous: 'Previous',
  next: 'Next',
  allOrders: 'All orders',
  orderLine: (l) =>
    ({ subtotal: 'Subtotal', discount: 'Discount', tax: 'Tax', total: 'Total', balance: 'Paid from balance', due: 'Amount to pay', refunded: 'Refunded' })[l],
  doc: (kind, step) =>
    ({ download: `Download ${kind}`, open: `Open ${kind} (PDF)`, preparing: `Preparing your ${kind}…`, timeout: `The ${kind} is not ready yet. Try again in a few minutes.` })[step],
  invoiceAction: (a) => (a === 'generate' ? 'Generate invoice' : 'Edit invoice'),
  invoiceLocked: 'Country and state are fixed by the tax on this order.',
  invoiceSubmit: 'Save and generate invoice',
  invoiceReady: 'Your invoice is ready.',
  payNow: 'Pay now',
  payIntro: (amount, date) => `${amount} is due. Otherwise we retry on ${date}.`,
  payWith: 'Pay with',
  payButton: (amount) => `Pay ${amount}`,
  payDone: (o) =>
    ({ processing: 'Processing your payment…', paid: 'Payment received. Thank you!', slow: 'The payment is still processing. Check again in a few minutes.' })[o],
  payFailed: (reason) => `The payment failed: ${reason}`,
  payError: (code) =>
    ({ ManualRetryLimitExceeded: 'You have reached the limit of payment attempts for this order. We will retry automatically.', PaymentAlreadyInProgress: 'A payment for this order is already in progress.', OrderNotEligibleForRetry: 'This order can no longer be paid here.' })[code],
  newCard: 'Add a new card',
};
