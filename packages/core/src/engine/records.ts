/**
 * The only way core writes resources: each write stamps update_time and a new
 * etag, and every vcluster write is published to watchers with its previous
 * state, so a store and its watch stream can never disagree.
 */
import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import {
  OperationSchema,
  OperationState,
  SnapshotSchema,
  VClusterSchema,
  type OperationVerb,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import { computeEtag } from "../etag.js";
import { operationName, projectOf } from "../names.js";
import type { OperationInternal, StoredOperation } from "../store/store.js";
import { operationTimeoutMs } from "./deadlines.js";
import type { WatchChange } from "../watch/index.js";
import type { CoreContext } from "./context.js";
import { atomically } from "./atomic.js";

export function saveVCluster(
  ctx: CoreContext,
  next: VCluster,
  previous: VCluster | undefined,
  opts: { keepUpdateTime?: boolean } = {},
): VCluster {
  if (!opts.keepUpdateTime || !next.updateTime) next.updateTime = timestampFromDate(ctx.clock.now());
  next.etag = computeEtag(VClusterSchema, next);
  // Always in a transaction (joining the caller's if any), so the change and
  // its watch version are stored together (see atomic.ts).
  atomically(ctx, () => {
    ctx.store.putVCluster(next);
    publish(ctx, previous ? "modified" : "added", next, previous);
  });
  return next;
}

export function removeVCluster(ctx: CoreContext, last: VCluster): void {
  atomically(ctx, () => {
    ctx.store.deleteVCluster(last.name);
    publish(ctx, "deleted", last, last);
  });
}

function publish(ctx: CoreContext, type: "added" | "modified" | "deleted", item: VCluster, previous: VCluster | undefined): void {
  const change: WatchChange<VCluster> = previous ? { type, key: item.name, item, previous } : { type, key: item.name, item };
  ctx.pendingEvents?.push(change);
}

/** Hands a committed change to watchers (its version is already stored, by atomically). */
export function publishNow(ctx: CoreContext, change: WatchChange<VCluster>): void {
  ctx.hub.publish(change);
}

export function saveSnapshot(ctx: CoreContext, next: Snapshot): Snapshot {
  next.etag = computeEtag(SnapshotSchema, next);
  ctx.store.putSnapshot(next);
  return next;
}

export interface NewOperation {
  verb: OperationVerb;
  target: string;
  requestId: string;
  internal: OperationInternal;
}

export function newOperation(ctx: CoreContext, spec: NewOperation): StoredOperation {
  const at = ctx.clock.now();
  const now = timestampFromDate(at);
  const operation = create(OperationSchema, {
    name: operationName(projectOf(spec.target), ctx.ids.operationId()),
    done: false,
    metadata: {
      verb: spec.verb,
      target: spec.target,
      state: OperationState.PENDING,
      progressPercent: 0,
      step: "queued",
      createTime: now,
      updateTime: now,
      requestId: spec.requestId,
      deadline: timestampFromDate(new Date(at.getTime() + operationTimeoutMs(ctx, spec.verb))),
      cancellable: true,
    },
  });
  const stored = { operation, internal: spec.internal };
  ctx.store.putOperation(stored);
  return stored;
}

export function saveOperation(ctx: CoreContext, stored: StoredOperation): StoredOperation {
  if (stored.operation.metadata) stored.operation.metadata.updateTime = timestampFromDate(ctx.clock.now());
  ctx.store.putOperation(stored);
  return stored;
}
