/**
 * The vcluster lifecycle state machine, exactly as documented on
 * `VCluster.Phase` in proto/openvcluster/v1/vcluster.proto. Every mutating
 * RPC is an action; an action is legal only from some phases and moves the
 * vcluster into its transitional phase until the driver reports back.
 */
import { VCluster_Phase as Phase } from "@open-vcluster/sdk";
import type { FailedOperation } from "@open-vcluster/sdk";
import { failedPrecondition } from "../errors.js";
import { assertRepairAllowed, repairHint } from "./repairs.js";

export type Action = "update" | "scale" | "suspend" | "resume" | "snapshot" | "restore" | "delete" | "kubeconfig";

interface ActionRule {
  /** Phases from which the action may start. */
  from: readonly Phase[];
  /** The phase the vcluster is in while the action runs (none for reads). */
  during?: Phase;
}

/** Phases in which no operation is in flight. */
export const STABLE_PHASES: readonly Phase[] = [Phase.RUNNING, Phase.SUSPENDED, Phase.FAILED];

/** Phases in which an operation is in flight: only a forced delete may interrupt them. */
export const TRANSITIONAL_PHASES: readonly Phase[] = [
  Phase.PENDING,
  Phase.CREATING,
  Phase.UPDATING,
  Phase.SCALING,
  Phase.SUSPENDING,
  Phase.RESUMING,
  Phase.RESTORING,
];

export const RULES: Readonly<Record<Action, ActionRule>> = {
  update: { from: [Phase.RUNNING, Phase.SUSPENDED, Phase.FAILED], during: Phase.UPDATING },
  // While SUSPENDED, update and scale change the spec at once (no phase of their own).
  scale: { from: [Phase.RUNNING, Phase.SUSPENDED], during: Phase.SCALING },
  // From FAILED only as a repair: see repairs.ts, checked by assertActionAllowed.
  suspend: { from: [Phase.RUNNING, Phase.FAILED], during: Phase.SUSPENDING },
  resume: { from: [Phase.SUSPENDED, Phase.FAILED], during: Phase.RESUMING },
  // A snapshot keeps the vcluster's phase: the Snapshot resource and the
  // Snapshotting condition track the upload.
  snapshot: { from: [Phase.RUNNING, Phase.SUSPENDED] },
  restore: { from: [Phase.RUNNING, Phase.SUSPENDED, Phase.FAILED], during: Phase.RESTORING },
  delete: { from: [Phase.PENDING, Phase.RUNNING, Phase.SUSPENDED, Phase.FAILED], during: Phase.DELETING },
  kubeconfig: { from: [Phase.RUNNING, Phase.UPDATING, Phase.SCALING] },
};

/** `PHASE_RUNNING` → `RUNNING`, for messages and filters. */
export function phaseName(phase: Phase): string {
  return Phase[phase] ?? String(phase);
}

/** The phase a successful action ends in, given the phase it started from. */
export function phaseAfter(action: Action, prior: Phase): Phase {
  switch (action) {
    case "suspend":
      return Phase.SUSPENDED;
    case "update":
    case "restore":
      // An update or restore of a suspended vcluster leaves it suspended;
      // of a failed one, repairs it.
      return prior === Phase.SUSPENDED ? Phase.SUSPENDED : Phase.RUNNING;
    default:
      return Phase.RUNNING;
  }
}

/**
 * Throws FAILED_PRECONDITION unless `action` may start from `phase`. A forced
 * delete may start from any phase but DELETING. From FAILED, only the repairs
 * of `opts.failed` (status.failed_operation) are allowed (repairs.ts).
 */
export function assertActionAllowed(
  action: Action,
  name: string,
  phase: Phase,
  opts: { force?: boolean; failed?: FailedOperation | undefined } = {},
): void {
  const rule = RULES[action];
  if (rule.from.includes(phase)) {
    if (phase === Phase.FAILED) assertRepairAllowed(action, name, opts.failed);
    return;
  }
  if (action === "delete" && opts.force && phase !== Phase.DELETING) return;
  const allowed = rule.from.map(phaseName).join(", ");
  const hint =
    action === "delete" && TRANSITIONAL_PHASES.includes(phase)
      ? "; set force to cancel the operation in flight and delete anyway"
      : phase === Phase.DELETING
        ? "; it is being deleted"
        : phase === Phase.FAILED
          ? repairHint(opts.failed)
          : TRANSITIONAL_PHASES.includes(phase)
          ? "; wait for the operation in flight (status.current_operation) to finish"
          : "";
  throw failedPrecondition(
    `cannot ${action} vcluster "${name}" in phase ${phaseName(phase)}: ${action} is allowed only in ${allowed}${hint}`,
  );
}
