/**
 * Canonical API errors (AIP-193). Every rule in core fails through one of
 * these, so the code and the shape of the message are the same everywhere.
 */
import { Code, ConnectError } from "@connectrpc/connect";

export function invalidArgument(message: string): ConnectError {
  return new ConnectError(message, Code.InvalidArgument);
}

export function notFound(kind: string, name: string): ConnectError {
  return new ConnectError(`${kind} "${name}" not found`, Code.NotFound);
}

export function alreadyExists(kind: string, name: string): ConnectError {
  return new ConnectError(`${kind} "${name}" already exists`, Code.AlreadyExists);
}

export function failedPrecondition(message: string): ConnectError {
  return new ConnectError(message, Code.FailedPrecondition);
}

/** A stale etag (AIP-154): the caller must re-read and retry. */
export function staleEtag(kind: string, name: string, sent: string, current: string): ConnectError {
  return new ConnectError(
    `etag mismatch for ${kind} "${name}": the request has "${sent}" but the current etag is "${current}"; read it again and retry`,
    Code.Aborted,
  );
}

/** Turns whatever a driver threw into the code and message an operation ends with. */
export function toOperationError(err: unknown): { code: Code; message: string } {
  if (err instanceof ConnectError) return { code: err.code, message: err.rawMessage };
  if (err instanceof Error) return { code: Code.Unknown, message: err.message };
  return { code: Code.Unknown, message: String(err) };
}
