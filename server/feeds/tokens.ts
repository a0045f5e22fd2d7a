// Feed tokens derived, not stored: base64url of the feed row's 16 uuid bytes followed by the first
// 16 bytes of HMAC-SHA256(key, "<id>:<generation>") — 43 characters. The server recomputes the
// link on every visit; a database backup alone cannot build one; a new key ends every link.
import { createHmac, timingSafeEqual } from 'node:crypto';

const ID_BYTES = 16;
const MAC_BYTES = 16;

/**
 * The key of demo feeds (demo data only). Public on purpose, so README can print a working demo
 * URL; the public route refuses demo feeds with NODE_ENV=production.
 */
export const DEMO_FEED_KEY = 'bt-planeraren demo feeds: a public key, not a secret';

export function feedToken(key: string, id: string, generation: number): string {
  return Buffer.concat([Buffer.from(id.replace(/-/g, ''), 'hex'), mac(key, id, generation)]).toString('base64url');
}

/** The feed row a token names and the MAC it carries; undefined when it is not shaped like one. */
export function readFeedToken(token: string): { id: string; mac: Buffer } | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  // The last character carries 2 unused bits: only the one spelling the server made is a token.
  if (bytes.length !== ID_BYTES + MAC_BYTES || bytes.toString('base64url') !== token) return undefined;
  const hex = bytes.subarray(0, ID_BYTES).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, mac: bytes.subarray(ID_BYTES) };
}

/** Constant time in the MAC: a near miss takes as long as a far one. */
export function macMatches(key: string, id: string, generation: number, given: Buffer): boolean {
  return given.length === MAC_BYTES && timingSafeEqual(mac(key, id, generation), given);
}

function mac(key: string, id: string, generation: number): Buffer {
  return createHmac('sha256', key).update(`${id}:${generation}`).digest().subarray(0, MAC_BYTES);
}
