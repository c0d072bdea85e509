import { create, fromBinary, fromJson, toBinary, toJson, equals } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  CreateVClusterRequestSchema,
  VClusterService,
  VClusterSchema,
  SyncRule_Mode,
  VCluster_Phase,
} from "../src/index.js";
import { validate } from "../src/validate.js";

const vcluster = create(VClusterSchema, {
  name: "projects/demo/vclusters/dev",
  displayName: "Dev",
  labels: { env: "dev", "example.com/team": "platform" },
  spec: {
    kubernetesVersion: "1.33",
    controlPlane: { replicas: 3, resources: { requests: { cpu: "200m", memory: "256Mi" } } },
    persistence: { enabled: true, size: "10Gi" },
    backingStore: { store: { case: "embeddedEtcd", value: {} } },
    sync: { toHost: { ingresses: { mode: SyncRule_Mode.ENABLED } } },
  },
  status: { phase: VCluster_Phase.RUNNING, readyReplicas: 3, desiredReplicas: 3 },
  generation: 4n,
});

describe("generated TypeScript", () => {
  it("round-trips a VCluster through binary", () => {
    const back = fromBinary(VClusterSchema, toBinary(VClusterSchema, vcluster));
    expect(equals(VClusterSchema, back, vcluster)).toBe(true);
    expect(back.spec?.controlPlane?.replicas).toBe(3);
  });

  it("round-trips a VCluster through proto JSON with enum names and int64 strings", () => {
    const json = toJson(VClusterSchema, vcluster);
    expect(json).toMatchObject({ status: { phase: "PHASE_RUNNING" }, generation: "4" });
    expect(equals(VClusterSchema, fromJson(VClusterSchema, json), vcluster)).toBe(true);
  });

  it("describes every VClusterService RPC", () => {
    expect(Object.keys(VClusterService.method).sort()).toEqual(
      [
        "createVCluster", "deleteVCluster", "generateVClusterKubeconfig", "getServerConfig", "getVCluster",
        "getVClusterUsage", "listVClusters", "restoreVCluster", "resumeVCluster", "scaleVCluster",
        "snapshotVCluster", "suspendVCluster", "updateVCluster", "watchVClusters",
      ].sort(),
    );
    expect(VClusterService.method.getVCluster.idempotency).toBe(1); // NO_SIDE_EFFECTS
  });
});

describe("validate", () => {
  it("names the field path and rule of each violation", () => {
    const bad = create(CreateVClusterRequestSchema, {
      parent: "projects/demo",
      vclusterId: "Bad_ID",
      vcluster: { spec: { controlPlane: { replicas: 12 } } },
    });
    const violations = validate(CreateVClusterRequestSchema, bad);
    expect(violations.map((v) => [v.field, v.rule])).toEqual(
      expect.arrayContaining([
        ["vcluster_id", "string.pattern"],
        ["vcluster.spec.control_plane.replicas", "int32.gte_lte"],
      ]),
    );
  });

  it("accepts a minimal create request", () => {
    const ok = create(CreateVClusterRequestSchema, { parent: "projects/demo", vclusterId: "dev", vcluster: {} });
    expect(validate(CreateVClusterRequestSchema, ok)).toEqual([]);
  });
});
