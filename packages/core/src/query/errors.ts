import { Code, ConnectError } from "@connectrpc/connect";

/** The request fields whose text this module interprets. */
export type QueryField = "filter" | "order_by" | "page_token" | "page_size";

/**
 * An INVALID_ARGUMENT error about one request field. The message starts with
 * the field ("invalid filter: ...") so a client can tell which parameter to fix
 * without parsing error details.
 */
export function invalidArgument(field: QueryField, message: string): ConnectError {
  return new ConnectError(`invalid ${field}: ${message}`, Code.InvalidArgument);
}

/**
 * An INVALID_ARGUMENT error pointing at a 0-based character position of the
 * field's text, with what was expected there:
 * `invalid filter: unknown field "labelz" at position 0 (expected one of: name, labels)`.
 */
export function invalidAt(field: QueryField, message: string, position: number, expected?: string): ConnectError {
  const hint = expected === undefined ? "" : ` (${expected})`;
  return invalidArgument(field, `${message} at position ${position}${hint}`);
}
