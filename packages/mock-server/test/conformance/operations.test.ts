/**
 * OperationService and the life of an operation: its metadata as it runs,
 * WaitOperation, CancelOperation (and the phase it leaves the vcluster in),
 * ListOperations with filters and newest-first order, and a forced delete
 * superseding the operation in flight.
 */
import { equals } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import {
  OperationSchema,
  OperationState,
  OperationVerb,
  Snapshot_Phase,
  VCluster_Phase as Phase,
  type Operation,
} from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  HA_STORE,
  PARENT,
  expectCode,
  hold,
  ms,
  opName,
  phaseName,
  phaseOf,
  release,
  reset,
  seedVCluster,
  snapName,
  vcName,
} from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const state = (op: Operation) => OperationState[op.metadata?.state ?? 0];

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  describe("metadata", () => {
    it("goes PENDING -> RUNNING -> SUCCEEDED with verb, target, progress, step and times", async () => {
      const frozen = await t.control.freezeClock({});
      // Three install stages of one second each.
      await t.control.setLatency({ latency: { seconds: 3n } });
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      expect(op.name).toMatch(/^projects\/p\/operations\/[a-z0-9][-a-z0-9]{0,62}$/);
      expect(op.done).toBe(false);
      expect(state(op)).toBe("PENDING");
      expect(op.metadata?.verb).toBe(OperationVerb.CREATE);
      expect(op.metadata?.target).toBe(vcName("dev"));
      expect(op.metadata?.progressPercent).toBe(0);
      expect(op.metadata?.endTime).toBeUndefined();
      expect(ms(op.metadata?.createTime)).toBe(ms(frozen.now));
      expect(op.result.case).toBeUndefined();

      const running = await t.operations.getOperation({ name: op.name });
      expect(state(running)).toBe("RUNNING");
      expect(running.done).toBe(false);
      expect(running.metadata?.step).not.toBe("");
      expect(running.metadata?.endTime).toBeUndefined();

      await t.control.advanceClock({ duration: { seconds: 1n } });
      const later = await t.operations.getOperation({ name: op.name });
      expect(state(later)).toBe("RUNNING");
      expect(later.metadata!.progressPercent).toBeGreaterThan(running.metadata!.progressPercent);
      expect(later.metadata!.progressPercent).toBeLessThan(100);
      expect(later.metadata?.step).not.toBe(running.metadata?.step);

      await t.control.advanceClock({ duration: { seconds: 2n } });
      const done = await settle(t, op.name);
      expect(done.done).toBe(true);
      expect(state(done)).toBe("SUCCEEDED");
      expect(done.metadata?.progressPercent).toBe(100);
      expect(done.metadata?.verb).toBe(OperationVerb.CREATE);
      expect(done.metadata?.target).toBe(vcName("dev"));
      expect(ms(done.metadata?.createTime)).toBe(ms(frozen.now));
      expect(ms(done.metadata?.endTime)).toBe(ms(frozen.now) + 3000);
      expect(done.result.case).toBe("response");
      if (done.result.case === "response") {
        expect(done.result.value.resource.case).toBe("vcluster");
        const v = done.result.value.resource.value as { name: string; status?: { phase: Phase } };
        expect(v.name).toBe(vcName("dev"));
        expect(v.status?.phase).toBe(Phase.RUNNING);
      }
    });

    it("records the request_id it was started with", async () => {
      const requestId = crypto.randomUUID();
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {}, requestId });
      expect(op.metadata?.requestId).toBe(requestId);
      expect((await settle(t, op.name)).metadata?.requestId).toBe(requestId);
    });
  });

  describe("GetOperation", () => {
    it("returns the operation", async () => {
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      await settle(t, op.name);
      const got = await t.operations.getOperation({ name: op.name });
      expect(got.name).toBe(op.name);
      expect(got.done).toBe(true);
      expect(got.metadata?.verb).toBe(OperationVerb.CREATE);
    });

    it("NOT_FOUND for an unknown operation", async () => {
      const err = await expectCode(t.operations.getOperation({ name: opName("nope") }), Code.NotFound);
      expect(err.rawMessage).toContain(opName("nope"));
    });
  });

  describe("WaitOperation", () => {
    it("returns as soon as the operation is done", async () => {
      await t.control.setLatency({ latency: { nanos: 150_000_000 } });
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const started = Date.now();
      const done = await t.operations.waitOperation({ name: op.name, timeout: { seconds: 30n } });
      expect(done.done).toBe(true);
      expect(state(done)).toBe("SUCCEEDED");
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("returns the current, unfinished state when its timeout passes", async () => {
      await hold(t);
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const started = Date.now();
      const res = await t.operations.waitOperation({ name: op.name, timeout: { nanos: 300_000_000 } });
      const took = Date.now() - started;
      expect(res.done).toBe(false);
      expect(state(res)).toBe("RUNNING");
      expect(res.result.case).toBeUndefined();
      expect(took).toBeGreaterThanOrEqual(250);
      expect(took).toBeLessThan(10_000);
    });

    it("returns a done operation at once", async () => {
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      await settle(t, op.name);
      const started = Date.now();
      const res = await t.operations.waitOperation({ name: op.name, timeout: { seconds: 60n } });
      expect(res.done).toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("NOT_FOUND for an unknown operation", async () => {
      await expectCode(t.operations.waitOperation({ name: opName("nope"), timeout: { seconds: 1n } }), Code.NotFound);
    });
  });

  describe("CancelOperation", () => {
    function expectCancelled(op: Operation) {
      expect(op.done).toBe(true);
      expect(state(op)).toBe("CANCELLED");
      expect(op.metadata?.cancelRequested).toBe(true);
      expect(op.metadata?.endTime).toBeDefined();
      expect(op.result.case).toBe("error");
      if (op.result.case === "error") expect(op.result.value.code).toBe(Code.Canceled);
    }

    it("a running create: the operation is CANCELLED (code 1) and the vcluster FAILED", async () => {
      await hold(t);
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      expect(await phaseOf(t, vcName("dev"))).toBe(Phase.CREATING);
      const res = await t.operations.cancelOperation({ name: op.name });
      expectCancelled(res);
      expectCancelled(await t.operations.getOperation({ name: op.name }));
      const v = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(phaseName(v.status!.phase)).toBe("FAILED");
      expect(v.status?.currentOperation).toBe("");
    });

    const RESOURCES = { requests: { cpu: "500m" } };
    const updateSpec = (t: Target, name: string) =>
      t.vclusters.updateVCluster({ vcluster: { name, spec: { controlPlane: { resources: RESOURCES } } }, updateMask: { paths: ["spec.control_plane.resources"] } });
    // "the vcluster takes the phase the host reports once the driver stopped":
    // the mock's host applies a step only at its end, so a cancelled step
    // leaves the host as it was (running, or scaled to zero).
    const LANDS_WHERE_THE_HOST_IS = [
      { what: "suspend", from: Phase.RUNNING, lands: Phase.RUNNING, start: (t: Target, name: string) => t.vclusters.suspendVCluster({ name }) },
      { what: "scale", from: Phase.RUNNING, lands: Phase.RUNNING, start: (t: Target, name: string) => t.vclusters.scaleVCluster({ name, resources: RESOURCES }) },
      { what: "update", from: Phase.RUNNING, lands: Phase.RUNNING, start: updateSpec },
      { what: "resume", from: Phase.SUSPENDED, lands: Phase.SUSPENDED, start: (t: Target, name: string) => t.vclusters.resumeVCluster({ name }) },
      { what: "resume", from: Phase.FAILED, failedVerb: OperationVerb.RESUME, lands: Phase.SUSPENDED, start: (t: Target, name: string) => t.vclusters.resumeVCluster({ name }) },
      { what: "update", from: Phase.FAILED, failedVerb: OperationVerb.UPDATE, lands: Phase.RUNNING, start: updateSpec },
      { what: "delete", from: Phase.RUNNING, lands: Phase.RUNNING, start: (t: Target, name: string) => t.vclusters.deleteVCluster({ name }) },
    ].map((c) => ({ ...c, fromName: phaseName(c.from), landsName: phaseName(c.lands) }));

    it.each(LANDS_WHERE_THE_HOST_IS)("a running $what from $fromName: the vcluster lands in $landsName, where the host is", async ({ from, failedVerb, lands, start }) => {
      await seedVCluster(t, "dev", from, failedVerb === undefined ? {} : { failedVerb });
      await hold(t);
      const op = await start(t, vcName("dev"));
      expect(op.done).toBe(false);
      expect(await phaseOf(t, vcName("dev"))).not.toBe(from);
      expectCancelled(await t.operations.cancelOperation({ name: op.name }));
      const v = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(phaseName(v.status!.phase)).toBe(phaseName(lands));
      expect(v.status?.currentOperation).toBe("");
      expect(v.status?.failedOperation).toBeUndefined();
    });

    it("a running snapshot: the snapshot is FAILED and the vcluster keeps its phase", async () => {
      await seedVCluster(t, "dev");
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({ name: vcName("dev"), snapshotId: "s1", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "s1" } } } });
      expect(await phaseOf(t, vcName("dev"))).toBe(Phase.RUNNING);
      expectCancelled(await t.operations.cancelOperation({ name: op.name }));
      const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(Snapshot_Phase[s.phase]).toBe("FAILED");
      expect(s.error).not.toBe("");
      expect(phaseName((await phaseOf(t, vcName("dev")))!)).toBe("RUNNING");
    });

    it("a running restore in place, before it replaces data: back where the host is (SUSPENDED)", async () => {
      await seedVCluster(t, "dev", Phase.SUSPENDED);
      await t.control.seed({ snapshots: [{ name: snapName("s1"), sourceVcluster: vcName("dev"), durable: true }] });
      await hold(t);
      const inPlace = await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: vcName("dev") });
      expect(await phaseOf(t, vcName("dev"))).toBe(Phase.RESTORING);
      expectCancelled(await t.operations.cancelOperation({ name: inPlace.name }));
      expect(phaseName((await phaseOf(t, vcName("dev")))!)).toBe("SUSPENDED");
      const clone = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "copy", vcluster: {}, sourceSnapshot: snapName("s1") });
      expectCancelled(await t.operations.cancelOperation({ name: clone.name }));
      expect(phaseName((await phaseOf(t, vcName("copy")))!)).toBe("FAILED");
    });

    it("a done operation: nothing changes", async () => {
      await seedVCluster(t, "dev");
      const op = await t.vclusters.suspendVCluster({ name: vcName("dev") });
      const before = await settle(t, op.name);
      expect(state(before)).toBe("SUCCEEDED");
      const vBefore = await t.vclusters.getVCluster({ name: vcName("dev") });
      const res = await t.operations.cancelOperation({ name: op.name });
      expect(equals(OperationSchema, res, before)).toBe(true);
      expect(equals(OperationSchema, await t.operations.getOperation({ name: op.name }), before)).toBe(true);
      const vAfter = await t.vclusters.getVCluster({ name: vcName("dev") });
      expect(vAfter.etag).toBe(vBefore.etag);
      expect(phaseName(vAfter.status!.phase)).toBe("SUSPENDED");
    });

    it("NOT_FOUND for an unknown operation", async () => {
      await expectCode(t.operations.cancelOperation({ name: opName("nope") }), Code.NotFound);
    });
  });

  describe("ListOperations", () => {
    /** Four operations one second apart: suspend a, scale b, update a (labels), then suspend b left running. */
    async function fourOperations() {
      await t.control.seed({ vclusters: [{ name: vcName("a") }, { name: vcName("b"), spec: { backingStore: HA_STORE } }] });
      await t.control.freezeClock({});
      const step = () => t.control.advanceClock({ duration: { seconds: 1n } });
      const suspendA = await t.vclusters.suspendVCluster({ name: vcName("a") });
      await settle(t, suspendA.name);
      await step();
      const scaleB = await t.vclusters.scaleVCluster({ name: vcName("b"), replicas: 2 });
      await settle(t, scaleB.name);
      await step();
      const updateA = await t.vclusters.updateVCluster({
        vcluster: { name: vcName("a"), labels: { env: "dev" } },
        updateMask: { paths: ["labels"] },
      });
      await step();
      await hold(t);
      const suspendB = await t.vclusters.suspendVCluster({ name: vcName("b") });
      return { suspendA, scaleB, updateA, suspendB };
    }

    const names = (ops: Operation[]) => ops.map((o) => o.name);

    it("lists newest first, and filters by target, done and verb", async () => {
      const o = await fourOperations();
      const list = async (filter: string) => names((await t.operations.listOperations({ parent: PARENT, filter })).operations);
      const all = await t.operations.listOperations({ parent: PARENT });
      expect(names(all.operations), "newest first").toEqual([o.suspendB.name, o.updateA.name, o.scaleB.name, o.suspendA.name]);
      expect(all.nextPageToken).toBe("");
      expect(await list(`target = "${vcName("a")}"`), "target").toEqual([o.updateA.name, o.suspendA.name]);
      expect(await list("done = false"), "done = false").toEqual([o.suspendB.name]);
      expect(await list("verb = SUSPEND"), "verb").toEqual([o.suspendB.name, o.suspendA.name]);
      expect(await list("verb = SUSPEND AND done = true"), "AND").toEqual([o.suspendA.name]);
      expect(await list("state = RUNNING"), "state").toEqual([o.suspendB.name]);
    });

    it("pages newest first", async () => {
      const o = await fourOperations();
      const first = await t.operations.listOperations({ parent: PARENT, pageSize: 3 });
      expect(names(first.operations)).toEqual([o.suspendB.name, o.updateA.name, o.scaleB.name]);
      expect(first.nextPageToken).not.toBe("");
      const second = await t.operations.listOperations({ parent: PARENT, pageSize: 3, pageToken: first.nextPageToken });
      expect(names(second.operations)).toEqual([o.suspendA.name]);
      expect(second.nextPageToken).toBe("");
    });

    it("lists only the project's own operations", async () => {
      await fourOperations();
      const res = await t.operations.listOperations({ parent: "projects/other" });
      expect(res.operations).toHaveLength(0);
    });
  });

  describe("a forced delete supersedes the operation in flight", () => {
    const IN_FLIGHT = [
      { what: "create", verb: OperationVerb.CREATE },
      { what: "suspend", verb: OperationVerb.SUSPEND },
    ];

    it.each(IN_FLIGHT)("a running $what ends CANCELLED and the vcluster is gone after the delete", async ({ what }) => {
      const name = vcName("dev");
      if (what === "suspend") await seedVCluster(t, "dev");
      await hold(t);
      const inFlight =
        what === "create"
          ? await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} })
          : await t.vclusters.suspendVCluster({ name });
      // Without force: refused while the operation runs.
      await expectCode(t.vclusters.deleteVCluster({ name }), Code.FailedPrecondition);
      const del = await t.vclusters.deleteVCluster({ name, force: true });
      expect(del.metadata?.verb).toBe(OperationVerb.DELETE);
      const superseded = await t.operations.getOperation({ name: inFlight.name });
      expect(superseded.done).toBe(true);
      expect(state(superseded)).toBe("CANCELLED");
      if (superseded.result.case === "error") expect(superseded.result.value.code).toBe(Code.Canceled);
      else expect.fail("the superseded operation has no error");
      const v = await t.vclusters.getVCluster({ name });
      expect(phaseName(v.status!.phase)).toBe("DELETING");
      expect(v.status?.currentOperation).toBe(del.name);
      expect(v.deleteTime).toBeDefined();
      await release(t);
      const done = await settle(t, del.name);
      expect(state(done)).toBe("SUCCEEDED");
      expect(done.result.case === "response" && done.result.value.resource.case).toBe("empty");
      await expectCode(t.vclusters.getVCluster({ name }), Code.NotFound);
      // The superseded operation stays cancelled.
      expect(state(await t.operations.getOperation({ name: inFlight.name }))).toBe("CANCELLED");
    });
  });
});
