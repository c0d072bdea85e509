/**
 * Request validation: a table of bad requests for every RPC of the three
 * services. Each must fail with INVALID_ARGUMENT whose message names the
 * field path (e.g. `vcluster.spec.control_plane.replicas`) and whose details
 * decode as `buf.validate.Violations` with that path (or, for a rule on a
 * whole message, that rule id).
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import { Exposure_Type, SyncRule_Mode, VCluster_Phase as Phase, type GenerateVClusterKubeconfigRequest_Endpoint, type VClusterSpecSchema } from "@open-vcluster/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ViolationsSchema, PARENT, expectCode, opName, snapName, vcName, violationPaths, violationRules } from "./phases.js";
import { TARGETS, type Target } from "./targets.js";

interface Case {
  rpc: string;
  what: string;
  call: (t: Target) => Promise<unknown>;
  /** The field path the message and a violation must name. */
  path?: string;
  /** For message-level rules: the rule id a violation must carry, and text the message must contain. */
  rule?: string;
  text?: string;
}

const NAME = vcName("dev");
const long = (n: number, c = "a") => c.repeat(n);
const manyLabels = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, "v"]));

/** CreateVCluster with `vcluster` (or the whole request) changed. */
const createWith = (vcluster: object, req: object = {}) => (t: Target) =>
  t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster, ...req });
/** Typed, so a value of the wrong shape (a bool for a SyncRule) fails to compile rather than to serialize. */
const spec = (s: MessageInitShape<typeof VClusterSpecSchema>) => createWith({ spec: s });

const CASES: Case[] = [
  // CreateVCluster: names and ids
  { rpc: "CreateVCluster", what: "empty parent", call: createWith({}, { parent: "" }), path: "parent" },
  { rpc: "CreateVCluster", what: "parent not projects/{project}", call: createWith({}, { parent: "orgs/p" }), path: "parent" },
  { rpc: "CreateVCluster", what: "upper-case project", call: createWith({}, { parent: "projects/Prod" }), path: "parent" },
  { rpc: "CreateVCluster", what: "empty vcluster_id", call: createWith({}, { vclusterId: "" }), path: "vcluster_id" },
  { rpc: "CreateVCluster", what: "upper-case vcluster_id", call: createWith({}, { vclusterId: "Dev" }), path: "vcluster_id" },
  { rpc: "CreateVCluster", what: "vcluster_id starting with a digit", call: createWith({}, { vclusterId: "1dev" }), path: "vcluster_id" },
  { rpc: "CreateVCluster", what: "vcluster_id ending with '-'", call: createWith({}, { vclusterId: "dev-" }), path: "vcluster_id" },
  { rpc: "CreateVCluster", what: "vcluster_id with '_'", call: createWith({}, { vclusterId: "my_dev" }), path: "vcluster_id" },
  { rpc: "CreateVCluster", what: "64-character vcluster_id", call: createWith({}, { vclusterId: long(64) }), path: "vcluster_id" },
  { rpc: "CreateVCluster", what: "no vcluster", call: (t) => t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev" }), path: "vcluster" },
  { rpc: "CreateVCluster", what: "request_id not a UUID", call: createWith({}, { requestId: "12345" }), path: "request_id" },
  // CreateVCluster: metadata
  { rpc: "CreateVCluster", what: "129-character display_name", call: createWith({ displayName: long(129) }), path: "vcluster.display_name" },
  { rpc: "CreateVCluster", what: "label key starting with '-'", call: createWith({ labels: { "-bad": "v" } }), path: "vcluster.labels" },
  { rpc: "CreateVCluster", what: "label key with two '/'", call: createWith({ labels: { "a/b/c": "v" } }), path: "vcluster.labels" },
  { rpc: "CreateVCluster", what: "label key prefix upper-case", call: createWith({ labels: { "Example.com/x": "v" } }), path: "vcluster.labels" },
  { rpc: "CreateVCluster", what: "label value of 64 characters", call: createWith({ labels: { k: long(64) } }), path: "vcluster.labels" },
  { rpc: "CreateVCluster", what: "label value with a space", call: createWith({ labels: { k: "a b" } }), path: "vcluster.labels" },
  { rpc: "CreateVCluster", what: "65 labels", call: createWith({ labels: manyLabels }), path: "vcluster.labels" },
  { rpc: "CreateVCluster", what: "annotation key with a space", call: createWith({ annotations: { "bad key": "v" } }), path: "vcluster.annotations" },
  // CreateVCluster: spec
  { rpc: "CreateVCluster", what: "replicas 0", call: spec({ controlPlane: { replicas: 0 } }), path: "vcluster.spec.control_plane.replicas" },
  { rpc: "CreateVCluster", what: "replicas 10", call: spec({ controlPlane: { replicas: 10 } }), path: "vcluster.spec.control_plane.replicas" },
  { rpc: "CreateVCluster", what: "replicas -1", call: spec({ controlPlane: { replicas: -1 } }), path: "vcluster.spec.control_plane.replicas" },
  {
    rpc: "CreateVCluster",
    what: "cpu request 'lots'",
    call: spec({ controlPlane: { resources: { requests: { cpu: "lots" } } } }),
    path: "vcluster.spec.control_plane.resources.requests.cpu",
  },
  {
    rpc: "CreateVCluster",
    what: "memory limit '1GB'",
    call: spec({ controlPlane: { resources: { limits: { memory: "1GB" } } } }),
    path: "vcluster.spec.control_plane.resources.limits.memory",
  },
  {
    rpc: "CreateVCluster",
    what: "negative ephemeral storage",
    call: spec({ controlPlane: { resources: { limits: { ephemeralStorage: "-1Gi" } } } }),
    path: "vcluster.spec.control_plane.resources.limits.ephemeral_storage",
  },
  { rpc: "CreateVCluster", what: "persistence size '5 Gi'", call: spec({ persistence: { size: "5 Gi" } }), path: "vcluster.spec.persistence.size" },
  { rpc: "CreateVCluster", what: "persistence size in milli", call: spec({ persistence: { size: "500m" } }), path: "vcluster.spec.persistence.size" },
  {
    rpc: "CreateVCluster",
    what: "storage class 'Fast_SSD'",
    call: spec({ persistence: { storageClass: "Fast_SSD" } }),
    path: "vcluster.spec.persistence.storage_class",
  },
  {
    rpc: "CreateVCluster",
    what: "service CIDR without a prefix length",
    call: spec({ networking: { serviceCidr: "10.96.0.0" } }),
    path: "vcluster.spec.networking.service_cidr",
  },
  {
    rpc: "CreateVCluster",
    what: "service CIDR /33",
    call: spec({ networking: { serviceCidr: "10.96.0.0/33" } }),
    path: "vcluster.spec.networking.service_cidr",
  },
  { rpc: "CreateVCluster", what: "pod CIDR 'not-a-cidr'", call: spec({ networking: { podCidr: "not-a-cidr" } }), path: "vcluster.spec.networking.pod_cidr" },
  {
    rpc: "CreateVCluster",
    what: "ingress exposure without a host",
    call: spec({ exposure: { type: Exposure_Type.INGRESS } }),
    rule: "exposure.ingress_host",
    text: "ingress_host",
  },
  {
    rpc: "CreateVCluster",
    what: "ingress host 'bad host!'",
    call: spec({ exposure: { type: Exposure_Type.INGRESS, ingressHost: "bad host!" } }),
    path: "vcluster.spec.exposure.ingress_host",
  },
  { rpc: "CreateVCluster", what: "undefined exposure type", call: spec({ exposure: { type: 99 as Exposure_Type } }), path: "vcluster.spec.exposure.type" },
  { rpc: "CreateVCluster", what: "kubernetes_version '2.0'", call: spec({ kubernetesVersion: "2.0" }), path: "vcluster.spec.kubernetes_version" },
  { rpc: "CreateVCluster", what: "kubernetes_version 'latest'", call: spec({ kubernetesVersion: "latest" }), path: "vcluster.spec.kubernetes_version" },
  { rpc: "CreateVCluster", what: "chart_version 'latest'", call: spec({ chartVersion: "latest" }), path: "vcluster.spec.chart_version" },
  {
    rpc: "CreateVCluster",
    what: "values_override over 256 KiB",
    call: spec({ valuesOverride: long(262_145, "x") }),
    path: "vcluster.spec.values_override",
  },
  { rpc: "CreateVCluster", what: "unknown to_host kind", call: spec({ sync: { toHost: { widgets: { mode: SyncRule_Mode.ENABLED } } } }), path: "vcluster.spec.sync.to_host" },
  { rpc: "CreateVCluster", what: "pods in from_host", call: spec({ sync: { fromHost: { pods: { mode: SyncRule_Mode.ENABLED } } } }), path: "vcluster.spec.sync.from_host" },
  {
    rpc: "CreateVCluster",
    what: "quota key 'Bad Key'",
    call: spec({ policies: { resourceQuota: { hard: { "Bad Key": "1" } } } }),
    path: "vcluster.spec.policies.resource_quota.hard",
  },
  {
    rpc: "CreateVCluster",
    what: "quota value 'lots'",
    call: spec({ policies: { resourceQuota: { hard: { pods: "lots" } } } }),
    path: "vcluster.spec.policies.resource_quota.hard",
  },
  {
    rpc: "CreateVCluster",
    what: "limit range min cpu 'x'",
    call: spec({ policies: { limitRange: { min: { cpu: "x" } } } }),
    path: "vcluster.spec.policies.limit_range.min.cpu",
  },

  // GetVCluster
  { rpc: "GetVCluster", what: "empty name", call: (t) => t.vclusters.getVCluster({ name: "" }), path: "name" },
  { rpc: "GetVCluster", what: "upper-case id", call: (t) => t.vclusters.getVCluster({ name: vcName("Dev") }), path: "name" },
  { rpc: "GetVCluster", what: "a snapshot name", call: (t) => t.vclusters.getVCluster({ name: snapName("dev") }), path: "name" },
  { rpc: "GetVCluster", what: "extra segment", call: (t) => t.vclusters.getVCluster({ name: `${NAME}/x` }), path: "name" },

  // ListVClusters
  { rpc: "ListVClusters", what: "empty parent", call: (t) => t.vclusters.listVClusters({ parent: "" }), path: "parent" },
  { rpc: "ListVClusters", what: "page_size -1", call: (t) => t.vclusters.listVClusters({ parent: PARENT, pageSize: -1 }), path: "page_size" },
  { rpc: "ListVClusters", what: "4097-character filter", call: (t) => t.vclusters.listVClusters({ parent: PARENT, filter: long(4097) }), path: "filter" },
  { rpc: "ListVClusters", what: "257-character order_by", call: (t) => t.vclusters.listVClusters({ parent: PARENT, orderBy: long(257) }), path: "order_by" },
  { rpc: "ListVClusters", what: "2049-character page_token", call: (t) => t.vclusters.listVClusters({ parent: PARENT, pageToken: long(2049) }), path: "page_token" },

  // UpdateVCluster
  {
    rpc: "UpdateVCluster",
    what: "no vcluster",
    call: (t) => t.vclusters.updateVCluster({ updateMask: { paths: ["labels"] } }),
    path: "vcluster",
  },
  {
    rpc: "UpdateVCluster",
    what: "no update_mask",
    call: (t) => t.vclusters.updateVCluster({ vcluster: { name: NAME } }),
    path: "update_mask",
  },
  {
    rpc: "UpdateVCluster",
    what: "bad vcluster.name",
    call: (t) => t.vclusters.updateVCluster({ vcluster: { name: "dev" }, updateMask: { paths: ["labels"] } }),
    rule: "update.name",
    text: "vcluster.name",
  },
  {
    rpc: "UpdateVCluster",
    what: "bad label key",
    call: (t) => t.vclusters.updateVCluster({ vcluster: { name: NAME, labels: { "-x": "y" } }, updateMask: { paths: ["labels"] } }),
    path: "vcluster.labels",
  },
  {
    rpc: "UpdateVCluster",
    what: "replicas 10",
    call: (t) =>
      t.vclusters.updateVCluster({
        vcluster: { name: NAME, spec: { controlPlane: { replicas: 10 } } },
        updateMask: { paths: ["spec.control_plane.replicas"] },
      }),
    path: "vcluster.spec.control_plane.replicas",
  },
  {
    rpc: "UpdateVCluster",
    what: "bad pod CIDR",
    call: (t) =>
      t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { networking: { podCidr: "10.0.0.0/40" } } }, updateMask: { paths: ["spec"] } }),
    path: "vcluster.spec.networking.pod_cidr",
  },
  {
    rpc: "UpdateVCluster",
    what: "request_id not a UUID",
    call: (t) => t.vclusters.updateVCluster({ vcluster: { name: NAME }, updateMask: { paths: ["labels"] }, requestId: "x" }),
    path: "request_id",
  },

  // DeleteVCluster
  { rpc: "DeleteVCluster", what: "empty name", call: (t) => t.vclusters.deleteVCluster({ name: "" }), path: "name" },
  { rpc: "DeleteVCluster", what: "bad name", call: (t) => t.vclusters.deleteVCluster({ name: "vclusters/dev" }), path: "name" },
  { rpc: "DeleteVCluster", what: "request_id not a UUID", call: (t) => t.vclusters.deleteVCluster({ name: NAME, requestId: "x" }), path: "request_id" },

  // ScaleVCluster
  {
    rpc: "ScaleVCluster",
    what: "nothing to scale",
    call: (t) => t.vclusters.scaleVCluster({ name: NAME }),
    rule: "scale.something",
    text: "replicas",
  },
  { rpc: "ScaleVCluster", what: "replicas 0", call: (t) => t.vclusters.scaleVCluster({ name: NAME, replicas: 0 }), path: "replicas" },
  { rpc: "ScaleVCluster", what: "replicas 10", call: (t) => t.vclusters.scaleVCluster({ name: NAME, replicas: 10 }), path: "replicas" },
  {
    rpc: "ScaleVCluster",
    what: "cpu '1 core'",
    call: (t) => t.vclusters.scaleVCluster({ name: NAME, resources: { requests: { cpu: "1 core" } } }),
    path: "resources.requests.cpu",
  },
  {
    rpc: "ScaleVCluster",
    what: "quota value 'many'",
    call: (t) => t.vclusters.scaleVCluster({ name: NAME, resourceQuota: { hard: { pods: "many" } } }),
    path: "resource_quota.hard",
  },
  { rpc: "ScaleVCluster", what: "bad name", call: (t) => t.vclusters.scaleVCluster({ name: "x", replicas: 2 }), path: "name" },

  // SuspendVCluster, ResumeVCluster
  { rpc: "SuspendVCluster", what: "bad name", call: (t) => t.vclusters.suspendVCluster({ name: "projects/p/vclusters/" }), path: "name" },
  { rpc: "SuspendVCluster", what: "request_id not a UUID", call: (t) => t.vclusters.suspendVCluster({ name: NAME, requestId: "x" }), path: "request_id" },
  { rpc: "ResumeVCluster", what: "bad name", call: (t) => t.vclusters.resumeVCluster({ name: "projects//vclusters/dev" }), path: "name" },
  { rpc: "ResumeVCluster", what: "request_id not a UUID", call: (t) => t.vclusters.resumeVCluster({ name: NAME, requestId: "x" }), path: "request_id" },

  // SnapshotVCluster
  {
    rpc: "SnapshotVCluster",
    what: "bad name",
    call: (t) => t.vclusters.snapshotVCluster({ name: snapName("dev"), storage: { kind: { case: "s3", value: { bucket: "bucket", key: "x" } } } }),
    path: "name",
  },
  {
    rpc: "SnapshotVCluster",
    what: "snapshot_id 'Nightly_1'",
    call: (t) => t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "Nightly_1", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "x" } } } }),
    path: "snapshot_id",
  },
  {
    rpc: "SnapshotVCluster",
    what: "64-character snapshot_id",
    call: (t) => t.vclusters.snapshotVCluster({ name: NAME, snapshotId: long(64), storage: { kind: { case: "s3", value: { bucket: "bucket", key: "x" } } } }),
    path: "snapshot_id",
  },
  { rpc: "SnapshotVCluster", what: "no storage", call: (t) => t.vclusters.snapshotVCluster({ name: NAME }), path: "storage" },
  {
    rpc: "SnapshotVCluster",
    what: "s3 storage without a key",
    call: (t) => t.vclusters.snapshotVCluster({ name: NAME, storage: { kind: { case: "s3", value: { bucket: "bucket", key: "" } } } }),
    path: "storage.s3.key",
  },
  {
    rpc: "SnapshotVCluster",
    what: "azure storage with a bad account",
    call: (t) =>
      t.vclusters.snapshotVCluster({ name: NAME, storage: { kind: { case: "azure", value: { account: "A!", container: "snaps", blob: "b" } } } }),
    path: "storage.azure.account",
  },
  {
    rpc: "SnapshotVCluster",
    what: "ttl of 59 s",
    call: (t) => t.vclusters.snapshotVCluster({ name: NAME, storage: { kind: { case: "s3", value: { bucket: "bucket", key: "x" } } }, ttl: { seconds: 59n } }),
    path: "ttl",
  },
  {
    rpc: "SnapshotVCluster",
    what: "ttl of 11 years",
    call: (t) => t.vclusters.snapshotVCluster({ name: NAME, storage: { kind: { case: "s3", value: { bucket: "bucket", key: "x" } } }, ttl: { seconds: 11n * 365n * 86_400n } }),
    path: "ttl",
  },
  {
    rpc: "SnapshotVCluster",
    what: "bad label key",
    call: (t) => t.vclusters.snapshotVCluster({ name: NAME, storage: { kind: { case: "s3", value: { bucket: "bucket", key: "x" } } }, labels: { "a b": "c" } }),
    path: "labels",
  },

  // RestoreVCluster
  {
    rpc: "RestoreVCluster",
    what: "empty snapshot",
    call: (t) => t.vclusters.restoreVCluster({ snapshot: "", name: NAME }),
    path: "snapshot",
  },
  {
    rpc: "RestoreVCluster",
    what: "a vcluster name as snapshot",
    call: (t) => t.vclusters.restoreVCluster({ snapshot: NAME, name: NAME }),
    path: "snapshot",
  },
  {
    rpc: "RestoreVCluster",
    what: "no name",
    call: (t) => t.vclusters.restoreVCluster({ snapshot: snapName("s1") }),
    path: "name",
  },
  {
    rpc: "RestoreVCluster",
    what: "bad name",
    call: (t) => t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: "dev" }),
    path: "name",
  },
  {
    rpc: "RestoreVCluster",
    what: "request_id not a UUID",
    call: (t) => t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: NAME, requestId: "x" }),
    path: "request_id",
  },
  {
    rpc: "CreateVCluster",
    what: "source_snapshot not a snapshot name",
    call: (t) => t.vclusters.createVCluster({ parent: PARENT, vclusterId: "copy", vcluster: {}, sourceSnapshot: NAME }),
    path: "source_snapshot",
  },

  // GetVClusterKubeconfig
  { rpc: "GenerateVClusterKubeconfig", what: "bad name", call: (t) => t.vclusters.generateVClusterKubeconfig({ name: "dev" }), path: "name" },
  {
    rpc: "GenerateVClusterKubeconfig",
    what: "token_ttl of 60 s",
    call: (t) => t.vclusters.generateVClusterKubeconfig({ name: NAME, tokenTtl: { seconds: 60n } }),
    path: "token_ttl",
  },
  {
    rpc: "GenerateVClusterKubeconfig",
    what: "token_ttl of 2 years",
    call: (t) => t.vclusters.generateVClusterKubeconfig({ name: NAME, tokenTtl: { seconds: 2n * 365n * 86_400n } }),
    path: "token_ttl",
  },
  {
    rpc: "GenerateVClusterKubeconfig",
    what: "admin with token_ttl",
    call: (t) => t.vclusters.generateVClusterKubeconfig({ name: NAME, admin: true, tokenTtl: { seconds: 3600n } }),
    rule: "kubeconfig.admin_ttl",
    text: "token_ttl",
  },
  { rpc: "GenerateVClusterKubeconfig", what: "undefined endpoint", call: (t) => t.vclusters.generateVClusterKubeconfig({ name: NAME, endpoint: 9 as GenerateVClusterKubeconfigRequest_Endpoint }), path: "endpoint" },

  // WatchVClusters (the error arrives on the stream)
  { rpc: "WatchVClusters", what: "bad parent", call: (t) => firstEvent(t, { parent: "p" }), path: "parent" },
  { rpc: "WatchVClusters", what: "4097-character filter", call: (t) => firstEvent(t, { parent: PARENT, filter: long(4097) }), path: "filter" },
  {
    rpc: "WatchVClusters",
    what: "65-character resume_version",
    call: (t) => firstEvent(t, { parent: PARENT, resumeVersion: "1".repeat(65) }),
    path: "resume_version",
  },

  // SnapshotService
  { rpc: "GetSnapshot", what: "bad name", call: (t) => t.snapshots.getSnapshot({ name: NAME }), path: "name" },
  { rpc: "GetSnapshot", what: "empty name", call: (t) => t.snapshots.getSnapshot({ name: "" }), path: "name" },
  { rpc: "ListSnapshots", what: "bad parent", call: (t) => t.snapshots.listSnapshots({ parent: "projects/" }), path: "parent" },
  { rpc: "ListSnapshots", what: "page_size -1", call: (t) => t.snapshots.listSnapshots({ parent: PARENT, pageSize: -1 }), path: "page_size" },
  { rpc: "DeleteSnapshot", what: "bad name", call: (t) => t.snapshots.deleteSnapshot({ name: "snapshots/x" }), path: "name" },
  {
    rpc: "DeleteSnapshot",
    what: "request_id not a UUID",
    call: (t) => t.snapshots.deleteSnapshot({ name: snapName("s1"), requestId: "x" }),
    path: "request_id",
  },

  // OperationService
  { rpc: "GetOperation", what: "empty operation id", call: (t) => t.operations.getOperation({ name: "projects/p/operations/" }), path: "name" },
  { rpc: "GetOperation", what: "upper-case operation id", call: (t) => t.operations.getOperation({ name: opName("OP") }), path: "name" },
  { rpc: "ListOperations", what: "bad parent", call: (t) => t.operations.listOperations({ parent: "" }), path: "parent" },
  { rpc: "ListOperations", what: "page_size -1", call: (t) => t.operations.listOperations({ parent: PARENT, pageSize: -1 }), path: "page_size" },
  { rpc: "WaitOperation", what: "bad name", call: (t) => t.operations.waitOperation({ name: NAME }), path: "name" },
  {
    rpc: "WaitOperation",
    what: "timeout over 10 minutes",
    call: (t) => t.operations.waitOperation({ name: opName("x"), timeout: { seconds: 601n } }),
    path: "timeout",
  },
  {
    rpc: "WaitOperation",
    what: "negative timeout",
    call: (t) => t.operations.waitOperation({ name: opName("x"), timeout: { seconds: -1n } }),
    path: "timeout",
  },
  { rpc: "CancelOperation", what: "bad name", call: (t) => t.operations.cancelOperation({ name: "operations/x" }), path: "name" },
];

async function firstEvent(t: Target, req: { parent: string; filter?: string; resumeVersion?: string }): Promise<unknown> {
  const ac = new AbortController();
  try {
    for await (const ev of t.vclusters.watchVClusters(req, { signal: ac.signal })) return ev;
    return undefined;
  } finally {
    ac.abort();
  }
}

const RPCS = [
  "CreateVCluster",
  "GetVCluster",
  "ListVClusters",
  "UpdateVCluster",
  "DeleteVCluster",
  "ScaleVCluster",
  "SuspendVCluster",
  "ResumeVCluster",
  "SnapshotVCluster",
  "RestoreVCluster",
  "GenerateVClusterKubeconfig",
  "WatchVClusters",
  "GetSnapshot",
  "ListSnapshots",
  "DeleteSnapshot",
  "GetOperation",
  "ListOperations",
  "WaitOperation",
  "CancelOperation",
];

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
    // Something to act on, so a request that slipped through validation would succeed, not fail for another reason.
    await t.control.seed({
      vclusters: [{ name: NAME, status: { phase: Phase.RUNNING } }],
      snapshots: [{ name: snapName("s1"), sourceVcluster: NAME }],
    });
  });
  afterAll(() => t.close());

  it("the table has a bad request for every RPC", () => {
    expect(new Set(CASES.map((c) => c.rpc))).toEqual(new Set(RPCS));
  });

  it.each(CASES)("$rpc: $what", async ({ call, path, rule, text }) => {
    const err = await expectCode(call(t), Code.InvalidArgument);
    expect(err.findDetails(ViolationsSchema).length, "details carry buf.validate.Violations").toBeGreaterThan(0);
    if (path) {
      expect(err.rawMessage).toContain(path);
      expect(violationPaths(err)).toContain(path);
    }
    if (rule) expect(violationRules(err)).toContain(rule);
    if (text) expect(err.rawMessage).toContain(text);
  });

  it("a bad request changes nothing", async () => {
    const before = await t.vclusters.getVCluster({ name: NAME });
    await expectCode(t.vclusters.scaleVCluster({ name: NAME, replicas: 10 }), Code.InvalidArgument);
    await expectCode(
      t.vclusters.updateVCluster({ vcluster: { name: NAME, labels: { "-x": "y" } }, updateMask: { paths: ["labels"] } }),
      Code.InvalidArgument,
    );
    expect((await t.vclusters.getVCluster({ name: NAME })).etag).toBe(before.etag);
    expect((await t.operations.listOperations({ parent: PARENT })).operations).toHaveLength(0);
  });
});
