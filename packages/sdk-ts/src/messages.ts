/**
 * The messages and service descriptors of `openvcluster.v1`, full generation
 * (src/gen): descriptors with their buf.validate rules and operation_info
 * options, for validation, servers and reflection. `@open-vcluster/sdk` and
 * `/node` export these; messages-lite.ts is the same API for browsers.
 */
export * from "./gen/openvcluster/v1/common_pb.js";
export * from "./gen/openvcluster/v1/annotations_pb.js";
export * from "./gen/openvcluster/v1/vcluster_pb.js";
export * from "./gen/openvcluster/v1/snapshot_pb.js";
export * from "./gen/openvcluster/v1/operation_pb.js";
export * from "./gen/openvcluster/v1/vcluster_service_pb.js";
export * from "./gen/openvcluster/v1/snapshot_service_pb.js";
export * from "./gen/openvcluster/v1/operation_service_pb.js";
export * from "./gen/openvcluster/v1/project_pb.js";
export * from "./gen/openvcluster/v1/project_service_pb.js";
export * from "./gen/openvcluster/v1/host_cluster_pb.js";
