/**
 * Operation deadlines: every operation gets `metadata.deadline` = its create
 * time + the limit of its verb, and the runner stops a step still running
 * then (FAILED, DEADLINE_EXCEEDED), so nothing can hang forever. Installing
 * (create) and restoring move the most data and get 30 minutes; every other
 * verb 15. `CoreOptions.operationTimeoutsMs` overrides any of them.
 */
import { OperationVerb } from "@open-vcluster/sdk";
import type { CoreContext } from "./context.js";

const MINUTE = 60_000;

export const DEFAULT_OPERATION_TIMEOUTS_MS: Readonly<Record<OperationVerb, number>> = {
  [OperationVerb.UNSPECIFIED]: 15 * MINUTE,
  [OperationVerb.CREATE]: 30 * MINUTE,
  [OperationVerb.RESTORE]: 30 * MINUTE,
  [OperationVerb.UPDATE]: 15 * MINUTE,
  [OperationVerb.DELETE]: 15 * MINUTE,
  [OperationVerb.SCALE]: 15 * MINUTE,
  [OperationVerb.SUSPEND]: 15 * MINUTE,
  [OperationVerb.RESUME]: 15 * MINUTE,
  [OperationVerb.SNAPSHOT]: 15 * MINUTE,
  [OperationVerb.DELETE_SNAPSHOT]: 15 * MINUTE,
};

/** The time limit of an operation of `verb`, in milliseconds. */
export function operationTimeoutMs(ctx: CoreContext, verb: OperationVerb): number {
  return ctx.options.operationTimeoutsMs[verb] ?? DEFAULT_OPERATION_TIMEOUTS_MS[verb];
}
