/**
 * The v1 lifecycle rules of issue 7, checked from outside against the proto
 * comments (VCluster.Phase, VClusterService and OperationService): cancel
 * lands where the host is, a restore past its point of no return cannot be
 * cancelled, FAILED names what failed and allows only its repairs, Update and
 * Scale while SUSPENDED are applied by Resume, suspend needs persistence,
 * deletion protection, updates without a mask, validate_only on every
 * mutation and operation deadlines.
 */
import { Code } from "@connectrpc/connect";
import { OperationState, OperationVerb, VCluster_Phase as Phase, type Operation } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { until } from "../fixtures/util.js";
import { PARENT, expectCode, hold, ms, phaseName, release, reset, seedVCluster, snapName, vcName } from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const VC = "vc";
const NAME = vcName(VC);
const MINUTE = 60_000;
const RESOURCES = { requests: { cpu: "500m", memory: "1Gi" } };

type Repair = "update" | "restore" | "suspend" | "resume" | "delete" | "scale";

/** From the Phase comment: the repairs legal after each failed verb ("DeleteVCluster is legal from FAILED whatever failed"). */
const REPAIRS: { verb: OperationVerb; legal: Repair[] }[] = [
  { verb: OperationVerb.CREATE, legal: ["update", "restore", "delete"] },
  { verb: OperationVerb.UPDATE, legal: ["update", "restore", "delete"] },
  { verb: OperationVerb.SCALE, legal: ["update", "restore", "delete"] },
  { verb: OperationVerb.RESTORE, legal: ["update", "restore", "delete"] },
  { verb: OperationVerb.SUSPEND, legal: ["suspend", "resume", "delete"] },
  { verb: OperationVerb.RESUME, legal: ["resume", "delete"] },
  { verb: OperationVerb.DELETE, legal: ["delete"] },
];
const ALL_REPAIRS: Repair[] = ["update", "restore", "suspend", "resume", "delete", "scale"];
const REPAIR_MATRIX = REPAIRS.flatMap(({ verb, legal }) =>
  ALL_REPAIRS.map((action) => ({
    verb,
    failed: OperationVerb[verb],
    action,
    legal: legal.includes(action),
    verdict: legal.includes(action) ? "allowed" : "FAILED_PRECONDITION",
    repairs: legal,
  })),
);

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  const get = () => t.vclusters.getVCluster({ name: NAME });
  const op = (name: string) => t.operations.getOperation({ name });
  const operations = async () => (await t.operations.listOperations({ parent: PARENT })).operations;
  const seedBase = () =>
    t.control.seed({
      snapshots: [{ name: snapName("base"), sourceVcluster: vcName("source"), storageUri: "s3://bucket/base", durable: true, vclusterSpec: {} }],
    });

  /** Waits until the step of `name` reports `step` (it is then sleeping on the mock's clock). */
  const stepIs = (name: string, step: string) =>
    until(async () => (await op(name)).metadata?.step === step, 10_000, `operation step "${step}"`);

  function repair(action: Repair): Promise<Operation> {
    switch (action) {
      case "update":
        return t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { controlPlane: { resources: RESOURCES } } } });
      case "restore":
        return t.vclusters.restoreVCluster({ snapshot: snapName("base"), name: NAME });
      case "suspend":
        return t.vclusters.suspendVCluster({ name: NAME });
      case "resume":
        return t.vclusters.resumeVCluster({ name: NAME });
      case "delete":
        return t.vclusters.deleteVCluster({ name: NAME });
      case "scale":
        return t.vclusters.scaleVCluster({ name: NAME, resources: RESOURCES });
    }
  }

  describe("cancel lands where the host is", () => {
    it("a cancelled update of a RUNNING vcluster: RUNNING, as the host reports", { timeout: 30_000 }, async () => {
      await seedVCluster(t, VC, Phase.RUNNING);
      await hold(t);
      const started = await t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { controlPlane: { resources: RESOURCES } } } });
      expect(started.metadata?.cancellable).toBe(true);
      await stepIs(started.name, "rendering values");
      const cancelled = await t.operations.cancelOperation({ name: started.name });
      expect(cancelled.done).toBe(true);
      expect(cancelled.metadata?.state).toBe(OperationState.CANCELLED);
      expect(cancelled.metadata?.cancellable).toBe(false);
      expect(cancelled.result.case === "error" && cancelled.result.value.code).toBe(Code.Canceled);
      const v = await get();
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.failedOperation).toBeUndefined();
      expect(v.status?.message).toMatch(/cancelled; the host reports RUNNING/);
    });

    it("a cancelled resume: SUSPENDED, as the host still is", { timeout: 30_000 }, async () => {
      await seedVCluster(t, VC, Phase.SUSPENDED);
      await hold(t);
      const started = await t.vclusters.resumeVCluster({ name: NAME });
      await stepIs(started.name, "scaling control plane up");
      await t.operations.cancelOperation({ name: started.name });
      expect(phaseName((await get()).status!.phase)).toBe("SUSPENDED");
    });

    it("a cancelled create: FAILED (the host cannot say), with failed_operation", { timeout: 30_000 }, async () => {
      await hold(t);
      const started = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: VC, vcluster: {} });
      await stepIs(started.name, "creating namespace");
      await t.operations.cancelOperation({ name: started.name });
      const v = await get();
      expect(phaseName(v.status!.phase)).toBe("FAILED");
      expect(v.status?.failedOperation).toMatchObject({ verb: OperationVerb.CREATE, operation: started.name });
      expect(v.status?.message).toMatch(/unknown/);
    });

    it("a restore can be cancelled before it replaces data, not after (FAILED_PRECONDITION, cancellable = false)", { timeout: 30_000 }, async () => {
      await seedVCluster(t, VC, Phase.RUNNING);
      await seedBase();
      await t.control.freezeClock({});
      await hold(t);
      // Before the point of no return: cancellable, and cancel lands in RUNNING.
      const first = await t.vclusters.restoreVCluster({ snapshot: snapName("base"), name: NAME });
      await stepIs(first.name, "pausing");
      expect((await op(first.name)).metadata?.cancellable).toBe(true);
      await t.operations.cancelOperation({ name: first.name });
      expect(phaseName((await get()).status!.phase)).toBe("RUNNING");

      // Past it ("restoring backing store"): refused, and the restore runs to its end.
      const second = await t.vclusters.restoreVCluster({ snapshot: snapName("base"), name: NAME });
      await stepIs(second.name, "pausing");
      await t.control.advanceClock({ duration: { seconds: 201n } });
      await stepIs(second.name, "restoring backing store");
      expect((await op(second.name)).metadata?.cancellable).toBe(false);
      await expectCode(t.operations.cancelOperation({ name: second.name }), Code.FailedPrecondition, /point of no return/);
      const still = await op(second.name);
      expect(still.done).toBe(false);
      expect(still.metadata?.cancelRequested).toBe(false);
      expect(phaseName((await get()).status!.phase)).toBe("RESTORING");
      await release(t);
      const done = await settle(t, second.name);
      expect(done.result.case).toBe("response");
      expect(phaseName((await get()).status!.phase)).toBe("RUNNING");
    });
  });

  describe("FAILED and its repairs", () => {
    it("failed_operation is set when the vcluster fails and cleared when a repair succeeds", async () => {
      await seedVCluster(t, VC, Phase.RUNNING);
      await t.control.failNextStep({ verb: OperationVerb.SCALE, target: NAME, message: "injected", code: Code.Unavailable });
      const scale = await t.vclusters.scaleVCluster({ name: NAME, resources: RESOURCES });
      await settle(t, scale.name);
      let v = await get();
      expect(phaseName(v.status!.phase)).toBe("FAILED");
      expect(v.status?.failedOperation).toMatchObject({ verb: OperationVerb.SCALE, operation: scale.name });
      // The repair of a failed scale is Update (re-apply the spec).
      const fix = await t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { controlPlane: { resources: RESOURCES } } } });
      expect((await get()).status?.failedOperation).toBeUndefined(); // it left FAILED
      expect((await settle(t, fix.name)).result.case).toBe("response");
      v = await get();
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.failedOperation).toBeUndefined();
    });

    it.each(REPAIR_MATRIX)("after a failed $failed, $action: $verdict", async ({ verb, action, legal, repairs }) => {
      await seedVCluster(t, VC, Phase.FAILED, { failedVerb: verb });
      await seedBase();
      if (legal) {
        await hold(t);
        const started = await repair(action);
        expect(started.metadata?.target).toBe(NAME);
        expect(phaseName((await get()).status!.phase)).not.toBe("FAILED");
        return;
      }
      const err = await expectCode(repair(action), Code.FailedPrecondition);
      expect(err.rawMessage).toContain(`after a failed ${OperationVerb[verb].toLowerCase()}`);
      expect(err.rawMessage).toContain(`repairs allowed are ${repairs.join(", ")}`);
      const v = await get();
      expect(phaseName(v.status!.phase)).toBe("FAILED");
      expect(v.status?.failedOperation?.verb).toBe(verb);
      expect(await operations()).toHaveLength(0);
    });
  });

  describe("a SUSPENDED vcluster", () => {
    it("records Update and Scale at once, and Resume applies them", async () => {
      const seeded = await seedVCluster(t, VC, Phase.SUSPENDED);
      const scale = await t.vclusters.scaleVCluster({ name: NAME, resources: RESOURCES });
      expect(scale.done).toBe(true);
      expect(scale.result.case).toBe("response");
      const update = await t.vclusters.updateVCluster({
        vcluster: { name: NAME, spec: { controlPlane: { resources: { limits: { cpu: "2" } } } } },
        updateMask: { paths: ["spec.control_plane.resources.limits"] },
      });
      expect(update.done).toBe(true);
      let v = await get();
      expect(phaseName(v.status!.phase)).toBe("SUSPENDED");
      expect(v.generation).toBe(seeded.generation + 2n);
      expect(v.status?.observedGeneration).toBe(seeded.generation);
      expect(v.spec?.controlPlane?.resources).toMatchObject({ requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2" } });
      expect(v.status?.readyReplicas).toBe(0);

      const resume = await t.vclusters.resumeVCluster({ name: NAME });
      expect((await settle(t, resume.name)).result.case).toBe("response");
      v = await get();
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.observedGeneration).toBe(v.generation);
      expect(v.status?.readyReplicas).toBe(1);
    });

    it("cannot be suspended without persistence: FAILED_PRECONDITION, nothing changes", async () => {
      const seeded = await seedVCluster(t, VC, Phase.RUNNING, { spec: { persistence: { enabled: false } } });
      await expectCode(t.vclusters.suspendVCluster({ name: NAME }), Code.FailedPrecondition, /persistence.*lose all of its data/);
      const v = await get();
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.etag).toBe(seeded.etag);
      expect(await operations()).toHaveLength(0);
    });
  });

  describe("deletion_protection", () => {
    it("is kept from CreateVCluster", async () => {
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: VC, vcluster: { deletionProtection: true } });
      await settle(t, op.name);
      expect((await get()).deletionProtection).toBe(true);
      await expectCode(t.vclusters.deleteVCluster({ name: NAME, force: true }), Code.FailedPrecondition, /deletion_protection/);
    });

    it("refuses Delete, even forced, until Update clears it (at once, in any phase but DELETING)", { timeout: 30_000 }, async () => {
      await seedVCluster(t, VC, Phase.RUNNING, { deletionProtection: true });
      await expectCode(t.vclusters.deleteVCluster({ name: NAME }), Code.FailedPrecondition, /deletion_protection/);
      await expectCode(t.vclusters.deleteVCluster({ name: NAME, force: true }), Code.FailedPrecondition, /deletion_protection/);
      expect(await operations()).toHaveLength(0);

      // Cleared while a scale is in flight: metadata, done at once.
      await hold(t);
      await t.vclusters.scaleVCluster({ name: NAME, resources: RESOURCES });
      const clear = await t.vclusters.updateVCluster({ vcluster: { name: NAME, deletionProtection: false }, updateMask: { paths: ["deletion_protection"] } });
      expect(clear.done).toBe(true);
      const v = await get();
      expect(v.deletionProtection).toBe(false);
      expect(phaseName(v.status!.phase)).toBe("SCALING");
      const del = await t.vclusters.deleteVCluster({ name: NAME, force: true });
      await release(t);
      expect((await settle(t, del.name)).result.case).toBe("response");
      await expectCode(get(), Code.NotFound);
    });
  });

  describe("update without a mask", () => {
    it("changes exactly the fields set in the request", async () => {
      await t.control.seed({
        vclusters: [
          {
            name: NAME,
            displayName: "Demo",
            labels: { a: "1" },
            spec: { kubernetesVersion: "1.30", controlPlane: { resources: { limits: { cpu: "4" } } } },
          },
        ],
      });
      const labels = await t.vclusters.updateVCluster({ vcluster: { name: NAME, labels: { b: "2" } } });
      expect(labels.done).toBe(true);
      let v = await get();
      expect(v.labels).toEqual({ b: "2" });
      expect(v.displayName).toBe("Demo");
      expect(v.generation).toBe(1n);

      const spec = await t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { controlPlane: { resources: { requests: { cpu: "1" } } } } } });
      expect((await settle(t, spec.name)).result.case).toBe("response");
      v = await get();
      expect(v.spec?.kubernetesVersion).toBe("1.30");
      expect(v.spec?.controlPlane?.resources).toMatchObject({ requests: { cpu: "1" }, limits: { cpu: "4" } });
      expect(v.labels).toEqual({ b: "2" });
      expect(v.generation).toBe(2n);
    });

    it("with nothing set is INVALID_ARGUMENT naming update_mask", async () => {
      await seedVCluster(t, VC, Phase.RUNNING);
      await expectCode(t.vclusters.updateVCluster({ vcluster: { name: NAME } }), Code.InvalidArgument, /update_mask/);
    });
  });

  describe("validate_only", () => {
    const requestId = "6f1f1d0e-7a43-4c1a-9d7e-3f1c8c0b9a11";
    const CASES: {
      rpc: string;
      phase: Phase;
      call: (t: Target, validateOnly: boolean) => Promise<Operation>;
      response: "vcluster" | "snapshot" | "empty";
      endsIn?: string;
    }[] = [
      { rpc: "CreateVCluster", phase: Phase.UNSPECIFIED, response: "vcluster", endsIn: "RUNNING", call: (t, validateOnly) => t.vclusters.createVCluster({ parent: PARENT, vclusterId: "fresh", vcluster: {}, validateOnly, requestId }) },
      { rpc: "UpdateVCluster", phase: Phase.RUNNING, response: "vcluster", endsIn: "RUNNING", call: (t, validateOnly) => t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { controlPlane: { resources: RESOURCES } } }, validateOnly, requestId }) },
      { rpc: "DeleteVCluster", phase: Phase.RUNNING, response: "empty", call: (t, validateOnly) => t.vclusters.deleteVCluster({ name: NAME, validateOnly, requestId }) },
      { rpc: "ScaleVCluster", phase: Phase.RUNNING, response: "vcluster", endsIn: "RUNNING", call: (t, validateOnly) => t.vclusters.scaleVCluster({ name: NAME, resources: RESOURCES, validateOnly, requestId }) },
      { rpc: "SuspendVCluster", phase: Phase.RUNNING, response: "vcluster", endsIn: "SUSPENDED", call: (t, validateOnly) => t.vclusters.suspendVCluster({ name: NAME, validateOnly, requestId }) },
      { rpc: "ResumeVCluster", phase: Phase.SUSPENDED, response: "vcluster", endsIn: "RUNNING", call: (t, validateOnly) => t.vclusters.resumeVCluster({ name: NAME, validateOnly, requestId }) },
      { rpc: "SnapshotVCluster", phase: Phase.RUNNING, response: "snapshot", call: (t, validateOnly) => t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "snap", storage: { kind: { case: "container", value: { path: "/data/snap" } } }, validateOnly, requestId }) },
      { rpc: "RestoreVCluster", phase: Phase.RUNNING, response: "vcluster", endsIn: "RUNNING", call: (t, validateOnly) => t.vclusters.restoreVCluster({ snapshot: snapName("base"), name: NAME, validateOnly, requestId }) },
    ];

    it.each(CASES)("$rpc: a done, nameless Operation with the would-be result; nothing stored or remembered", async ({ phase, call, response, endsIn }) => {
      if (phase !== Phase.UNSPECIFIED) await seedVCluster(t, VC, phase);
      await seedBase();
      const before = phase !== Phase.UNSPECIFIED ? await get() : undefined;
      const answer = await call(t, true);
      expect(answer.name).toBe("");
      expect(answer.done).toBe(true);
      expect(answer.result.case).toBe("response");
      const res = answer.result.case === "response" ? answer.result.value.resource : undefined;
      expect(res?.case).toBe(response);
      if (res?.case === "vcluster" && endsIn) expect(phaseName(res.value.status!.phase)).toBe(endsIn);
      // Nothing changed, nothing started, nothing remembered.
      expect(await operations()).toHaveLength(0);
      if (before) expect((await get()).etag).toBe(before.etag);
      else await expectCode(t.vclusters.getVCluster({ name: vcName("fresh") }), Code.NotFound);
      await expectCode(t.snapshots.getSnapshot({ name: snapName("snap") }), Code.NotFound);
      // The same request_id then starts the real thing.
      const real = await call(t, false);
      expect(real.name).not.toBe("");
      expect(await operations()).toHaveLength(1);
    });

    it.each(CASES.filter((c) => c.phase !== Phase.UNSPECIFIED))("$rpc: checks the phase rules too (FAILED_PRECONDITION in DELETING)", async ({ call }) => {
      await seedVCluster(t, VC, Phase.DELETING);
      await seedBase();
      await expectCode(call(t, true), Code.FailedPrecondition, /DELETING/);
    });

    it("checks the etag too (ABORTED)", async () => {
      await seedVCluster(t, VC, Phase.RUNNING);
      await expectCode(t.vclusters.suspendVCluster({ name: NAME, etag: "stale", validateOnly: true }), Code.Aborted);
    });
  });

  describe("operation deadlines", () => {
    it("every operation has one: create + 30 min for create, + 15 min for others", async () => {
      await seedVCluster(t, VC, Phase.RUNNING);
      const create = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "other", vcluster: {} });
      expect(ms(create.metadata?.deadline) - ms(create.metadata?.createTime)).toBe(30 * MINUTE);
      const scale = await t.vclusters.scaleVCluster({ name: NAME, resources: RESOURCES });
      expect(ms(scale.metadata?.deadline) - ms(scale.metadata?.createTime)).toBe(15 * MINUTE);
    });

    it("a step still running at its deadline ends FAILED with DEADLINE_EXCEEDED, the vcluster FAILED", { timeout: 30_000 }, async () => {
      await seedVCluster(t, VC, Phase.RUNNING);
      await t.control.freezeClock({});
      await t.control.setLatency({ latency: { seconds: 3600n } });
      const started = await t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { controlPlane: { resources: RESOURCES } } } });
      await stepIs(started.name, "rendering values");
      await t.control.advanceClock({ duration: { seconds: 15n * 60n - 1n } });
      expect((await op(started.name)).done).toBe(false);
      await t.control.advanceClock({ duration: { seconds: 2n } });
      await until(async () => (await op(started.name)).done, 10_000, "the operation to end");
      const done = await op(started.name);
      expect(done.metadata?.state).toBe(OperationState.FAILED);
      expect(done.result.case === "error" && done.result.value.code).toBe(Code.DeadlineExceeded);
      const v = await get();
      expect(phaseName(v.status!.phase)).toBe("FAILED");
      expect(v.status?.failedOperation).toMatchObject({ verb: OperationVerb.UPDATE, operation: started.name });
    });
  });
});
