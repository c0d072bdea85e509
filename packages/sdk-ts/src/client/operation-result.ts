/**
 * What an operation resolves to, read from each RPC's
 * `openvcluster.v1.operation_info` option: `openvcluster.v1.VCluster`,
 * `openvcluster.v1.Snapshot` or `google.protobuf.Empty` (undefined).
 */
import { getOption, type DescMethod } from "@bufbuild/protobuf";
import { operation_info } from "../gen/openvcluster/v1/annotations_pb.js";
import type { Operation as OperationMessage } from "../gen/openvcluster/v1/operation_pb.js";
import type { Snapshot } from "../gen/openvcluster/v1/snapshot_pb.js";
import type { VCluster } from "../gen/openvcluster/v1/vcluster_pb.js";

/** The TypeScript type of each `operation_info.response_type`. */
export interface OperationResponseTypes {
  "openvcluster.v1.VCluster": VCluster;
  "openvcluster.v1.Snapshot": Snapshot;
  "google.protobuf.Empty": undefined;
}

/**
 * The response_type of every long-running method, for the types only (the
 * runtime reads the option; test/operation-result.test.ts checks the two agree).
 */
export interface LongRunningMethods {
  createVCluster: "openvcluster.v1.VCluster";
  updateVCluster: "openvcluster.v1.VCluster";
  deleteVCluster: "google.protobuf.Empty";
  scaleVCluster: "openvcluster.v1.VCluster";
  suspendVCluster: "openvcluster.v1.VCluster";
  resumeVCluster: "openvcluster.v1.VCluster";
  snapshotVCluster: "openvcluster.v1.Snapshot";
  restoreVCluster: "openvcluster.v1.VCluster";
  deleteSnapshot: "google.protobuf.Empty";
}

export type ResultOf<M extends keyof LongRunningMethods> = OperationResponseTypes[LongRunningMethods[M]];

/** The method's operation_info response_type, or undefined when it is not long-running. */
export function responseTypeOf(method: DescMethod): keyof OperationResponseTypes | undefined {
  if (!method.proto.options) return undefined;
  const info = getOption(method, operation_info);
  return info.responseType === "" ? undefined : (info.responseType as keyof OperationResponseTypes);
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
