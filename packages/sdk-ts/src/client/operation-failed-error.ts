/**
 * The error `Operation.wait()` throws when the operation ended with an error
 * (a failed driver step, or CANCELLED): a ConnectError with the operation's
 * own code, message and details, so `isCode(err, Code.Internal)` and
 * `violationsOf(err)` work on it like on a failed call.
 */
import { ConnectError } from "@connectrpc/connect";
import type { Operation as OperationMessage, OperationError } from "../gen-lite/openvcluster/v1/operation_pb.js";

export class OperationFailedError extends ConnectError {
  // Connect recognises its errors across duplicate package copies by `name`:
  // keeping "ConnectError" makes `err instanceof ConnectError` true for this
  // subclass, and the ordinary prototype check tells the subclasses apart.
  static override [Symbol.hasInstance](v: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, v);
  }
  /** The operation as it ended. */
  readonly operation: OperationMessage;

  constructor(operation: OperationMessage, error: OperationError) {
    super(`operation ${operation.name} failed: ${error.message}`, error.code);
    this.operation = operation;
    // google.protobuf.Any -> Connect's incoming detail shape, decodable with findDetails().
    this.details = error.details.map((any) => ({ type: any.typeUrl.slice(any.typeUrl.lastIndexOf("/") + 1), value: any.value }));
  }
}
