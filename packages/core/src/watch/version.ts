/**
 * Watch versions are a counter held as a safe integer and shown to clients as
 * an opaque decimal string. Clients must not do arithmetic on them; the hub
 * may change the representation as long as the string order stays meaningful
 * to the hub alone.
 */

// Canonical decimal only (no sign, no leading zeros, no exponent) so that one
// version has exactly one spelling; at most 16 digits keeps it a safe integer.
const DECIMAL = /^(?:0|[1-9][0-9]{0,15})$/;

/** Parses a version string; undefined when it is not a canonical decimal safe integer. */
export function parseVersion(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The opaque string form of a version. */
export function formatVersion(version: number): string {
  return String(version);
}
