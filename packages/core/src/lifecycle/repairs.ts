/**
 * The repairs legal from FAILED, decided by what failed
 * (`status.failed_operation.verb`), exactly as the `VCluster.Phase` comment
 * in proto/openvcluster/v1/vcluster.proto says:
 *
 *     failed create, update, scale, restore -> UpdateVCluster (re-apply the spec) or RestoreVCluster
 *     failed suspend                        -> SuspendVCluster again or ResumeVCluster
 *     failed resume                         -> ResumeVCluster again
 *     failed delete                         -> only DeleteVCluster
 *
 * DeleteVCluster is legal from FAILED whatever failed. A FAILED vcluster
 * without a recorded failed operation (seeded so, or stored by an older
 * version) is treated as a failed update: the spec can be re-applied.
 */
import { OperationVerb, type FailedOperation } from "@open-vcluster/sdk";
import { failedPrecondition } from "../errors.js";
import type { Action } from "./transitions.js";

const SPEC_REPAIRS: readonly Action[] = ["update", "restore", "delete"];

export const REPAIRS: Readonly<Partial<Record<OperationVerb, readonly Action[]>>> = {
  [OperationVerb.CREATE]: SPEC_REPAIRS,
  [OperationVerb.UPDATE]: SPEC_REPAIRS,
  [OperationVerb.SCALE]: SPEC_REPAIRS,
  [OperationVerb.RESTORE]: SPEC_REPAIRS,
  [OperationVerb.SUSPEND]: ["suspend", "resume", "delete"],
  [OperationVerb.RESUME]: ["resume", "delete"],
  [OperationVerb.DELETE]: ["delete"],
};

/** `OPERATION_VERB_CREATE` -> `create`, for messages. */
export function verbName(verb: OperationVerb): string {
  return (OperationVerb[verb] ?? String(verb)).toLowerCase();
}

/** The actions legal on a FAILED vcluster whose `failed` operation failed. */
export function repairsFor(failed: FailedOperation | undefined): readonly Action[] {
  return REPAIRS[failed?.verb ?? OperationVerb.UPDATE] ?? SPEC_REPAIRS;
}

function failedWhat(failed: FailedOperation | undefined): string {
  return failed ? `a failed ${verbName(failed.verb)}${failed.operation ? ` (${failed.operation})` : ""}` : "a failure";
}

/** `; after a failed resume (...) the repairs allowed are resume, delete`, for refusals in FAILED. */
export function repairHint(failed: FailedOperation | undefined): string {
  return `; after ${failedWhat(failed)} the repairs allowed are ${repairsFor(failed).join(", ")}`;
}

/**
 * Throws FAILED_PRECONDITION, naming the failed verb and the allowed
 * repairs, unless `action` repairs a vcluster whose `failed` operation failed.
 */
export function assertRepairAllowed(action: Action, name: string, failed: FailedOperation | undefined): void {
  const allowed = repairsFor(failed);
  if (allowed.includes(action)) return;
  throw failedPrecondition(
    `cannot ${action} vcluster "${name}" in phase FAILED after ${failedWhat(failed)}: the repairs allowed are ${allowed.join(", ")}`,
  );
}
