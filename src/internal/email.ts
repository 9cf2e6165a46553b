/**
 * A first check of an email address before asking the server, which has the last word (it also
 * checks the domain): one @, something before it, and a dotted domain without spaces.
 */
export function isPlausibleEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}
