/**
 * UpdateVCluster and its update_mask (AIP-134): metadata-only masks are done
 * at once, spec masks bump the generation and go through UPDATING, `*`
 * replaces every updatable field, output-only and unknown paths are
 * INVALID_ARGUMENT naming update_mask; and validate_only (create and update)
 * stores nothing.
 */
import { Code } from "@connectrpc/connect";
import { OperationState, VCluster_Phase as Phase, type Operation, type VCluster } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HA_STORE, PARENT, expectCode, hold, phaseName, release, reset, seedVCluster, vcName } from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const NAME = vcName("dev");

function responseOf(op: Operation): VCluster {
  if (op.result.case !== "response" || op.result.value.resource.case !== "vcluster") {
    throw new Error(`no vcluster in the operation: ${op.result.case === "error" ? op.result.value.message : "not done"}`);
  }
  return op.result.value.resource.value;
}

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  const get = () => t.vclusters.getVCluster({ name: NAME });
  const opCount = async () => (await t.operations.listOperations({ parent: PARENT })).operations.length;

  describe("metadata-only masks: done at once, phase and generation unchanged", () => {
    const PHASES = [Phase.RUNNING, Phase.SUSPENDED].map((p) => ({ p, phase: phaseName(p) }));

    it.each(PHASES)("labels, in $phase", async ({ p }) => {
      const seeded = await seedVCluster(t, "dev", p, { labels: { a: "1", b: "2" } });
      await hold(t); // a driver step would not finish: done=true proves there is none
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, labels: { c: "3" } },
        updateMask: { paths: ["labels"] },
      });
      expect(op.done).toBe(true);
      expect(OperationState[op.metadata!.state]).toBe("SUCCEEDED");
      expect(responseOf(op).labels).toEqual({ c: "3" });
      const v = await get();
      // Maps are replaced whole.
      expect(v.labels).toEqual({ c: "3" });
      expect(phaseName(v.status!.phase)).toBe(phaseName(p));
      expect(v.generation).toBe(seeded.generation);
      expect(v.status?.observedGeneration).toBe(seeded.status?.observedGeneration);
      expect(v.spec).toEqual(seeded.spec);
    });

    it("display_name and annotations", async () => {
      const seeded = await seedVCluster(t, "dev");
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, displayName: "Dev", annotations: { note: "hi" }, labels: { ignored: "yes" } },
        updateMask: { paths: ["display_name", "annotations"] },
      });
      expect(op.done).toBe(true);
      const v = await get();
      expect(v.displayName).toBe("Dev");
      expect(v.annotations).toEqual({ note: "hi" });
      // Not in the mask: not changed.
      expect(v.labels).toEqual({});
      expect(v.generation).toBe(seeded.generation);
    });

    it("a spec path set to its current value changes nothing", async () => {
      const seeded = await seedVCluster(t, "dev");
      await hold(t);
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, spec: { kubernetesVersion: seeded.spec!.kubernetesVersion! } },
        updateMask: { paths: ["spec.kubernetes_version"] },
      });
      expect(op.done).toBe(true);
      const v = await get();
      expect(v.generation).toBe(seeded.generation);
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
    });
  });

  describe("spec masks", () => {
    it("bump the generation, go UPDATING, then RUNNING with observed_generation caught up", async () => {
      const seeded = await seedVCluster(t, "dev", Phase.RUNNING, {
        spec: { kubernetesVersion: "v1.33.4", controlPlane: { replicas: 1 }, backingStore: HA_STORE },
      });
      await hold(t);
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, spec: { controlPlane: { replicas: 3 } } },
        updateMask: { paths: ["spec.control_plane.replicas"] },
      });
      expect(op.done).toBe(false);
      const during = await get();
      expect(phaseName(during.status!.phase)).toBe("UPDATING");
      expect(during.generation).toBe(seeded.generation + 1n);
      expect(during.status!.observedGeneration).toBeLessThan(during.generation);
      expect(during.spec?.controlPlane?.replicas).toBe(3);
      // Only the masked path changed.
      expect(during.spec?.kubernetesVersion).toBe("v1.33.4");
      await release(t);
      const done = await settle(t, op.name);
      const v = responseOf(done);
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.generation).toBe(seeded.generation + 1n);
      expect(v.status?.observedGeneration).toBe(v.generation);
      expect(v.status?.readyReplicas).toBe(3);
    });

    it("a masked field the request leaves unset is cleared", async () => {
      // Cleared, the version is the chart's default (v1.36.0): one minor up from v1.35.3, a legal upgrade.
      await seedVCluster(t, "dev", Phase.RUNNING, { spec: { kubernetesVersion: "v1.35.3", chartVersion: "0.36.1", backingStore: HA_STORE } });
      const op = await t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: {} }, updateMask: { paths: ["spec.kubernetes_version"] } });
      expect((await settle(t, op.name)).result.case).toBe("response");
      const v = await get();
      expect(v.spec?.kubernetesVersion).toBeUndefined();
      expect(v.spec?.chartVersion).toBe("0.36.1");
    });

    it("`spec` replaces the whole spec", async () => {
      // Immutable fields (persistence, backing_store, ...) must come back equal.
      await seedVCluster(t, "dev", Phase.RUNNING, {
        spec: { kubernetesVersion: "v1.35.3", chartVersion: "0.36.1", persistence: { size: "20Gi" }, backingStore: HA_STORE },
      });
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, spec: { persistence: { size: "20Gi" }, backingStore: HA_STORE, controlPlane: { replicas: 2 } } },
        updateMask: { paths: ["spec"] },
      });
      expect((await settle(t, op.name)).result.case).toBe("response");
      const v = await get();
      expect(v.spec?.persistence?.size).toBe("20Gi");
      expect(v.spec?.controlPlane?.replicas).toBe(2);
      expect(v.spec?.kubernetesVersion).toBeUndefined();
      expect(v.spec?.chartVersion).toBeUndefined();
    });

    it("each successive spec update bumps the generation by one", async () => {
      const seeded = await seedVCluster(t, "dev");
      for (const [i, version] of ["1.34", "1.35"].entries()) {
        const op = await t.vclusters.updateVCluster({
          vcluster: { name: NAME, spec: { kubernetesVersion: version } },
          updateMask: { paths: ["spec.kubernetes_version"] },
        });
        const v = responseOf(await settle(t, op.name));
        expect(v.generation).toBe(seeded.generation + BigInt(i + 1));
        expect(v.status?.kubernetesVersion).toMatch(new RegExp(`^v?${version.replace(".", "\\.")}\\.`));
      }
    });
  });

  it("`*` replaces every updatable field", async () => {
    const seeded = await seedVCluster(t, "dev", Phase.RUNNING, {
      labels: { old: "x" },
      spec: { kubernetesVersion: "v1.35.3", backingStore: HA_STORE },
    });
    // `*` replaces the whole spec too: the immutable backing store comes back equal.
    const op = await t.vclusters.updateVCluster({
      vcluster: { name: NAME, displayName: "New", annotations: { a: "b" }, spec: { chartVersion: "0.36.1", backingStore: HA_STORE } },
      updateMask: { paths: ["*"] },
    });
    const v = responseOf(await settle(t, op.name));
    expect(v.displayName).toBe("New");
    expect(v.labels).toEqual({});
    expect(v.annotations).toEqual({ a: "b" });
    expect(v.spec?.chartVersion).toBe("0.36.1");
    expect(v.spec?.kubernetesVersion).toBeUndefined();
    // Identity and output-only fields are not "updatable": kept.
    expect(v.name).toBe(NAME);
    expect(v.uid).toBe(seeded.uid);
    expect(v.generation).toBe(seeded.generation + 1n);
  });

  describe("paths that cannot be updated: INVALID_ARGUMENT naming update_mask", () => {
    const OUTPUT_ONLY = ["status", "status.phase", "uid", "name", "etag", "generation", "create_time", "update_time", "delete_time"];
    const UNKNOWN = ["nope", "spec.nope", "spec.control_plane.nope", "labels.env.x", "display_name.x", ""];
    const CASES = [
      ...OUTPUT_ONLY.map((path) => ({ path, kind: "output only" })),
      ...UNKNOWN.map((path) => ({ path, kind: "unknown" })),
    ];

    it.each(CASES)("$kind path $path", async ({ path }) => {
      const seeded = await seedVCluster(t, "dev");
      const err = await expectCode(
        t.vclusters.updateVCluster({
          vcluster: { name: NAME, uid: "00000000-0000-0000-0000-000000000000", status: { phase: Phase.FAILED }, labels: { x: "y" } },
          updateMask: { paths: ["labels", path] },
        }),
        Code.InvalidArgument,
      );
      expect(err.rawMessage).toContain("update_mask");
      const v = await get();
      expect(v.etag).toBe(seeded.etag);
      expect(v.labels).toEqual({});
      expect(await opCount()).toBe(0);
    });

    // AIP-134: without a mask (an empty one counts as none) the fields set in the request change;
    // a request that sets nothing has nothing to update.
    it("an empty mask, and nothing set", async () => {
      const seeded = await seedVCluster(t, "dev");
      const err = await expectCode(t.vclusters.updateVCluster({ vcluster: { name: NAME }, updateMask: { paths: [] } }), Code.InvalidArgument);
      expect(err.rawMessage).toContain("update_mask");
      expect((await get()).etag).toBe(seeded.etag);
    });

    it("no mask at all, and nothing set", async () => {
      const seeded = await seedVCluster(t, "dev");
      const err = await expectCode(t.vclusters.updateVCluster({ vcluster: { name: NAME } }), Code.InvalidArgument);
      expect(err.rawMessage).toContain("update_mask");
      expect((await get()).etag).toBe(seeded.etag);
    });

    it.each([
      { what: "an empty mask", updateMask: { paths: [] } },
      { what: "no mask", updateMask: undefined },
    ])("$what, with labels set: the labels change, nothing else", async ({ updateMask }) => {
      const seeded = await seedVCluster(t, "dev", Phase.RUNNING, { labels: { a: "1" } });
      const op = await t.vclusters.updateVCluster({ vcluster: { name: NAME, labels: { x: "y" } }, updateMask });
      expect(op.done).toBe(true);
      const v = await get();
      expect(v.labels).toEqual({ x: "y" });
      expect(v.spec).toEqual(seeded.spec);
      expect(v.generation).toBe(seeded.generation);
    });
  });

  describe("validate_only stores nothing", () => {
    it("create: returns a done operation with the vcluster as it would be", async () => {
      const op = await t.vclusters.createVCluster({
        parent: PARENT,
        vclusterId: "dev",
        vcluster: { labels: { env: "dev" }, spec: { controlPlane: { replicas: 2 }, backingStore: HA_STORE } },
        validateOnly: true,
      });
      expect(op.done).toBe(true);
      const v = responseOf(op);
      expect(v.name).toBe(NAME);
      expect(v.labels).toEqual({ env: "dev" });
      expect(v.spec?.controlPlane?.replicas).toBe(2);
      await expectCode(get(), Code.NotFound);
      expect((await t.vclusters.listVClusters({ parent: PARENT })).vclusters).toHaveLength(0);
      expect(await opCount()).toBe(0);
      // The name is still free.
      const real = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      expect((await settle(t, real.name)).result.case).toBe("response");
    });

    it("create: still reports what the real request would fail with", async () => {
      await expectCode(
        t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: { spec: { controlPlane: { replicas: 0 } } }, validateOnly: true }),
        Code.InvalidArgument,
      );
      await seedVCluster(t, "dev");
      await expectCode(t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {}, validateOnly: true }), Code.AlreadyExists);
    });

    it("update: returns the vcluster as it would be; the stored one is unchanged", async () => {
      const seeded = await seedVCluster(t, "dev", Phase.RUNNING, { labels: { a: "1" } });
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, labels: { b: "2" }, spec: { kubernetesVersion: "1.34" } },
        updateMask: { paths: ["labels", "spec.kubernetes_version"] },
        validateOnly: true,
      });
      expect(op.done).toBe(true);
      const preview = responseOf(op);
      expect(preview.labels).toEqual({ b: "2" });
      // Stored normalized: the newest listed patch of 1.34.
      expect(preview.spec?.kubernetesVersion).toBe("v1.34.6");
      const v = await get();
      expect(v.etag).toBe(seeded.etag);
      expect(v.labels).toEqual({ a: "1" });
      expect(v.spec?.kubernetesVersion).toBe(seeded.spec?.kubernetesVersion);
      expect(v.generation).toBe(seeded.generation);
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(await opCount()).toBe(0);
    });

    it("update: still reports a bad mask, a stale etag and an illegal phase", async () => {
      const seeded = await seedVCluster(t, "dev");
      await expectCode(
        t.vclusters.updateVCluster({ vcluster: { name: NAME }, updateMask: { paths: ["uid"] }, validateOnly: true }),
        Code.InvalidArgument,
      );
      await t.vclusters.updateVCluster({ vcluster: { name: NAME, labels: { x: "y" } }, updateMask: { paths: ["labels"] } });
      await expectCode(
        t.vclusters.updateVCluster({
          vcluster: { name: NAME, etag: seeded.etag, labels: {} },
          updateMask: { paths: ["labels"] },
          validateOnly: true,
        }),
        Code.Aborted,
      );
      await seedVCluster(t, "busy", Phase.SUSPENDING);
      await expectCode(
        t.vclusters.updateVCluster({
          vcluster: { name: vcName("busy"), spec: { kubernetesVersion: "1.34" } },
          updateMask: { paths: ["spec.kubernetes_version"] },
          validateOnly: true,
        }),
        Code.FailedPrecondition,
      );
    });
  });
});
