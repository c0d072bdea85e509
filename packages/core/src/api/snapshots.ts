/**
 * SnapshotService: read and delete snapshots. Snapshots are taken by
 * VClusterService.SnapshotVCluster and outlive their vcluster.
 */
import { clone, create } from "@bufbuild/protobuf";
import { EmptySchema, timestampFromDate } from "@bufbuild/protobuf/wkt";
import type { ServiceImpl } from "@connectrpc/connect";
import {
  DeleteSnapshotRequestSchema,
  GetSnapshotRequestSchema,
  ListSnapshotsRequestSchema,
  OperationResponseSchema,
  OperationSchema,
  OperationState,
  OperationVerb,
  SnapshotSchema,
  SnapshotService,
  Snapshot_Phase,
  UpdateSnapshotRequestSchema,
  type Operation,
  type Snapshot,
} from "@open-vcluster/sdk";
import { failedPrecondition, notFound } from "../errors.js";
import { checkEtag } from "../etag.js";
import type { CoreContext } from "../engine/context.js";
import { idempotent } from "../engine/idempotency.js";
import { newOperation, saveSnapshot } from "../engine/records.js";
import type { OperationRunner } from "../engine/runner.js";
import { projectOf } from "../names.js";
import type { StoredOperation } from "../store/store.js";
import { validateRequest } from "../validation.js";
import { listSnapshots } from "./listing.js";
import { atomically } from "../engine/atomic.js";
import { requireProject } from "../projects/require.js";
import { updateSnapshot } from "../snapshots/update.js";

export function snapshotService(ctx: CoreContext, runner: OperationRunner): ServiceImpl<typeof SnapshotService> {
  return {
    getSnapshot(req) {
      validateRequest(GetSnapshotRequestSchema, req);
      requireProject(ctx, req.name, "read");
      const snapshot = ctx.store.getSnapshot(req.name);
      if (!snapshot) throw notFound("snapshot", req.name);
      return snapshot;
    },

    listSnapshots(req) {
      validateRequest(ListSnapshotsRequestSchema, req);
      requireProject(ctx, req.parent, "read");
      return listSnapshots(ctx, req);
    },

    updateSnapshot(req) {
      validateRequest(UpdateSnapshotRequestSchema, req);
      requireProject(ctx, req.snapshot?.name ?? "", "read");
      return updateSnapshot(ctx, req);
    },

    deleteSnapshot(req) {
      validateRequest(DeleteSnapshotRequestSchema, req);
      requireProject(ctx, req.name, "read");
      if (req.validateOnly) {
        const current = ctx.store.getSnapshot(req.name);
        if (!current) throw notFound("snapshot", req.name);
        checkEtag("snapshot", req.name, req.etag, current.etag);
        assertSnapshotDeletable(ctx, current);
        return validatedDelete(ctx, req.name);
      }
      const { operation, started } = atomically(ctx, () =>
        idempotent(
          ctx,
          { procedure: `${SnapshotService.typeName}/DeleteSnapshot`, project: projectOf(req.name), schema: DeleteSnapshotRequestSchema, request: req },
          () => {
            const current = ctx.store.getSnapshot(req.name);
            if (!current) throw notFound("snapshot", req.name);
            checkEtag("snapshot", req.name, req.etag, current.etag);
            return beginSnapshotDelete(ctx, current.name, req.requestId);
          },
        ),
      );
      if (started && !operation.done) runner.dispatch(operation.name);
      return operation;
    },
  };
}

/** Starts deleting a snapshot (DeleteSnapshot, and expiry). */
export function beginSnapshotDelete(ctx: CoreContext, name: string, requestId: string): StoredOperation {
  const current = ctx.store.getSnapshot(name);
  if (!current) throw notFound("snapshot", name);
  assertSnapshotDeletable(ctx, current);
  const op = newOperation(ctx, {
    verb: OperationVerb.DELETE_SNAPSHOT,
    target: name,
    requestId,
    internal: { priorPhase: current.phase, snapshot: name },
  });
  const next = clone(SnapshotSchema, current);
  next.phase = Snapshot_Phase.DELETING;
  saveSnapshot(ctx, next);
  return op;
}

/** FAILED_PRECONDITION unless the snapshot is SUCCEEDED or FAILED and no restore or clone uses it. */
function assertSnapshotDeletable(ctx: CoreContext, current: Snapshot): void {
  const name = current.name;
  if (current.phase !== Snapshot_Phase.SUCCEEDED && current.phase !== Snapshot_Phase.FAILED) {
    throw failedPrecondition(
      `cannot delete snapshot "${name}" in phase ${Snapshot_Phase[current.phase]}: allowed only in SUCCEEDED, FAILED` +
        (current.phase === Snapshot_Phase.DELETING ? "; it is being deleted" : "; cancel its operation first"),
    );
  }
  const restoring = ctx.store
    .listUnfinishedOperations()
    .find((o) => o.internal.snapshot === name && (o.operation.metadata?.verb === OperationVerb.RESTORE || o.internal.clone === true));
  if (restoring) {
    throw failedPrecondition(`cannot delete snapshot "${name}": restore ${restoring.operation.name} is using it`);
  }
}

/** validate_only: a done operation with no name whose response is Empty; nothing is stored. */
function validatedDelete(ctx: CoreContext, name: string): Operation {
  const now = timestampFromDate(ctx.clock.now());
  return create(OperationSchema, {
    name: "",
    done: true,
    metadata: { verb: OperationVerb.DELETE_SNAPSHOT, target: name, state: OperationState.SUCCEEDED, progressPercent: 100, step: "validated", createTime: now, endTime: now, updateTime: now },
    result: { case: "response", value: create(OperationResponseSchema, { resource: { case: "empty", value: create(EmptySchema) } }) },
  });
}
