/**
 * Project quotas: max_vclusters, max_control_plane_cpu and _memory, and
 * max_snapshots, on create, scale, update and snapshot; the
 * RESOURCE_EXHAUSTED message; a quota lowered below the usage blocks only
 * growth; validate_only checks quota too; Project.usage follows.
 */
import { Code } from "@connectrpc/connect";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { QuotaSchema, VClusterSpecSchema } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectCode, reset } from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const PROJECT = "projects/q";
const vc = (id: string) => `${PROJECT}/vclusters/${id}`;
const CONTAINER = { kind: { case: "container" as const, value: { path: "/data/snapshots/s.tar.gz" } } };

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start({ autoCreateProjects: false });
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  async function project(quota: MessageInitShape<typeof QuotaSchema>) {
    return t.projects.createProject({ projectId: "q", project: { quota } });
  }
  async function create(id: string, spec: MessageInitShape<typeof VClusterSpecSchema> = {}, validateOnly = false) {
    const op = await t.vclusters.createVCluster({ parent: PROJECT, vclusterId: id, vcluster: { spec }, validateOnly });
    if (validateOnly) return op;
    const done = await settle(t, op.name);
    if (done.result.case !== "response") throw new Error(`create ${id} failed`);
    return done;
  }

  it("max_vclusters: counts vclusters; the next create is RESOURCE_EXHAUSTED, also with validate_only", async () => {
    await project({ maxVclusters: 2 });
    await create("a");
    await create("b");
    const exceeded = /^quota max_vclusters of project "projects\/q" exceeded: 3 requested, limit 2$/;
    await expectCode(t.vclusters.createVCluster({ parent: PROJECT, vclusterId: "c", vcluster: {} }), Code.ResourceExhausted, exceeded);
    await expectCode(t.vclusters.createVCluster({ parent: PROJECT, vclusterId: "c", vcluster: {}, validateOnly: true }), Code.ResourceExhausted, exceeded);
    await expectCode(t.vclusters.getVCluster({ name: vc("c") }), Code.NotFound);
    // A vcluster being deleted no longer counts.
    await t.vclusters.deleteVCluster({ name: vc("a") });
    await create("c");
    const p = await t.projects.getProject({ name: PROJECT });
    expect(p.usage?.vclusters).toBe(2);
  });

  it("max_control_plane_cpu: replicas × requests.cpu (default 200m) on create and scale", async () => {
    await project({ maxControlPlaneCpu: "2" });
    await create("a", { controlPlane: { replicas: 3, resources: { requests: { cpu: "400m" } }, }, backingStore: { store: { case: "embeddedEtcd", value: {} } } });
    expect((await t.projects.getProject({ name: PROJECT })).usage?.controlPlaneCpu).toBe("1200m");
    await expectCode(
      t.vclusters.createVCluster({ parent: PROJECT, vclusterId: "b", vcluster: { spec: { controlPlane: { resources: { requests: { cpu: "1" } } } } } }),
      Code.ResourceExhausted,
      /^quota max_control_plane_cpu of project "projects\/q" exceeded: 2200m requested, limit 2$/,
    );
    await create("b", { controlPlane: { resources: { requests: { cpu: "0.8" } } } });
    expect((await t.projects.getProject({ name: PROJECT })).usage?.controlPlaneCpu).toBe("2");
    await expectCode(
      t.vclusters.scaleVCluster({ name: vc("a"), replicas: 4 }),
      Code.ResourceExhausted,
      /^quota max_control_plane_cpu of project "projects\/q" exceeded: 2400m requested, limit 2$/,
    );
    // Scaling down is growth in nothing: allowed.
    const down = await t.vclusters.scaleVCluster({ name: vc("a"), replicas: 2 });
    expect((await settle(t, down.name)).result.case).toBe("response");
    expect((await t.projects.getProject({ name: PROJECT })).usage?.controlPlaneCpu).toBe("1600m");
  });

  it("max_control_plane_memory: on create, scale of resources and update of the spec", async () => {
    await project({ maxControlPlaneMemory: "1Gi" });
    await create("a");
    await expectCode(
      t.vclusters.scaleVCluster({ name: vc("a"), resources: { requests: { memory: "2Gi" } } }),
      Code.ResourceExhausted,
      /^quota max_control_plane_memory of project "projects\/q" exceeded: 2Gi requested, limit 1Gi$/,
    );
    await expectCode(
      t.vclusters.updateVCluster({
        vcluster: { name: vc("a"), spec: { controlPlane: { resources: { requests: { memory: "1280Mi" } } } } },
        updateMask: { paths: ["spec.control_plane"] },
      }),
      Code.ResourceExhausted,
      /^quota max_control_plane_memory of project "projects\/q" exceeded: 1280Mi requested, limit 1Gi$/,
    );
    await expectCode(
      t.vclusters.updateVCluster({
        vcluster: { name: vc("a"), spec: { controlPlane: { resources: { requests: { memory: "1280Mi" } } } } },
        updateMask: { paths: ["spec.control_plane"] },
        validateOnly: true,
      }),
      Code.ResourceExhausted,
    );
    await create("b", { controlPlane: { resources: { requests: { memory: "768Mi" } } } });
    expect((await t.projects.getProject({ name: PROJECT })).usage?.controlPlaneMemory).toBe("1Gi");
    await expectCode(create("c", { controlPlane: { resources: { requests: { memory: "1" } } } }), Code.ResourceExhausted, /max_control_plane_memory/);
  });

  it("max_snapshots: on SnapshotVCluster", async () => {
    await project({ maxSnapshots: 1, maxVclusters: 1 });
    await create("a");
    const s1 = await t.vclusters.snapshotVCluster({ name: vc("a"), snapshotId: "s1", storage: CONTAINER });
    await settle(t, s1.name);
    await expectCode(
      t.vclusters.snapshotVCluster({ name: vc("a"), snapshotId: "s2", storage: CONTAINER }),
      Code.ResourceExhausted,
      /^quota max_snapshots of project "projects\/q" exceeded: 2 requested, limit 1$/,
    );
    await expectCode(t.snapshots.getSnapshot({ name: `${PROJECT}/snapshots/s2` }), Code.NotFound);
    expect((await t.projects.getProject({ name: PROJECT })).usage?.snapshots).toBe(1);
  });

  it("a quota lowered below the usage is accepted and blocks only growth", async () => {
    const p = await project({});
    await create("a", { controlPlane: { replicas: 3 }, backingStore: { store: { case: "embeddedEtcd", value: {} } } });
    await create("b", { backingStore: { store: { case: "embeddedEtcd", value: {} } } });
    const lowered = await t.projects.updateProject({ project: { name: PROJECT, quota: { maxVclusters: 1, maxControlPlaneCpu: "500m" } }, updateMask: { paths: ["quota"] } });
    expect(lowered.etag).not.toBe(p.etag);
    expect(lowered.usage).toMatchObject({ vclusters: 2, controlPlaneCpu: "800m" });
    await expectCode(create("c"), Code.ResourceExhausted, /max_vclusters/);
    await expectCode(t.vclusters.scaleVCluster({ name: vc("b"), replicas: 2 }), Code.ResourceExhausted, /exceeded: 1 requested, limit 500m/);
    // Shrinking while still over the limit is fine, and so is a change that leaves usage as it is.
    const down = await t.vclusters.scaleVCluster({ name: vc("a"), replicas: 2 });
    expect((await settle(t, down.name)).result.case).toBe("response");
    const labels = await t.vclusters.updateVCluster({ vcluster: { name: vc("b"), labels: { x: "y" } }, updateMask: { paths: ["labels"] } });
    expect((await settle(t, labels.name)).result.case).toBe("response");
  });
});
