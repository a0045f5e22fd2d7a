// Passwords as argon2id hashes. An unknown user's login still verifies against a fixed hash,
// so the answer takes as long either way (no user enumeration by timing).
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    await verify(await (dummy ??= hash('no such user: constant work')), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

