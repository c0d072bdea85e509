/**
 * Etags (AIP-154): a stale etag makes a conditional mutation ABORTED and
 * leaves the resource alone; the current etag or none is accepted; the etag
 * changes on every change (labels, annotations, display name, spec, phase)
 * and only then.
 */
import { Code } from "@connectrpc/connect";
import { VCluster_Phase as Phase, type Operation } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectCode, hold, phaseName, release, reset, seedSnapshot, seedVCluster, snapName, vcName, PARENT } from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const NAME = vcName("dev");

/** A conditional mutation; `etag` undefined = sent without one. */
interface Conditional {
  rpc: string;
  phase: Phase;
  call: (t: Target, etag: string | undefined) => Promise<Operation>;
}

const CONDITIONAL: Conditional[] = [
  {
    rpc: "UpdateVCluster",
    phase: Phase.RUNNING,
    call: (t, etag) =>
      t.vclusters.updateVCluster({
        vcluster: { name: NAME, spec: { kubernetesVersion: "v1.34.6" }, ...(etag !== undefined ? { etag } : {}) },
        updateMask: { paths: ["spec.kubernetes_version"] },
      }),
  },
  { rpc: "DeleteVCluster", phase: Phase.RUNNING, call: (t, etag) => t.vclusters.deleteVCluster({ name: NAME, etag: etag ?? "" }) },
  { rpc: "ScaleVCluster", phase: Phase.RUNNING, call: (t, etag) => t.vclusters.scaleVCluster({ name: NAME, replicas: 2, etag: etag ?? "" }) },
  { rpc: "SuspendVCluster", phase: Phase.RUNNING, call: (t, etag) => t.vclusters.suspendVCluster({ name: NAME, etag: etag ?? "" }) },
  { rpc: "ResumeVCluster", phase: Phase.SUSPENDED, call: (t, etag) => t.vclusters.resumeVCluster({ name: NAME, etag: etag ?? "" }) },
  {
    rpc: "RestoreVCluster (in place)",
    phase: Phase.RUNNING,
    call: (t, etag) =>
      t.vclusters.restoreVCluster({ snapshot: snapName("base"), name: NAME, etag: etag ?? "" }),
  },
];

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  const etagOf = async (name = NAME) => (await t.vclusters.getVCluster({ name })).etag;
  const relabel = async (labels: Record<string, string>) => {
    const op = await t.vclusters.updateVCluster({ vcluster: { name: NAME, labels }, updateMask: { paths: ["labels"] } });
    expect(op.done).toBe(true);
  };

  describe.each(CONDITIONAL)("$rpc", ({ phase, call }) => {
    beforeEach(async () => {
      await seedVCluster(t, "dev", phase);
      await seedSnapshot(t, "base");
    });

    it("a stale etag: ABORTED, and nothing changes", async () => {
      const stale = await etagOf();
      await relabel({ touched: "yes" });
      const current = await etagOf();
      expect(current).not.toBe(stale);
      const err = await expectCode(call(t, stale), Code.Aborted);
      expect(err.rawMessage).toContain("etag");
      expect(await etagOf()).toBe(current);
      expect(phaseName((await t.vclusters.getVCluster({ name: NAME })).status!.phase)).toBe(phaseName(phase));
      // Only the label update: the refused call started nothing.
      expect((await t.operations.listOperations({ parent: PARENT })).operations).toHaveLength(1);
    });

    it("a made-up etag: ABORTED", async () => {
      await expectCode(call(t, "W/\"not-the-etag\""), Code.Aborted);
    });

    it("the current etag: accepted", async () => {
      await relabel({ touched: "yes" });
      const op = await call(t, await etagOf());
      expect((await settle(t, op.name)).result.case).toBe("response");
    });

    it("no etag: unconditional", async () => {
      await relabel({ touched: "yes" });
      const op = await call(t, undefined);
      expect((await settle(t, op.name)).result.case).toBe("response");
    });
  });

  describe("DeleteSnapshot", () => {
    it("a stale snapshot etag: ABORTED; the current one: accepted", async () => {
      await seedVCluster(t, "dev");
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "s1" } } } });
      const stale = (await t.snapshots.getSnapshot({ name: snapName("s1") })).etag;
      await release(t);
      await settle(t, op.name);
      const current = (await t.snapshots.getSnapshot({ name: snapName("s1") })).etag;
      expect(current).not.toBe(stale);
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("s1"), etag: stale }), Code.Aborted);
      expect((await t.snapshots.getSnapshot({ name: snapName("s1") })).etag).toBe(current);
      const del = await t.snapshots.deleteSnapshot({ name: snapName("s1"), etag: current });
      expect((await settle(t, del.name)).result.case).toBe("response");
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s1") }), Code.NotFound);
    });
  });

  describe("the etag changes on every change, and only then", () => {
    it("is stable while nothing changes", async () => {
      await seedVCluster(t, "dev");
      const a = await etagOf();
      await t.vclusters.generateVClusterKubeconfig({ name: NAME });
      await t.vclusters.listVClusters({ parent: PARENT });
      expect(a).not.toBe("");
      expect(await etagOf()).toBe(a);
    });

    it("changes with labels, annotations and display name", async () => {
      await seedVCluster(t, "dev");
      const seen = new Set([await etagOf()]);
      await relabel({ a: "1" });
      seen.add(await etagOf());
      await relabel({ a: "2" });
      seen.add(await etagOf());
      await t.vclusters.updateVCluster({ vcluster: { name: NAME, annotations: { note: "x" } }, updateMask: { paths: ["annotations"] } });
      seen.add(await etagOf());
      await t.vclusters.updateVCluster({ vcluster: { name: NAME, displayName: "Dev" }, updateMask: { paths: ["display_name"] } });
      seen.add(await etagOf());
      expect(seen.size).toBe(5);
    });

    it("changes with the spec and with each phase", async () => {
      await seedVCluster(t, "dev");
      const seen = [await etagOf()];
      await hold(t);
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, spec: { kubernetesVersion: "v1.34.6" } },
        updateMask: { paths: ["spec.kubernetes_version"] },
      });
      seen.push(await etagOf()); // UPDATING, new spec
      await release(t);
      await settle(t, op.name);
      seen.push(await etagOf()); // RUNNING
      await hold(t);
      const suspend = await t.vclusters.suspendVCluster({ name: NAME });
      seen.push(await etagOf()); // SUSPENDING
      await release(t);
      await settle(t, suspend.name);
      seen.push(await etagOf()); // SUSPENDED
      expect(new Set(seen).size).toBe(seen.length);
    });

    it("the operation's response carries the stored etag", async () => {
      await seedVCluster(t, "dev");
      const op = await t.vclusters.scaleVCluster({ name: NAME, replicas: 2 });
      const done = await settle(t, op.name);
      const v = done.result.case === "response" && done.result.value.resource.case === "vcluster" ? done.result.value.resource.value : undefined;
      expect(v?.etag).toBe(await etagOf());
    });
  });
});
