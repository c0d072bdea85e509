/**
 * A 53-bit non-cryptographic hash of a string (cyrb53), as base-36 text.
 * Used to fingerprint list queries and to checksum page tokens so that a
 * corrupted or hand-edited token is refused. It is not a MAC: tokens are not
 * secret and a valid-looking forged token can only start a page at an
 * arbitrary position of a list the caller may read anyway.
 * Pure JS rather than node:crypto, because the mock server runs core in browsers too.
 */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
