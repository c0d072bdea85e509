/**
 * Every RPC of VClusterService with its happy path and its NOT_FOUND, the
 * status a vcluster reports along its life (create, scale, suspend, resume,
 * delete), and FailNextStep: a failed create and the three ways out of
 * FAILED (update, resume, delete).
 */
import { Code } from "@connectrpc/connect";
import {
  Condition_Status,
  OperationState,
  OperationVerb,
  VCluster_Phase as Phase,
  WatchVClustersResponse_EventType as EventType,
  type VCluster,
  type WatchVClustersResponse,
} from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HA_STORE, PARENT, expectCode, ms, phaseName, reset, seedSnapshot, seedVCluster, snapName, vcName } from "./phases.js";
import { TARGETS, createRunning, settle, type Target } from "./targets.js";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MISSING = vcName("missing");

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  const responseVCluster = async (opName: string): Promise<VCluster> => {
    const done = await settle(t, opName);
    if (done.result.case !== "response") throw new Error(`operation failed: ${done.result.value?.message}`);
    if (done.result.value.resource.case !== "vcluster") throw new Error("response is not a vcluster");
    return done.result.value.resource.value;
  };

  describe("CreateVCluster", () => {
    it("creates a RUNNING vcluster with its status filled in", async () => {
      const op = await t.vclusters.createVCluster({
        parent: PARENT,
        vclusterId: "dev",
        vcluster: {
          labels: { env: "dev" },
          annotations: { "example.com/owner": "team-a" },
          spec: { kubernetesVersion: "v1.34.6", controlPlane: { replicas: 3 }, backingStore: HA_STORE },
        },
      });
      expect(op.metadata?.verb).toBe(OperationVerb.CREATE);
      const v = await responseVCluster(op.name);
      expect(v.name).toBe(vcName("dev"));
      expect(v.uid).toMatch(UUID_RE);
      expect(v.displayName).toBe("dev");
      expect(v.labels).toEqual({ env: "dev" });
      expect(v.annotations).toEqual({ "example.com/owner": "team-a" });
      expect(v.spec?.controlPlane?.replicas).toBe(3);
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.readyReplicas).toBe(3);
      expect(v.status?.desiredReplicas).toBe(3);
      expect(v.status?.hostNamespace).not.toBe("");
      expect(v.status?.apiServerEndpoint).toMatch(/^https:\/\//);
      expect(v.status?.chartVersion).not.toBe("");
      expect(v.status?.kubernetesVersion).toMatch(/^v?1\.34\.6$/);
      expect(v.status?.currentOperation).toBe("");
      expect(v.generation).toBe(1n);
      expect(v.status?.observedGeneration).toBe(1n);
      expect(v.etag).not.toBe("");
      expect(v.createTime).toBeDefined();
      expect(v.deleteTime).toBeUndefined();
      // The stored vcluster is what the operation returned.
      const got = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(got.etag).toBe(v.etag);
      expect(got.uid).toBe(v.uid);
    });

    it("marks the vcluster as being created while it installs", async () => {
      await t.control.setLatency({ latency: { seconds: 3600n } });
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: { displayName: "Dev" } });
      const v = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(v.displayName).toBe("Dev");
      expect(["PENDING", "CREATING"]).toContain(phaseName(v.status!.phase));
      expect(v.status?.currentOperation).toBe(op.name);
    });

    it("ALREADY_EXISTS when the name is taken", async () => {
      await seedVCluster(t, "dev");
      const err = await expectCode(
        t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} }),
        Code.AlreadyExists,
      );
      expect(err.rawMessage).toContain(vcName("dev"));
    });

    it("never reuses a uid, even for the same name", async () => {
      const first = await createRunning(t, "dev");
      await settle(t, (await t.vclusters.deleteVCluster({ name: vcName("dev") })).name);
      const second = await createRunning(t, "dev");
      expect(second.uid).not.toBe(first.uid);
    });
  });

  describe("GetVCluster", () => {
    it("returns the vcluster", async () => {
      const seeded = await seedVCluster(t, "dev", Phase.SUSPENDED, { labels: { a: "b" } });
      const v = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(v.name).toBe(vcName("dev"));
      expect(v.uid).toBe(seeded.uid);
      expect(v.labels).toEqual({ a: "b" });
      expect(phaseName(v.status!.phase)).toBe("SUSPENDED");
    });

    it("NOT_FOUND naming the vcluster", async () => {
      const err = await expectCode(t.vclusters.getVCluster({ name: MISSING }), Code.NotFound);
      expect(err.rawMessage).toContain(MISSING);
    });

    it("NOT_FOUND for a vcluster of another project", async () => {
      await seedVCluster(t, "dev");
      await expectCode(t.vclusters.getVCluster({ name: vcName("dev", "other") }), Code.NotFound);
    });
  });

  describe("ListVClusters", () => {
    it("lists the project's vclusters by name, with a total and a filter", async () => {
      await t.control.seed({
        vclusters: [
          { name: vcName("b"), labels: { env: "prod" } },
          { name: vcName("a"), labels: { env: "dev" } },
          { name: vcName("c", "other") },
        ],
      });
      const all = await t.vclusters.listVClusters({ parent: PARENT });
      expect(all.vclusters.map((v) => v.name)).toEqual([vcName("a"), vcName("b")]);
      expect(all.totalSize).toBe(2);
      expect(all.nextPageToken).toBe("");
      const prod = await t.vclusters.listVClusters({ parent: PARENT, filter: 'labels.env = "prod"' });
      expect(prod.vclusters.map((v) => v.name)).toEqual([vcName("b")]);
      expect(prod.totalSize).toBe(1);
      const page = await t.vclusters.listVClusters({ parent: PARENT, pageSize: 1 });
      expect(page.vclusters.map((v) => v.name)).toEqual([vcName("a")]);
      const next = await t.vclusters.listVClusters({ parent: PARENT, pageSize: 1, pageToken: page.nextPageToken });
      expect(next.vclusters.map((v) => v.name)).toEqual([vcName("b")]);
    });

    it("is empty for a project without vclusters", async () => {
      await seedVCluster(t, "dev");
      const res = await t.vclusters.listVClusters({ parent: "projects/empty" });
      expect(res.vclusters).toHaveLength(0);
      expect(res.totalSize).toBe(0);
    });
  });

  describe("UpdateVCluster", () => {
    it("updates the masked fields", async () => {
      await seedVCluster(t, "dev");
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: vcName("dev"), displayName: "Development" },
        updateMask: { paths: ["display_name"] },
      });
      expect(op.metadata?.verb).toBe(OperationVerb.UPDATE);
      const v = await responseVCluster(op.name);
      expect(v.displayName).toBe("Development");
      expect((await t.vclusters.getVCluster({ name: vcName("dev") })).displayName).toBe("Development");
    });

    it("NOT_FOUND", async () => {
      await expectCode(
        t.vclusters.updateVCluster({ vcluster: { name: MISSING, labels: { a: "b" } }, updateMask: { paths: ["labels"] } }),
        Code.NotFound,
      );
    });
  });

  describe("DeleteVCluster", () => {
    it("deletes the vcluster: DELETING with a delete_time, then gone", async () => {
      await createRunning(t, "dev");
      // Ten minutes: held, but well within the delete's 15-minute deadline.
      await t.control.setLatency({ latency: { seconds: 600n } });
      const op = await t.vclusters.deleteVCluster({ name: vcName("dev") });
      expect(op.metadata?.verb).toBe(OperationVerb.DELETE);
      const deleting = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(phaseName(deleting.status!.phase)).toBe("DELETING");
      expect(deleting.deleteTime).toBeDefined();
      await t.control.advanceClock({ duration: { seconds: 601n } });
      const done = await settle(t, op.name);
      expect(done.result.case === "response" && done.result.value.resource.case).toBe("empty");
      await expectCode(t.vclusters.getVCluster({ name: vcName("dev") }), Code.NotFound);
      expect((await t.vclusters.listVClusters({ parent: PARENT })).vclusters).toHaveLength(0);
    });

    it("NOT_FOUND", async () => {
      await expectCode(t.vclusters.deleteVCluster({ name: MISSING }), Code.NotFound);
      await expectCode(t.vclusters.deleteVCluster({ name: MISSING, force: true }), Code.NotFound);
    });
  });

  describe("ScaleVCluster", () => {
    it("changes the replicas", async () => {
      const before = await seedVCluster(t, "dev");
      const op = await t.vclusters.scaleVCluster({ name: vcName("dev"), replicas: 3 });
      expect(op.metadata?.verb).toBe(OperationVerb.SCALE);
      const v = await responseVCluster(op.name);
      expect(v.spec?.controlPlane?.replicas).toBe(3);
      expect(v.status?.readyReplicas).toBe(3);
      expect(v.status?.desiredReplicas).toBe(3);
      expect(v.generation).toBe(before.generation + 1n);
      expect(v.status?.observedGeneration).toBe(v.generation);
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
    });

    it("changes resources and quota", async () => {
      await createRunning(t, "dev");
      const op = await t.vclusters.scaleVCluster({
        name: vcName("dev"),
        resources: { requests: { cpu: "500m", memory: "1Gi" } },
        resourceQuota: { enabled: true, hard: { pods: "20" } },
      });
      const v = await responseVCluster(op.name);
      expect(v.spec?.controlPlane?.resources?.requests?.cpu).toBe("500m");
      expect(v.spec?.controlPlane?.resources?.requests?.memory).toBe("1Gi");
      expect(v.spec?.policies?.resourceQuota?.hard).toEqual({ pods: "20" });
    });

    it("NOT_FOUND", async () => {
      await expectCode(t.vclusters.scaleVCluster({ name: MISSING, replicas: 2 }), Code.NotFound);
    });
  });

  describe("SuspendVCluster and ResumeVCluster", () => {
    it("suspend scales to zero and records suspend_time; resume brings the replicas back", async () => {
      await t.vclusters.createVCluster({
        parent: PARENT,
        vclusterId: "dev",
        vcluster: { spec: { controlPlane: { replicas: 2 }, backingStore: HA_STORE } },
      });
      await settle(t, (await t.operations.listOperations({ parent: PARENT })).operations[0]!.name);
      const suspend = await t.vclusters.suspendVCluster({ name: vcName("dev") });
      expect(suspend.metadata?.verb).toBe(OperationVerb.SUSPEND);
      const suspended = await responseVCluster(suspend.name);
      expect(phaseName(suspended.status!.phase)).toBe("SUSPENDED");
      expect(suspended.status?.readyReplicas).toBe(0);
      expect(suspended.status?.desiredReplicas).toBe(0);
      expect(suspended.status?.suspendTime).toBeDefined();
      expect(suspended.spec?.controlPlane?.replicas).toBe(2);

      const resume = await t.vclusters.resumeVCluster({ name: vcName("dev") });
      expect(resume.metadata?.verb).toBe(OperationVerb.RESUME);
      const resumed = await responseVCluster(resume.name);
      expect(phaseName(resumed.status!.phase)).toBe("RUNNING");
      expect(resumed.status?.readyReplicas).toBe(2);
      expect(resumed.status?.desiredReplicas).toBe(2);
      expect(resumed.status?.suspendTime).toBeUndefined();
    });

    it("NOT_FOUND", async () => {
      await expectCode(t.vclusters.suspendVCluster({ name: MISSING }), Code.NotFound);
      await expectCode(t.vclusters.resumeVCluster({ name: MISSING }), Code.NotFound);
    });
  });

  describe("SnapshotVCluster", () => {
    it("takes a snapshot", async () => {
      await createRunning(t, "dev");
      const op = await t.vclusters.snapshotVCluster({ name: vcName("dev"), snapshotId: "s1", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "s1" } } } });
      expect(op.metadata?.verb).toBe(OperationVerb.SNAPSHOT);
      const done = await settle(t, op.name);
      expect(done.result.case === "response" && done.result.value.resource.case).toBe("snapshot");
      expect((await t.snapshots.getSnapshot({ name: snapName("s1") })).sourceVcluster).toBe(vcName("dev"));
    });

    it("NOT_FOUND for a missing vcluster, and no snapshot is left behind", async () => {
      await expectCode(
        t.vclusters.snapshotVCluster({ name: MISSING, snapshotId: "s1", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "s1" } } } }),
        Code.NotFound,
      );
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s1") }), Code.NotFound);
    });
  });

  describe("RestoreVCluster", () => {
    it("restores in place", async () => {
      await seedVCluster(t, "dev");
      await seedSnapshot(t, "s1", undefined, vcName("dev"));
      const op = await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: vcName("dev") });
      expect(op.metadata?.verb).toBe(OperationVerb.RESTORE);
      expect(op.metadata?.target).toBe(vcName("dev"));
      const v = await responseVCluster(op.name);
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
    });

    it("NOT_FOUND for a missing snapshot", async () => {
      await seedVCluster(t, "dev");
      const err = await expectCode(
        t.vclusters.restoreVCluster({ snapshot: snapName("missing"), name: vcName("dev") }),
        Code.NotFound,
      );
      expect(err.rawMessage).toContain(snapName("missing"));
    });

    it("NOT_FOUND for a missing vcluster (in place)", async () => {
      await seedSnapshot(t, "s1");
      const err = await expectCode(
        t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: MISSING }),
        Code.NotFound,
      );
      expect(err.rawMessage).toContain(MISSING);
    });
  });

  describe("GetVClusterKubeconfig", () => {
    it("returns a kubeconfig", async () => {
      await createRunning(t, "dev");
      const k = await t.vclusters.generateVClusterKubeconfig({ name: vcName("dev") });
      expect(k.kubeconfig).toContain(k.server);
      expect(k.context).not.toBe("");
    });

    it("NOT_FOUND", async () => {
      await expectCode(t.vclusters.generateVClusterKubeconfig({ name: MISSING }), Code.NotFound);
    });
  });

  describe("WatchVClusters", () => {
    it("sends the current state, SYNCED, then changes as they happen", async () => {
      await seedVCluster(t, "a");
      const ac = new AbortController();
      const events: WatchVClustersResponse[] = [];
      const it = t.vclusters.watchVClusters({ parent: PARENT }, { signal: ac.signal })[Symbol.asyncIterator]();
      try {
        for (;;) {
          const { value } = await it.next();
          events.push(value);
          if (value.type === EventType.SYNCED) break;
        }
        expect(events.map((e) => [EventType[e.type], e.vcluster?.name ?? ""])).toEqual([
          ["ADDED", vcName("a")],
          ["SYNCED", ""],
        ]);
        await t.vclusters.updateVCluster({ vcluster: { name: vcName("a"), labels: { x: "y" } }, updateMask: { paths: ["labels"] } });
        const { value } = await it.next();
        expect(EventType[value.type]).toBe("MODIFIED");
        expect(value.vcluster?.labels).toEqual({ x: "y" });
        expect(value.version).not.toBe("");
      } finally {
        ac.abort();
      }
    });
  });

  describe("FailNextStep", () => {
    async function failedCreate(): Promise<string> {
      await t.control.failNextStep({ verb: OperationVerb.CREATE, message: "chart install timed out", code: Code.DeadlineExceeded });
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      return op.name;
    }

    it("the next create ends FAILED with the message and code given", async () => {
      const opName = await failedCreate();
      const done = await settle(t, opName);
      expect(done.done).toBe(true);
      expect(OperationState[done.metadata!.state]).toBe("FAILED");
      expect(done.result.case).toBe("error");
      if (done.result.case === "error") {
        expect(done.result.value.code).toBe(Code.DeadlineExceeded);
        expect(done.result.value.message).toContain("chart install timed out");
      }
      const v = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(phaseName(v.status!.phase)).toBe("FAILED");
      expect(v.status?.message).toContain("chart install timed out");
      expect(v.status?.currentOperation).toBe("");
    });

    it("fails only the next step: the create after it succeeds", async () => {
      await settle(t, await failedCreate());
      const second = await createRunning(t, "dev2");
      expect(phaseName(second.status!.phase)).toBe("RUNNING");
    });

    it("with a default code: INTERNAL", async () => {
      await t.control.failNextStep({ verb: OperationVerb.CREATE, message: "boom" });
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const done = await settle(t, op.name);
      expect(done.result.case === "error" && done.result.value.code).toBe(Code.Internal);
    });

    it("a failed vcluster is repaired by an update of its spec", async () => {
      await settle(t, await failedCreate());
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: vcName("dev"), spec: { controlPlane: { resources: { requests: { cpu: "500m" } } } } },
        updateMask: { paths: ["spec.control_plane.resources"] },
      });
      const v = await responseVCluster(op.name);
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.readyReplicas).toBe(1);
      expect(v.status?.message).not.toContain("chart install timed out");
    });

    it("a failed create is repaired by an update that re-applies the spec, not by a resume", async () => {
      await settle(t, await failedCreate());
      await expectCode(t.vclusters.resumeVCluster({ name: vcName("dev") }), Code.FailedPrecondition, /after a failed create/);
      const v = await responseVCluster(
        (await t.vclusters.updateVCluster({ vcluster: { name: vcName("dev"), spec: {} }, updateMask: { paths: ["spec"] } })).name,
      );
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.failedOperation).toBeUndefined();
    });

    it("a failed vcluster can be deleted", async () => {
      await settle(t, await failedCreate());
      const done = await settle(t, (await t.vclusters.deleteVCluster({ name: vcName("dev") })).name);
      expect(done.result.case).toBe("response");
      await expectCode(t.vclusters.getVCluster({ name: vcName("dev") }), Code.NotFound);
    });

    it("a failed suspend leaves the vcluster FAILED with the message", async () => {
      await createRunning(t, "dev");
      await t.control.failNextStep({ verb: OperationVerb.SUSPEND, target: vcName("dev"), message: "scale-down refused" });
      const done = await settle(t, (await t.vclusters.suspendVCluster({ name: vcName("dev") })).name);
      expect(done.result.case === "error" && done.result.value.message).toContain("scale-down refused");
      const v = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(phaseName(v.status!.phase)).toBe("FAILED");
      expect(v.status?.message).toContain("scale-down refused");
    });

    it("a failure aimed at another vcluster does not touch this one", async () => {
      await createRunning(t, "dev");
      await t.control.failNextStep({ verb: OperationVerb.SUSPEND, target: vcName("other"), message: "nope" });
      const done = await settle(t, (await t.vclusters.suspendVCluster({ name: vcName("dev") })).name);
      expect(done.result.case).toBe("response");
    });
  });

  it("conditions: one per type; Ready while RUNNING, Suspended while SUSPENDED", async () => {
    const cond = (v: VCluster, type: string) => {
      const found = v.status!.conditions.filter((c) => c.type === type);
      expect(found.length, `conditions of type ${type}`).toBeLessThanOrEqual(1);
      return found[0] ? Condition_Status[found[0].status] : undefined;
    };
    const running = await createRunning(t, "dev");
    const types = running.status!.conditions.map((c) => c.type);
    expect(new Set(types).size).toBe(types.length);
    expect(cond(running, "Ready")).toBe("TRUE");
    expect(cond(running, "Suspended")).not.toBe("TRUE");
    const suspended = await responseVCluster((await t.vclusters.suspendVCluster({ name: vcName("dev") })).name);
    expect(cond(suspended, "Ready")).not.toBe("TRUE");
    expect(cond(suspended, "Suspended")).toBe("TRUE");
    const again = suspended.status!.conditions.map((c) => c.type);
    expect(new Set(again).size).toBe(again.length);
  });

  it("times: create_time stays, update_time moves with each change", async () => {
    await t.control.freezeClock({ time: { seconds: 1_900_000_000n } });
    const created = await createRunning(t, "dev");
    expect(ms(created.createTime)).toBe(1_900_000_000_000);
    await t.control.advanceClock({ duration: { seconds: 10n } });
    const op = await t.vclusters.updateVCluster({ vcluster: { name: vcName("dev"), labels: { a: "b" } }, updateMask: { paths: ["labels"] } });
    const v = await responseVCluster(op.name);
    expect(ms(v.createTime)).toBe(1_900_000_000_000);
    expect(ms(v.updateTime)).toBe(1_900_000_010_000);
  });
});
