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
};
