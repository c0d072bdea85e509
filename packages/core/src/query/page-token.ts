import { Code, ConnectError } from "@connectrpc/connect";
import { decodeBase64url, encodeBase64url } from "./base64url.js";
import { invalidArgument } from "./errors.js";
import { hash53 } from "./hash.js";
import type { SortValue } from "./sort-value.js";

/**
 * Page tokens (AIP-158) are opaque to clients: base64url of
 * `[version, fingerprint, key, checksum]`, where `key` is the sort key of the
 * last item returned (keyset pagination: the next page starts strictly after
 * it, so inserts and deletes between pages never shift what follows) and
 * `fingerprint` identifies the query, so a token cannot be reused with a
 * different parent, filter or order_by.
 */
const TOKEN_VERSION = 1;
/** The proto caps page_token at 2048 characters; anything much longer is not ours. */
const MAX_TOKEN_LENGTH = 4096;

/** A bigint key component travels as {"i": "123"}, since JSON has no bigint. */
type EncodedSortValue = string | number | { readonly i: string };

export interface QueryIdentity {
  /** The kind of list, e.g. "vclusters", so a snapshot token does not page through vclusters. */
  readonly collection: string;
  readonly parent: string;
  readonly filter: string;
  /** The canonical order_by (`OrderBy.canonical`), so `name` and ` name ` are the same query. */
  readonly orderBy: string;
}

/** Identifies a list query; page tokens carry it. */
export function queryFingerprint(query: QueryIdentity): string {
  return hash53(JSON.stringify([query.collection, query.parent, query.filter.trim(), query.orderBy]));
}

export function encodePageToken(fingerprint: string, key: readonly SortValue[]): string {
  const encodedKey = key.map(encodeSortValue);
  const body = [TOKEN_VERSION, fingerprint, encodedKey] as const;
  return encodeBase64url(JSON.stringify([...body, hash53(JSON.stringify(body))]));
}

/**
 * Returns the sort key a page token carries. Throws INVALID_ARGUMENT if the
 * token is not one this module made (garbage, truncated, edited) or was made
 * for a different query.
 */
export function decodePageToken(token: string, fingerprint: string, keyLength: number): SortValue[] {
  const parsed = parseToken(token);
  if (parsed === undefined) {
    throw notOurs();
  }
  if (parsed.fingerprint !== fingerprint) {
    throw new ConnectError(
      "page_token does not match the request; parent, filter and order_by must be the same as in the request that returned the token",
      Code.InvalidArgument,
    );
  }
  if (parsed.key.length !== keyLength) {
    throw notOurs();
  }
  return parsed.key;
}

function notOurs(): ConnectError {
  return invalidArgument("page_token", "not a page token returned by this API (it may be truncated or altered); start again without page_token");
}

function parseToken(token: string): { fingerprint: string; key: SortValue[] } | undefined {
  if (token.length > MAX_TOKEN_LENGTH) {
    return undefined;
  }
  const json = decodeBase64url(token);
  if (json === undefined) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 4) {
    return undefined;
  }
  const [version, fingerprint, encodedKey, checksum] = value as unknown[];
  if (version !== TOKEN_VERSION || typeof fingerprint !== "string" || !Array.isArray(encodedKey)) {
    return undefined;
  }
  if (checksum !== hash53(JSON.stringify([version, fingerprint, encodedKey]))) {
    return undefined;
  }
  const key: SortValue[] = [];
  for (const part of encodedKey as unknown[]) {
    const decoded = decodeSortValue(part);
    if (decoded === undefined) {
      return undefined;
    }
    key.push(decoded);
  }
  return { fingerprint, key };
}

function encodeSortValue(value: SortValue): EncodedSortValue {
  return typeof value === "bigint" ? { i: value.toString() } : value;
}

function decodeSortValue(value: unknown): SortValue | undefined {
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const digits: unknown = (value as { i?: unknown }).i;
    if (Object.keys(value).length === 1 && typeof digits === "string" && /^-?\d{1,40}$/.test(digits)) {
      return BigInt(digits);
    }
  }
  return undefined;
}
