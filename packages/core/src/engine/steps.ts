/**
 * One step per operation verb: which driver call it makes, and how each
 * outcome (succeeded, failed, cancelled) leaves the vcluster or snapshot. This
 * table is the runtime half of the state machine in lifecycle/transitions.ts.
 */
import { clone, create } from "@bufbuild/protobuf";
import { EmptySchema, timestampFromDate } from "@bufbuild/protobuf/wkt";
import {
  FailedOperationSchema,
  OperationResponseSchema,
  OperationVerb,
  SnapshotSchema,
  Snapshot_Phase,
  VClusterSchema,
  VCluster_Phase as Phase,
  type OperationResponse,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import type { ObservedState, SnapshotOutcome, StepContext } from "../driver.js";
import { toOperationError } from "../errors.js";
import { phaseAfter, type Action } from "../lifecycle/transitions.js";
import type { StoredOperation } from "../store/store.js";
import type { CoreContext } from "./context.js";
import { removeVCluster, saveSnapshot, saveVCluster } from "./records.js";
import { ConditionStatus, ConditionType, setCondition } from "./status.js";
import { deleteContainerSnapshots, markSnapshotting } from "../snapshots/in-flight.js";

export type Outcome<R = unknown> =
  | { kind: "succeeded"; result: R }
  | { kind: "failed"; error: unknown }
  /** `observed`: where the driver says the host is once the step stopped; unset = unknown (FAILED). */
  | { kind: "cancelled"; message?: string; observed?: Phase };

/**
 * A step's driver call runs outside any transaction; its outcome is recorded
 * by `finish`, atomically, and only if the operation is still live (a forced
 * delete may have taken the vcluster over meanwhile).
 */
export interface Step<R = unknown> {
  /** Runs synchronously when the step starts (e.g. PENDING -> CREATING). */
  begin?(ctx: CoreContext, op: StoredOperation): void;
  /** The driver call. */
  run(ctx: CoreContext, op: StoredOperation, step: StepContext): Promise<R>;
  /** Records the outcome on the resource; returns the operation's response on success. */
  finish(ctx: CoreContext, op: StoredOperation, outcome: Outcome<R>): OperationResponse | undefined;
  /**
   * The operation was superseded (a forced delete took its vcluster over):
   * settle whatever else the step owns, never the vcluster itself.
   */
  abandon?(ctx: CoreContext, op: StoredOperation, reason: string): void;
}

function defineStep<R>(step: Step<R>): Step {
  return step as Step;
}

const vclusterResponse = (vcluster: VCluster) =>
  create(OperationResponseSchema, { resource: { case: "vcluster", value: vcluster } });
const snapshotResponse = (snapshot: Snapshot) =>
  create(OperationResponseSchema, { resource: { case: "snapshot", value: snapshot } });
const emptyResponse = () => create(OperationResponseSchema, { resource: { case: "empty", value: create(EmptySchema) } });

function target(ctx: CoreContext, op: StoredOperation): VCluster {
  const name = op.internal.vcluster ?? op.operation.metadata?.target ?? "";
  const vcluster = ctx.store.getVCluster(name);
  if (!vcluster) throw new Error(`vcluster ${name} disappeared during its operation`);
  return vcluster;
}

function snapshotOf(ctx: CoreContext, op: StoredOperation): Snapshot {
  const name = op.internal.snapshot ?? "";
  const snapshot = ctx.store.getSnapshot(name);
  if (!snapshot) throw new Error(`snapshot ${name} disappeared during its operation`);
  return snapshot;
}

/** Applies a change to the current vcluster and saves it (with a watch event). */
function changeVCluster(ctx: CoreContext, op: StoredOperation, change: (v: VCluster) => void): VCluster | undefined {
  const name = op.internal.vcluster ?? op.operation.metadata?.target ?? "";
  const current = ctx.store.getVCluster(name);
  if (!current) return undefined;
  const next = clone(VClusterSchema, current);
  change(next);
  return saveVCluster(ctx, next, current);
}

function applyObserved(v: VCluster, observed: ObservedState): void {
  const s = v.status;
  if (!s) return;
  if (observed.readyReplicas !== undefined) s.readyReplicas = observed.readyReplicas;
  if (observed.desiredReplicas !== undefined) s.desiredReplicas = observed.desiredReplicas;
  if (observed.apiServerEndpoint !== undefined) s.apiServerEndpoint = observed.apiServerEndpoint;
  if (observed.hostNamespace !== undefined) s.hostNamespace = observed.hostNamespace;
  if (observed.chartVersion !== undefined) s.chartVersion = observed.chartVersion;
  if (observed.kubernetesVersion !== undefined) s.kubernetesVersion = observed.kubernetesVersion;
}

/**
 * Ends the operation on its vcluster: the phase, the summary and the
 * conditions. `status.failed_operation` is `failed` in FAILED, and unset in
 * every other phase.
 */
function settle(ctx: CoreContext, v: VCluster, phase: Phase, message: string, reason: string, failed?: StoredOperation): void {
  const s = v.status;
  if (!s) return;
  const now = ctx.clock.now();
  s.phase = phase;
  s.message = message;
  s.currentOperation = "";
  s.failedOperation =
    phase === Phase.FAILED && failed
      ? create(FailedOperationSchema, { verb: failed.operation.metadata?.verb ?? OperationVerb.UNSPECIFIED, operation: failed.operation.name })
      : undefined;
  const ready = phase === Phase.RUNNING;
  setCondition(v, ConditionType.Ready, ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, reason, message, now);
  setCondition(v, ConditionType.Progressing, ConditionStatus.FALSE, reason, message, now);
  setCondition(
    v,
    ConditionType.Suspended,
    phase === Phase.SUSPENDED ? ConditionStatus.TRUE : ConditionStatus.FALSE,
    reason,
    message,
    now,
  );
}

/**
 * A failed step, or a cancelled one: the vcluster lands where the driver
 * says the host is after a cancel (never a guess from the prior phase), and
 * is FAILED (with `status.failed_operation`) when that is unknown.
 */
function failVCluster(ctx: CoreContext, op: StoredOperation, what: string, outcome: Outcome): void {
  if (outcome.kind === "succeeded") return;
  const failed = outcome.kind === "failed";
  const phase = outcome.kind === "cancelled" && outcome.observed !== undefined ? outcome.observed : Phase.FAILED;
  const text = failed
    ? `${what} failed: ${toOperationError(outcome.error).message}`
    : phase === Phase.FAILED
      ? `${what} cancelled; the state of the host is unknown`
      : `${what} cancelled; the host reports ${Phase[phase]}`;
  changeVCluster(ctx, op, (v) => settle(ctx, v, phase, text, failed ? "StepFailed" : "Cancelled", op));
}

/** Update, scale, suspend and resume: one driver call, then the phase the action ends in. */
function lifecycleStep(
  action: Action,
  call: (ctx: CoreContext, v: VCluster, step: StepContext) => Promise<ObservedState>,
  onSuccess: (ctx: CoreContext, v: VCluster) => void = () => {},
): Step {
  return defineStep<ObservedState>({
    run: (ctx, op, step) => call(ctx, target(ctx, op), step),
    finish: (ctx, op, outcome) => {
      if (outcome.kind === "succeeded") {
        const v = changeVCluster(ctx, op, (next) => {
          applyObserved(next, outcome.result);
          if (next.status) next.status.observedGeneration = next.generation;
          const message = outcome.result.message ?? `${action} succeeded`;
          settle(ctx, next, phaseAfter(action, op.internal.priorPhase), message, "Succeeded");
          onSuccess(ctx, next);
        });
        return vclusterResponse(v ?? target(ctx, op));
      }
      failVCluster(ctx, op, action, outcome);
      return undefined;
    },
  });
}

const create_ = defineStep<ObservedState>({
  begin: (ctx, op) =>
    changeVCluster(ctx, op, (v) => {
      if (v.status?.phase === Phase.PENDING) v.status.phase = Phase.CREATING;
    }),
  run: (ctx, op, step) => ctx.driver.install(target(ctx, op), step),
  finish: (ctx, op, outcome) => {
    if (outcome.kind === "succeeded") {
      const v = changeVCluster(ctx, op, (next) => {
        applyObserved(next, outcome.result);
        if (next.status) next.status.observedGeneration = next.generation;
        settle(ctx, next, Phase.RUNNING, outcome.result.message ?? "vcluster is running", "InstallSucceeded");
      });
      return vclusterResponse(v ?? target(ctx, op));
    }
    failVCluster(ctx, op, "create", outcome);
    return undefined;
  },
});

const delete_ = defineStep<void>({
  run: (ctx, op, step) => ctx.driver.uninstall(target(ctx, op), step),
  finish: (ctx, op, outcome) => {
    if (outcome.kind === "succeeded") {
      const last = ctx.store.getVCluster(op.operation.metadata?.target ?? "");
      if (last) {
        deleteContainerSnapshots(ctx, last);
        removeVCluster(ctx, last);
      }
      return emptyResponse();
    }
    failVCluster(ctx, op, "delete", outcome);
    return undefined;
  },
});

function changeSnapshot(ctx: CoreContext, op: StoredOperation, change: (s: Snapshot) => void): Snapshot | undefined {
  const current = ctx.store.getSnapshot(op.internal.snapshot ?? "");
  if (!current) return undefined;
  const next = clone(SnapshotSchema, current);
  change(next);
  return saveSnapshot(ctx, next);
}

const snapshot_ = defineStep<SnapshotOutcome>({
  abandon: (ctx, op, reason) => {
    const now = timestampFromDate(ctx.clock.now());
    changeSnapshot(ctx, op, (s) => {
      s.phase = Snapshot_Phase.FAILED;
      s.error = reason;
      s.completeTime = now;
    });
  },
  begin: (ctx, op) =>
    changeSnapshot(ctx, op, (s) => {
      s.phase = Snapshot_Phase.RUNNING;
    }),
  run: (ctx, op, step) => ctx.driver.snapshot(target(ctx, op), snapshotOf(ctx, op), step),
  finish: (ctx, op, outcome) => {
    const now = timestampFromDate(ctx.clock.now());
    if (outcome.kind === "succeeded") {
      const snapshot = changeSnapshot(ctx, op, (s) => {
        s.phase = Snapshot_Phase.SUCCEEDED;
        s.sizeBytes = outcome.result.sizeBytes;
        s.completeTime = now;
      });
      // The vcluster keeps whatever phase it has now: only the condition ends.
      changeVCluster(ctx, op, (v) => {
        if (v.status) v.status.lastSnapshot = op.internal.snapshot ?? "";
        markSnapshotting(ctx, v, op.internal.snapshot ?? "", false, "SnapshotSucceeded");
      });
      return snapshotResponse(snapshot ?? snapshotOf(ctx, op));
    }
    const text = outcome.kind === "failed" ? toOperationError(outcome.error).message : "snapshot cancelled";
    changeSnapshot(ctx, op, (s) => {
      s.phase = Snapshot_Phase.FAILED;
      s.error = text;
      s.completeTime = now;
    });
    // A failed snapshot does not fail the vcluster, nor change its phase.
    const reason = outcome.kind === "failed" ? "SnapshotFailed" : "Cancelled";
    changeVCluster(ctx, op, (v) =>
      markSnapshotting(ctx, v, op.internal.snapshot ?? "", false, reason, `snapshot ${op.internal.snapshot ?? ""} failed: ${text}`),
    );
    return undefined;
  },
});

const restore_ = defineStep<ObservedState>({
  run: (ctx, op, step) => ctx.driver.restore(target(ctx, op), snapshotOf(ctx, op), step),
  finish: (ctx, op, outcome) => {
    if (outcome.kind === "succeeded") {
      const after = op.internal.clone ? Phase.RUNNING : phaseAfter("restore", op.internal.priorPhase);
      const v = changeVCluster(ctx, op, (next) => {
        applyObserved(next, outcome.result);
        if (next.status) next.status.observedGeneration = next.generation;
        settle(ctx, next, after, `restored from ${op.internal.snapshot}`, "RestoreSucceeded");
      });
      return vclusterResponse(v ?? target(ctx, op));
    }
    failVCluster(ctx, op, "restore", outcome);
    return undefined;
  },
});

const deleteSnapshot_ = defineStep<void>({
  run: (ctx, op, step) => ctx.driver.deleteSnapshot(snapshotOf(ctx, op), step),
  finish: (ctx, op, outcome) => {
    if (outcome.kind === "succeeded") {
      ctx.store.deleteSnapshot(op.internal.snapshot ?? "");
      return emptyResponse();
    }
    changeSnapshot(ctx, op, (s) => {
      s.phase = op.internal.priorPhase as Snapshot_Phase;
      if (outcome.kind === "failed") s.error = `delete failed: ${toOperationError(outcome.error).message}`;
    });
    return undefined;
  },
});

const STEPS: Partial<Record<OperationVerb, Step>> = {
  [OperationVerb.CREATE]: create_,
  [OperationVerb.UPDATE]: lifecycleStep("update", (ctx, v, s) => ctx.driver.update(v, s)),
  [OperationVerb.SCALE]: lifecycleStep("scale", (ctx, v, s) => ctx.driver.scale(v, s)),
  [OperationVerb.SUSPEND]: lifecycleStep(
    "suspend",
    (ctx, v, s) => ctx.driver.suspend(v, s),
    (ctx, v) => {
      if (!v.status) return;
      v.status.suspendTime = timestampFromDate(ctx.clock.now());
      v.status.readyReplicas = 0;
      v.status.desiredReplicas = 0;
    },
  ),
  [OperationVerb.RESUME]: lifecycleStep(
    "resume",
    (ctx, v, s) => ctx.driver.resume(v, s),
    (_ctx, v) => {
      if (v.status) v.status.suspendTime = undefined;
    },
  ),
  [OperationVerb.SNAPSHOT]: snapshot_,
  [OperationVerb.RESTORE]: restore_,
  [OperationVerb.DELETE]: delete_,
  [OperationVerb.DELETE_SNAPSHOT]: deleteSnapshot_,
};

export function stepFor(op: StoredOperation): Step {
  const verb = op.operation.metadata?.verb ?? OperationVerb.UNSPECIFIED;
  // A clone is a CreateVCluster whose driver step is a restore into the new vcluster.
  if (verb === OperationVerb.CREATE && op.internal.clone) return restore_;
  const step = STEPS[verb];
  if (!step) throw new Error(`no step for operation verb ${OperationVerb[verb]}`);
  return step;
}
