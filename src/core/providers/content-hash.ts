/**
 * Ids for provider events that carry none (Brevo, Mailjet, Elastic Email, most of Postmark).
 * It must be synchronous and identical in Node and every browser, so that the same webhook
 * delivered again gets the same id and the fold counts it once; it need not resist an attacker
 * (who could as well send a different event), so a fast non-cryptographic hash does.
 *
 * The mixing is cyrb53 (public domain, bryc), keeping both 32-bit halves: 64 bits make a
 * collision between two real events of one account negligible.
 */
export function contentHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Hashes a list of fields. Each part is length-prefixed so that ('ab', 'c') and ('a', 'bc')
 * cannot give the same input text.
 */
export function hashParts(parts: readonly (string | number | undefined)[]): string {
  let text = '';
  for (const part of parts) {
    const value = part === undefined ? '' : String(part);
    text += `${value.length}:${value};`;
  }
  return contentHash(text);
}
