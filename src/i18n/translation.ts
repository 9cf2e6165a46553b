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
  unnamedAccount: string;
  pickRequired: string;
  continue: string;
  back: string;

  codeHeading: string;
  codeSent: (email: string) => string;
  codeLabel: string;
  codeHint: string;
  codeRequired: string;
  codeIncomplete: string;
  codeInvalid: string;
  signIn: string;
  signingIn: string;
  resendCode: string;
  resendIn: (seconds: number) => string;
  codeResent: (email: string) => string;
  differentEmail: string;

  rateLimited: (wait: string) => string;
  tryAgainIn: (wait: string) => string;

  checkingSession: string;
  signedInAs: (who: string) => string;
  role: (role: string) => string;
  signOut: string;
  sessionExpired: string;
}
