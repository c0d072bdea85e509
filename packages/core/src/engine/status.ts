/**
 * Kubernetes-style conditions on VCluster.status: one per type, with the
 * transition time changing only when the status does.
 */
import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { ConditionSchema, Condition_Status, VClusterStatusSchema, type VCluster } from "@open-vcluster/sdk";

export const ConditionType = {
  Ready: "Ready",
  Progressing: "Progressing",
  Suspended: "Suspended",
  /** A snapshot upload is in progress (its message names the Snapshot); snapshots hold no phase. */
  Snapshotting: "Snapshotting",
} as const;

export function setCondition(
  vcluster: VCluster,
  type: string,
  status: Condition_Status,
  reason: string,
  message: string,
  now: Date,
): void {
  vcluster.status ??= create(VClusterStatusSchema);
  const conditions = vcluster.status.conditions;
  const existing = conditions.find((c) => c.type === type);
  const changed = !existing || existing.status !== status;
  const next = create(ConditionSchema, {
    type,
    status,
    reason,
    message,
    observedGeneration: vcluster.generation,
    lastTransitionTime: changed ? timestampFromDate(now) : existing.lastTransitionTime,
  });
  if (existing) conditions[conditions.indexOf(existing)] = next;
  else conditions.push(next);
}

export { Condition_Status as ConditionStatus };
