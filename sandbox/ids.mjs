// @ts-check
// Identifiers and secrets in Polar's formats.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A UUID4-shaped id derived from a name, so seed ids are identical on every start.
 * @param {string} name
 */
export function uuidFrom(name) {
  const h = createHash('sha256').update(`polar-sandbox:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x40; // version 4: the OpenAPI `uuid4` format checks it
  h[8] = (h[8] & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** A fresh random UUID4 for objects created at runtime. */
export function newId() {
  return randomUUID();
}

/** @param {number} n */
function base62(n) {
  let s = '';
  do {
    s = BASE62[n % 62] + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s;
}

/**
 * Polar's `generate_token`: prefix + 37 random [A-Za-z0-9] + 6-char base62 CRC32 checksum.
 * @param {string} prefix
 */
export function generateToken(prefix) {
  let body = '';
  while (body.length < 37) {
    for (const b of randomBytes(64)) {
      if (b < 248 && body.length < 37) body += BASE62[b % 62]; // 248 = 4*62: no modulo bias
    }
  }
  const checksum = base62(crc32(body)).padStart(6, '0');
  return `${prefix}${body}${checksum}`;
}

/** A login code: 6 characters of A–Z and 0–9 (Polar draws from ascii_uppercase + digits). */
export function generateLoginCode() {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let code = '';
  while (code.length < 6) {
    const b = randomBytes(1)[0];
    if (b < 252) code += alphabet[b % 36]; // 252 = 7*36
  }
  return code;
}

/**
 * Deterministic pseudo-random hex, for seed license keys and checksums.
 * @param {string} name
 * @param {number} length
 */
export function hexFrom(name, length) {
  return createHash('sha256').update(name).digest('hex').slice(0, length);
}
