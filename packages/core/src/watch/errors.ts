/**
 * Every error a watch can end with, in one place so the wording the clients
 * see (and act on) stays consistent between the real and the mock server.
 */
import { Code, ConnectError } from "@connectrpc/connect";

/** The resume version is not something this hub ever handed out. */
export function invalidResumeVersion(text: string, reason: string): ConnectError {
  return new ConnectError(`resume_version ${JSON.stringify(text)} is invalid: ${reason}`, Code.InvalidArgument);
}

/** The resume version is older than the retained log: the client must start over. */
export function resumeVersionTooOld(text: string, oldestResumable: string): ConnectError {
  return new ConnectError(
    `resume_version ${text} is too old: events are retained only after version ${oldestResumable}; ` +
      "list again and watch from the version List returns",
    Code.OutOfRange,
  );
}

/**
 * The consumer let its buffer fill. `resumeFrom` is the last version it took
 * after the initial state, or undefined if it had not finished the initial
 * state (then resuming would skip items, so it must start over).
 */
export function consumerTooSlow(buffered: number, resumeFrom: string | undefined): ConnectError {
  const advice =
    resumeFrom === undefined
      ? "watch again without resume_version (the initial state was not complete)"
      : `re-watch from version ${resumeFrom}`;
  return new ConnectError(`watch consumer too slow: ${buffered} events buffered; ${advice}`, Code.ResourceExhausted);
}

/** The events a catching-up consumer still needed were dropped from the log before it read them. */
export function consumerFellBehindLog(resumeFrom: string | undefined, oldestResumable: string): ConnectError {
  const advice =
    resumeFrom === undefined
      ? "watch again without resume_version"
      : `list again and watch from the version List returns (events are retained only after version ${oldestResumable})`;
  return new ConnectError(`watch consumer too slow: it fell behind the retained event log; ${advice}`, Code.ResourceExhausted);
}

/** The hub was closed (server shutting down): new watches are refused so clients retry elsewhere. */
export function hubClosed(): ConnectError {
  return new ConnectError("watch is shutting down; retry", Code.Unavailable);
}

/** A subscriber's predicate threw: a bug in the filter, reported to that subscriber only. */
export function predicateFailed(cause: unknown): ConnectError {
  return new ConnectError("watch filter failed", Code.Internal, undefined, undefined, cause);
}

/** The store handed a snapshot whose version the hub cannot continue from: a bug in the store. */
export function snapshotInconsistent(version: string, reason: string): ConnectError {
  return new ConnectError(`watch snapshot version ${JSON.stringify(version)} ${reason}`, Code.Internal);
}
