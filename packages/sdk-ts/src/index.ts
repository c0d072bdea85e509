/**
 * @open-vcluster/sdk — run vclusters like virtual machines.
 *
 * Messages and service descriptors are generated from the `openvcluster.v1`
 * proto (see src/gen, never edited by hand); use them with any Connect
 * transport:
 *
 * ```ts
 * import { createClient } from "@connectrpc/connect";
 * import { createConnectTransport } from "@connectrpc/connect-node";
 * import { VClusterService } from "@open-vcluster/sdk";
 *
 * const client = createClient(VClusterService, createConnectTransport({ baseUrl, httpVersion: "1.1" }));
 * const op = await client.createVCluster({ parent: "projects/demo", vclusterId: "dev", vcluster: {} });
 * ```
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
export { VERSION } from "./version.js";
