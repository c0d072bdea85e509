/**
 * `LongRunningOperation<T>`: a long-running operation and its typed outcome. `wait()`
 * loops over WaitOperation, because one WaitOperation returns not-done when
 * its server-side timeout passes, and resolves to the resource the operation
 * produced (VCluster, Snapshot, or undefined for deletes) or throws
 * OperationFailedError.
 */
import { Code, ConnectError, type Client } from "@connectrpc/connect";
import type { Operation as OperationMessage, OperationMetadata } from "../gen-lite/openvcluster/v1/operation_pb.js";
import type { OperationService } from "../gen-lite/openvcluster/v1/operation_service_pb.js";
import { OperationFailedError } from "./operation-failed-error.js";
import { responseOf, type OperationResponseTypes } from "./operation-result.js";

export interface WaitOptions {
  /** Stops waiting (the operation goes on): wait() rejects with CANCELED. */
  signal?: AbortSignal;
  /** The longest to wait in all; then wait() rejects with DEADLINE_EXCEEDED. Default: no limit. */
  timeoutMs?: number;
  /** Called with the metadata on start and whenever the state, step or progress changes. */
  onProgress?: (metadata: OperationMetadata, operation: OperationMessage) => void;
}

/** How long one WaitOperation may block; with onProgress, short so progress is seen while it runs. */
const WAIT_SLICE_MS = 30_000;
const PROGRESS_SLICE_MS = 1_000;
/** The call's deadline beyond the server-side wait, for the round trip. */
const CALL_MARGIN_MS = 10_000;

export class LongRunningOperation<T> {
  #latest: OperationMessage;

  constructor(
    private readonly operations: Client<typeof OperationService>,
    latest: OperationMessage,
    private readonly responseType: keyof OperationResponseTypes | undefined,
  ) {
    this.#latest = latest;
  }

  /** The operation as last seen. */
  get latest(): OperationMessage {
    return this.#latest;
  }
  get name(): string {
    return this.#latest.name;
  }
  get done(): boolean {
    return this.#latest.done;
  }
  get metadata(): OperationMetadata | undefined {
    return this.#latest.metadata;
  }

  /** Waits until the operation is done, then returns what result() does. */
  async wait(options: WaitOptions = {}): Promise<T> {
    const { signal, timeoutMs, onProgress } = options;
    const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
    let seen = "";
    const report = () => {
      const m = this.#latest.metadata;
      const key = m ? `${m.state}/${m.step}/${m.progressPercent}` : "";
      if (onProgress && m && key !== seen) onProgress(m, this.#latest);
      seen = key;
    };
    report();
    while (!this.#latest.done) {
      if (signal?.aborted) throw new ConnectError(`stopped waiting for ${this.name}`, Code.Canceled, undefined, undefined, signal.reason);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new ConnectError(`operation ${this.name} not done after ${String(timeoutMs)} ms`, Code.DeadlineExceeded);
      const slice = Math.min(remaining, onProgress ? PROGRESS_SLICE_MS : WAIT_SLICE_MS);
      this.#latest = await this.operations.waitOperation(
        { name: this.name, timeout: { seconds: BigInt(Math.floor(slice / 1000)), nanos: (slice % 1000) * 1_000_000 } },
        { signal, timeoutMs: slice + CALL_MARGIN_MS },
      );
      report();
    }
    return this.result();
  }

  /** The outcome of a done operation: its resource, or OperationFailedError. Throws when not done. */
  result(): T {
    const op = this.#latest;
    if (!op.done) throw new Error(`operation ${op.name} is not done`);
    if (op.result.case === "error") throw new OperationFailedError(op, op.result.value);
    return responseOf(op, this.responseType) as T;
  }

  /** Asks the server to stop the operation (best effort) and returns its state. */
  async cancel(): Promise<OperationMessage> {
    this.#latest = await this.operations.cancelOperation({ name: this.name });
    return this.#latest;
  }
}
