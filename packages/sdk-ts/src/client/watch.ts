/**
 * `for await (const event of client.watchVClusters(req))`: a watch that
 * survives disconnects. It remembers the version of the last event it handed
 * out (once the initial state is complete) and reopens the stream from there
 * with backoff, so no change is missed or repeated. When the server no longer
 * retains that version (OUT_OF_RANGE) it throws WatchExpiredError: list again
 * and watch from the list's version. Aborting the signal, or leaving the loop,
 * ends it cleanly, without an error.
 */
import type { CallOptions, Client } from "@connectrpc/connect";
import { Code, ConnectError } from "@connectrpc/connect";
import type { MessageInitShape } from "@bufbuild/protobuf";
import {
  WatchVClustersResponse_EventType,
  type VClusterService,
  type WatchVClustersRequestSchema,
  type WatchVClustersResponse,
} from "../gen-lite/openvcluster/v1/vcluster_service_pb.js";
import { sleep } from "./sleep.js";

export interface WatchOptions extends CallOptions {
  /** Reconnects in a row before the last error is thrown (default 10); a delivered event resets the count. */
  maxReconnects?: number;
  /** Backoff bounds between reconnects (default 100 ms doubling to 5 s, full jitter). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/** The watch's resume version expired: the client must re-list, then watch from the list's `version`. */
export class WatchExpiredError extends ConnectError {
  // Connect recognises its errors across duplicate package copies by `name`:
  // keeping "ConnectError" makes `err instanceof ConnectError` true for this
  // subclass, and the ordinary prototype check tells the subclasses apart.
  static override [Symbol.hasInstance](v: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, v);
  }
  constructor(cause: ConnectError) {
    super(cause.rawMessage, Code.OutOfRange, cause.metadata, undefined, cause);
  }
}

/**
 * Errors of a broken connection or an overloaded server, not of the request:
 * worth reconnecting. connect-node reports a reset connection (ECONNRESET)
 * as ABORTED; RESOURCE_EXHAUSTED is the server dropping a watcher that fell behind.
 */
const RECONNECT_CODES = new Set([
  Code.Unavailable,
  Code.Aborted,
  Code.Unknown,
  Code.Internal,
  Code.DeadlineExceeded,
  Code.ResourceExhausted,
]);

export async function* resumableWatch(
  vclusters: Client<typeof VClusterService>,
  request: MessageInitShape<typeof WatchVClustersRequestSchema>,
  options: WatchOptions = {},
): AsyncGenerator<WatchVClustersResponse> {
  const { maxReconnects = 10, initialBackoffMs = 100, maxBackoffMs = 5000, ...callOptions } = options;
  const signal = callOptions.signal;
  let resumeVersion = request.resumeVersion ?? "";
  // Before SYNCED the initial state is incomplete: a version from it cannot be resumed from.
  let synced = resumeVersion !== "";
  let failures = 0;
  for (;;) {
    try {
      for await (const event of vclusters.watchVClusters({ ...request, resumeVersion }, callOptions)) {
        failures = 0;
        if (event.type === WatchVClustersResponse_EventType.SYNCED) synced = true;
        if (synced && event.version !== "") resumeVersion = event.version;
        yield event;
      }
      if (signal?.aborted) return;
      // The server closed the stream without an error (e.g. shutting down): reconnect like after an error.
    } catch (err) {
      if (signal?.aborted) return;
      const e = ConnectError.from(err);
      if (e.code === Code.OutOfRange) throw new WatchExpiredError(e);
      if (!RECONNECT_CODES.has(e.code) || failures >= maxReconnects) throw e;
    }
    failures++;
    try {
      await sleep(Math.random() * Math.min(maxBackoffMs, initialBackoffMs * 2 ** (failures - 1)), signal);
    } catch {
      return; // aborted while backing off
    }
  }
}
