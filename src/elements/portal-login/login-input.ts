/** Letters and digits only, upper case, at most 6: what Polar compares exactly. */
export function normalizeCode(raw: string): string {
  const upper = raw.toUpperCase();
  // A pasted sentence ("Your code is ABC123.") carries the code as a 6-character word.
  const word = raw.length > 6 ? /(?:^|[^A-Z0-9])([A-Z0-9]{6})(?![A-Z0-9])/.exec(upper) : null;
  return (word ? word[1] : upper.replace(/[^A-Z0-9]/g, '')).slice(0, 6);
}

/**
 * A first check before asking the server, which has the last word (it also checks the domain).
 * One @, something before it, and a dotted domain without spaces.
 */
export function isPlausibleEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}
