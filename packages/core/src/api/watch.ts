/**
 * WatchVClusters on top of the core's WatchHub: the initial state of the
 * project (filtered), SYNCED, then changes, as protocol messages.
 */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import {
  WatchVClustersResponseSchema,
  WatchVClustersResponse_EventType as EventType,
  type VCluster,
  type WatchVClustersRequest,
  type WatchVClustersResponse,
} from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import type { WatchEvent } from "../watch/index.js";
import { projectOf } from "../names.js";
import { compileVClusterFilter } from "./listing.js";

const EVENT_TYPES = {
  added: EventType.ADDED,
  modified: EventType.MODIFIED,
  deleted: EventType.DELETED,
  synced: EventType.SYNCED,
} as const;

/**
 * Live events are shared by every subscriber of the hub, so their response
 * message is built once and shared too: with 1,000 watchers that is one
 * message per change instead of 1,000.
 */
const responses = new WeakMap<WatchEvent<VCluster>, WatchVClustersResponse>();

function toResponse(event: WatchEvent<VCluster>): WatchVClustersResponse {
  let response = responses.get(event);
  if (!response) {
    response = create(WatchVClustersResponseSchema, {
      type: EVENT_TYPES[event.type],
      ...(event.item ? { vcluster: event.item } : {}),
      version: event.version,
      eventTime: timestampFromMs(event.time),
    });
    responses.set(event, response);
  }
  return response;
}

/**
 * A plain async iterable over the subscription rather than an async
 * generator: one promise per event per watcher instead of two, which is what
 * a large fan-out spends its time on.
 */
export function watchVClusters(
  ctx: CoreContext,
  req: WatchVClustersRequest,
  signal: AbortSignal,
): AsyncIterable<WatchVClustersResponse> {
  const prefix = `${req.parent}/vclusters/`;
  const matchesFilter = compileVClusterFilter(req.filter);
  const project = projectOf(req.parent);
  const hub = ctx.hub;
  const subscription = hub.subscribe({
    ...(req.resumeVersion
      ? { resumeVersion: req.resumeVersion }
      : { initial: () => ({ items: ctx.store.listVClusters(project), version: ctx.hub.currentVersion() }) }),
    predicate: (v) => v.name.startsWith(prefix) && matchesFilter(v),
    bufferSize: ctx.options.watchBufferSize,
    signal,
  });
  const done = { done: true, value: undefined } as const;
  return {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<WatchVClustersResponse>> => {
        const result = await subscription.next();
        if (!result.done) return { done: false, value: toResponse(result.value) };
        // The stream ended without the client asking: the server is shutting
        // down (or the mock was reset). UNAVAILABLE tells the client to watch again.
        if (!signal.aborted && hub.closed) {
          throw new ConnectError("watch ended: the server is shutting down or was reset; watch again", Code.Unavailable);
        }
        return done;
      },
      return: async () => {
        subscription.close();
        return done;
      },
    }),
  };
}
