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
import { projectOf } from "../names.js";
import { compileVClusterFilter } from "./listing.js";

const EVENT_TYPES = {
  added: EventType.ADDED,
  modified: EventType.MODIFIED,
  deleted: EventType.DELETED,
  synced: EventType.SYNCED,
} as const;

export async function* watchVClusters(
  ctx: CoreContext,
  req: WatchVClustersRequest,
  signal: AbortSignal,
): AsyncGenerator<WatchVClustersResponse> {
  const project = projectOf(req.parent);
  const matchesFilter = compileVClusterFilter(req.filter);
  const inProject = (v: VCluster) => projectOf(v.name) === project;
  const hub = ctx.hub;
  const subscription = hub.subscribe({
    ...(req.resumeVersion
      ? { resumeVersion: req.resumeVersion }
      : { initial: () => ({ items: ctx.store.listVClusters(project), version: ctx.hub.currentVersion() }) }),
    predicate: (v) => inProject(v) && matchesFilter(v),
    bufferSize: ctx.options.watchBufferSize,
    signal,
  });
  for await (const event of subscription) {
    yield create(WatchVClustersResponseSchema, {
      type: EVENT_TYPES[event.type],
      ...(event.item ? { vcluster: event.item } : {}),
      version: event.version,
      eventTime: timestampFromMs(event.time),
    });
  }
  // The stream ended without the client asking: the server is shutting down
  // (or the mock was reset). UNAVAILABLE tells the client to watch again.
  if (!signal.aborted && hub.closed) {
    throw new ConnectError("watch ended: the server is shutting down or was reset; watch again", Code.Unavailable);
  }
}
