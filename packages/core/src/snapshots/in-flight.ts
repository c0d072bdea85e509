/**
 * Snapshots do not hold the vcluster's phase: the Snapshot resource and the
 * vcluster's `Snapshotting` condition track the upload, one at a time per
 * vcluster, and status.current_operation stays for phase-holding operations.
 */
import { clone } from "@bufbuild/protobuf";
import { OperationVerb, VClusterSchema, type VCluster } from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import { newOperation, saveVCluster } from "../engine/records.js";
import { ConditionStatus, ConditionType, setCondition } from "../engine/status.js";
import { failedPrecondition } from "../errors.js";
import { projectOf } from "../names.js";
import type { StoredOperation } from "../store/store.js";

/** The unfinished SnapshotVCluster operation of a vcluster, if any. */
export function snapshotInFlight(ctx: CoreContext, vcluster: string): StoredOperation | undefined {
  return ctx.store
    .listUnfinishedOperations()
    .find((o) => o.operation.metadata?.verb === OperationVerb.SNAPSHOT && o.internal.vcluster === vcluster);
}

/** FAILED_PRECONDITION while another snapshot of the vcluster is in flight. */
export function assertNoSnapshotInFlight(ctx: CoreContext, vcluster: string): void {
  const other = snapshotInFlight(ctx, vcluster);
  if (other) {
    throw failedPrecondition(
      `cannot snapshot vcluster "${vcluster}": snapshot "${other.internal.snapshot}" (operation ${other.operation.name}) is in flight; one snapshot at a time per vcluster`,
    );
  }
}

/** Sets the Snapshotting condition: true while `snapshot` uploads, false once it ended. */
export function markSnapshotting(ctx: CoreContext, v: VCluster, snapshot: string, uploading: boolean, reason: string, message?: string): void {
  setCondition(
    v,
    ConditionType.Snapshotting,
    uploading ? ConditionStatus.TRUE : ConditionStatus.FALSE,
    reason,
    message ?? (uploading ? `snapshot ${snapshot} in progress` : `snapshot ${snapshot} ended`),
    ctx.clock.now(),
  );
}

/**
 * Creates the SnapshotVCluster operation: the vcluster keeps its phase and
 * current_operation; only its Snapshotting condition turns true.
 */
export function beginSnapshotOperation(ctx: CoreContext, current: VCluster, snapshot: string, requestId: string): StoredOperation {
  const op = newOperation(ctx, {
    verb: OperationVerb.SNAPSHOT,
    target: current.name,
    requestId,
    internal: { priorPhase: current.status?.phase ?? 0, vcluster: current.name, snapshot },
  });
  const next = clone(VClusterSchema, current);
  markSnapshotting(ctx, next, snapshot, true, "SnapshotStarted");
  saveVCluster(ctx, next, current);
  return op;
}

/**
 * DeleteVCluster while a snapshot of it uploads: FAILED_PRECONDITION unless
 * forced; a forced delete cancels the snapshot (it ends FAILED).
 */
export function cancelSnapshotForDelete(
  ctx: CoreContext,
  runner: { supersede(name: string, reason: string): void },
  vcluster: string,
  force: boolean,
): void {
  const op = snapshotInFlight(ctx, vcluster);
  if (!op) return;
  if (!force) {
    throw failedPrecondition(
      `cannot delete vcluster "${vcluster}": snapshot "${op.internal.snapshot}" (operation ${op.operation.name}) is in flight; wait for it, cancel it, or set force`,
    );
  }
  runner.supersede(op.operation.name, `cancelled by a forced delete of ${vcluster}`);
}

/** The container (non-durable) snapshots of a vcluster: they live in its volume and go with it. */
export function deleteContainerSnapshots(ctx: CoreContext, v: VCluster): void {
  for (const s of ctx.store.listSnapshots(projectOf(v.name))) {
    if (!s.durable && s.sourceVclusterUid === v.uid) ctx.store.deleteSnapshot(s.name);
  }
}
