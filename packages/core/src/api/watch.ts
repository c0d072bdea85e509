/**
 * WatchVClusters on top of the core's WatchHub: the initial state of the
 * project (filtered), SYNCED, then changes, as protocol messages.
 */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import {
  View,
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
import { effectiveView, inView } from "./view.js";

const EVENT_TYPES = {
  added: EventType.ADDED,
  modified: EventType.MODIFIED,
  deleted: EventType.DELETED,
  synced: EventType.SYNCED,
} as const;

/**
 * Live events are shared by every subscriber of the hub, so their response
 * message is built once per view and shared too: with 1,000 watchers that is
 * one message per change instead of 1,000.
 */
const responses = {
  [View.BASIC]: new WeakMap<WatchEvent<VCluster>, WatchVClustersResponse>(),
  [View.FULL]: new WeakMap<WatchEvent<VCluster>, WatchVClustersResponse>(),
};

function toResponse(event: WatchEvent<VCluster>, view: View.BASIC | View.FULL): WatchVClustersResponse {
  const cache = responses[view];
  let response = cache.get(event);
  if (!response) {
    response = create(WatchVClustersResponseSchema, {
      type: EVENT_TYPES[event.type],
      ...(event.item ? { vcluster: inView(event.item, view) } : {}),
      version: event.version,
      eventTime: timestampFromMs(event.time),
    });
    cache.set(event, response);
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
  const view = effectiveView(req.view, View.BASIC);
  const done = { done: true, value: undefined } as const;
  // The subscription's next() still unanswered when a bookmark went out instead.
  let pending: Promise<IteratorResult<WatchEvent<VCluster>, undefined>> | undefined;
  const end = (): IteratorResult<WatchVClustersResponse> => {
    // The stream ended without the client asking: the server is shutting
    // down (or the mock was reset). UNAVAILABLE tells the client to watch again.
    if (!signal.aborted && hub.closed) {
      throw new ConnectError("watch ended: the server is shutting down or was reset; watch again", Code.Unavailable);
    }
    return done;
  };
  return {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<WatchVClustersResponse>> => {
        const next = (pending ??= subscription.next());
        const quiet = new AbortController();
        const onAbort = () => quiet.abort();
        signal.addEventListener("abort", onAbort, { once: true });
        const heartbeat = ctx.clock.sleep(ctx.options.watchHeartbeatMs, quiet.signal).then(
          () => "quiet" as const,
          () => "stopped" as const,
        );
        try {
          const first = await Promise.race([next, heartbeat]);
          // Quiet for the heartbeat interval, and still waiting for the hub
          // (no event handed over in between): a bookmark at the current version.
          if (first === "quiet" && subscription.waiting) return { done: false, value: bookmark(ctx, hub.currentVersion()) };
          const result = await next;
          pending = undefined;
          if (!result.done) return { done: false, value: toResponse(result.value, view) };
          return end();
        } finally {
          quiet.abort();
          signal.removeEventListener("abort", onAbort);
        }
      },
      return: async () => {
        subscription.close();
        return done;
      },
    }),
  };
}

/** A heartbeat: no vcluster, the hub's current version to resume from. */
function bookmark(ctx: CoreContext, version: string): WatchVClustersResponse {
  return create(WatchVClustersResponseSchema, {
    type: EventType.BOOKMARK,
    version,
    eventTime: timestampFromMs(ctx.clock.now().getTime()),
  });
}
