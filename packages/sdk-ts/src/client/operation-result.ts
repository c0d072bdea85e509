/**
 * What an operation resolves to, as each RPC's `openvcluster.v1.operation_info`
 * option says: `openvcluster.v1.VCluster`, `openvcluster.v1.Snapshot` or
 * `google.protobuf.Empty` (undefined). The client runs on gen-lite, whose
 * descriptors carry no options, so the table below is what it reads.
 */
import type { DescMethod } from "@bufbuild/protobuf";
import type { Operation as OperationMessage } from "../gen-lite/openvcluster/v1/operation_pb.js";
import type { Snapshot } from "../gen-lite/openvcluster/v1/snapshot_pb.js";
import type { VCluster } from "../gen-lite/openvcluster/v1/vcluster_pb.js";

/** The TypeScript type of each `operation_info.response_type`. */
export interface OperationResponseTypes {
  "openvcluster.v1.VCluster": VCluster;
  "openvcluster.v1.Snapshot": Snapshot;
  "google.protobuf.Empty": undefined;
}

/**
 * The response_type of every long-running method, by the method's local name
 * (unique across the services). test/operation-result.test.ts checks it
 * against the operation_info options of the full descriptors (src/gen).
 */
export const LONG_RUNNING_METHODS = {
  createVCluster: "openvcluster.v1.VCluster",
  updateVCluster: "openvcluster.v1.VCluster",
  deleteVCluster: "google.protobuf.Empty",
  scaleVCluster: "openvcluster.v1.VCluster",
  suspendVCluster: "openvcluster.v1.VCluster",
  resumeVCluster: "openvcluster.v1.VCluster",
  snapshotVCluster: "openvcluster.v1.Snapshot",
  restoreVCluster: "openvcluster.v1.VCluster",
  deleteSnapshot: "google.protobuf.Empty",
} as const satisfies Record<string, keyof OperationResponseTypes>;

export type LongRunningMethods = typeof LONG_RUNNING_METHODS;

export type ResultOf<M extends keyof LongRunningMethods> = OperationResponseTypes[LongRunningMethods[M]];

/** The method's operation_info response_type, or undefined when it is not long-running. */
export function responseTypeOf(method: DescMethod): keyof OperationResponseTypes | undefined {
  const table: Record<string, keyof OperationResponseTypes> = LONG_RUNNING_METHODS;
  return Object.hasOwn(table, method.localName) ? table[method.localName] : undefined;
}

/**
 * The resource of a done, successful operation, checked against the expected
 * type when it is known; undefined for `google.protobuf.Empty`.
 */
export function responseOf(op: OperationMessage, responseType: keyof OperationResponseTypes | undefined): unknown {
  if (op.result.case !== "response") throw new Error(`operation ${op.name} has no response`);
  const resource = op.result.value.resource;
  if (responseType === "google.protobuf.Empty" || resource.case === "empty") return undefined;
  if (responseType === undefined) return resource.value;
  if (resource.case === undefined || resource.value.$typeName !== responseType) {
    throw new Error(`operation ${op.name} resolved to ${resource.value?.$typeName ?? "nothing"}, not ${responseType}`);
  }
  return resource.value;
}
