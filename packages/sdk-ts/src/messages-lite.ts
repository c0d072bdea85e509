/**
 * The messages and service descriptors of `openvcluster.v1` without their
 * custom options (src/gen-lite), for `@open-vcluster/sdk/web`: the same names,
 * types and wire format as messages.ts at a fraction of the bundle size
 * (test/messages-lite.test.ts keeps the two alike). Validation
 * (`@open-vcluster/sdk/validate`) looks up the full descriptors itself.
 */
export * from "./gen-lite/openvcluster/v1/common_pb.js";
export * from "./gen-lite/openvcluster/v1/annotations_pb.js";
export * from "./gen-lite/openvcluster/v1/vcluster_pb.js";
export * from "./gen-lite/openvcluster/v1/snapshot_pb.js";
export * from "./gen-lite/openvcluster/v1/operation_pb.js";
export * from "./gen-lite/openvcluster/v1/vcluster_service_pb.js";
export * from "./gen-lite/openvcluster/v1/snapshot_service_pb.js";
export * from "./gen-lite/openvcluster/v1/operation_service_pb.js";
export * from "./gen-lite/openvcluster/v1/project_pb.js";
export * from "./gen-lite/openvcluster/v1/project_service_pb.js";
export * from "./gen-lite/openvcluster/v1/host_cluster_pb.js";
