/**
 * A short fingerprint of English's message keys, in order. A built locale file holds its
 * messages as values in that order (vite.config.ts, localeValues) behind this fingerprint, so a
 * kit never reads a locale file built for another version's keys (a cached file after an update).
 */
export function keySignature(keys: string[]): string {
  let hash = 5381;
  for (const char of keys.join()) hash = Math.imul(hash, 33) ^ char.charCodeAt(0);
  return (hash >>> 0).toString(36);
}
