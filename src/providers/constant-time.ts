/**
 * Comparisons whose time does not depend on where two secrets first differ, so an attacker cannot
 * find a token or a signature byte by byte from response times.
 */
import { asBufferSource, utf8 } from './bytes';

/** Equal bytes, in time that depends only on the lengths (which are public for signatures). */
export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * Equal texts, comparing SHA-256 digests so that neither the position of a difference nor the
 * secret's length shows in the time taken.
 */
export async function timingSafeEqualText(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    crypto.subtle.digest('SHA-256', asBufferSource(utf8(given))),
    crypto.subtle.digest('SHA-256', asBufferSource(utf8(expected))),
  ]);
  return timingSafeEqualBytes(new Uint8Array(a), new Uint8Array(b));
}

/** True when `given` equals any of `expected`; every candidate is compared, found or not. */
export async function matchesAnySecret(given: string, expected: readonly string[]): Promise<boolean> {
  let found = false;
  for (const candidate of expected) found = (await timingSafeEqualText(given, candidate)) || found;
  return found;
}
