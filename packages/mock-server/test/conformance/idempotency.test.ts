/**
 * request_id (AIP-155): a retry with the same id and the same request returns
 * the original operation and does not act twice; the same id with a
 * different request is ALREADY_EXISTS; a malformed id is INVALID_ARGUMENT;
 * ids are scoped to their project.
 */
import { Code } from "@connectrpc/connect";
import type { Operation } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  PARENT,
  UUID,
  expectCode,
  hold,
  phaseName,
  reset,
  seedSnapshot,
  seedVCluster,
  snapName,
  vcName,
  violationPaths,
} from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  const listOps = async (parent = PARENT) => (await t.operations.listOperations({ parent })).operations;

  it("create: a retry returns the same operation and creates one vcluster", async () => {
    const requestId = UUID();
    const req = { parent: PARENT, vclusterId: "dev", vcluster: { labels: { env: "dev" } }, requestId };
    const first = await t.vclusters.createVCluster(req);
    const second = await t.vclusters.createVCluster(req);
    expect(second.name).toBe(first.name);
    await settle(t, first.name);
    // A retry after it finished still returns it (now done), not ALREADY_EXISTS.
    const third = await t.vclusters.createVCluster(req);
    expect(third.name).toBe(first.name);
    expect(third.done).toBe(true);
    expect((await t.vclusters.listVClusters({ parent: PARENT })).vclusters).toHaveLength(1);
    expect((await listOps()).map((o) => o.name)).toEqual([first.name]);
  });

  it("snapshot: a retry returns the same operation and takes one snapshot", async () => {
    await seedVCluster(t, "dev");
    const requestId = UUID();
    // No snapshot id: a second snapshot would get a new default id if the retry acted again.
    const req = { name: vcName("dev"), storage: { kind: { case: "s3" as const, value: { bucket: "bucket", key: "x" } } }, requestId };
    const first = await t.vclusters.snapshotVCluster(req);
    await settle(t, first.name);
    const second = await t.vclusters.snapshotVCluster(req);
    expect(second.name).toBe(first.name);
    expect((await t.snapshots.listSnapshots({ parent: PARENT })).snapshots).toHaveLength(1);
    expect((await listOps()).map((o) => o.name)).toEqual([first.name]);
  });

  it("scale: a retry does not bump the generation twice", async () => {
    const seeded = await seedVCluster(t, "dev");
    const requestId = UUID();
    const req = { name: vcName("dev"), replicas: 3, requestId };
    const first = await t.vclusters.scaleVCluster(req);
    await settle(t, first.name);
    const second = await t.vclusters.scaleVCluster(req);
    expect(second.name).toBe(first.name);
    const v = await t.vclusters.getVCluster({ name: vcName("dev") });
    expect(v.generation).toBe(seeded.generation + 1n);
    expect(await listOps()).toHaveLength(1);
  });

  it("update: a retry of a label update changes nothing more", async () => {
    await seedVCluster(t, "dev");
    const requestId = UUID();
    const req = { vcluster: { name: vcName("dev"), labels: { a: "1" } }, updateMask: { paths: ["labels"] }, requestId };
    const first = await t.vclusters.updateVCluster(req);
    const etag = (await t.vclusters.getVCluster({ name: vcName("dev") })).etag;
    const second = await t.vclusters.updateVCluster(req);
    expect(second.name).toBe(first.name);
    expect((await t.vclusters.getVCluster({ name: vcName("dev") })).etag).toBe(etag);
    expect(await listOps()).toHaveLength(1);
  });

  it("suspend: a retry while it runs returns the original operation, not FAILED_PRECONDITION", async () => {
    await seedVCluster(t, "dev");
    await hold(t);
    const requestId = UUID();
    const first = await t.vclusters.suspendVCluster({ name: vcName("dev"), requestId });
    expect(phaseName((await t.vclusters.getVCluster({ name: vcName("dev") })).status!.phase)).toBe("SUSPENDING");
    const retry = await t.vclusters.suspendVCluster({ name: vcName("dev"), requestId });
    expect(retry.name).toBe(first.name);
    expect(retry.done).toBe(false);
    // A new request (no id) in the same phase is refused: the retry was recognised, not re-evaluated.
    await expectCode(t.vclusters.suspendVCluster({ name: vcName("dev") }), Code.FailedPrecondition);
    expect(await listOps()).toHaveLength(1);
  });

  it("suspend: a retry after it finished returns the done operation", async () => {
    await seedVCluster(t, "dev");
    const requestId = UUID();
    const first = await t.vclusters.suspendVCluster({ name: vcName("dev"), requestId });
    await settle(t, first.name);
    const retry = await t.vclusters.suspendVCluster({ name: vcName("dev"), requestId });
    expect(retry.name).toBe(first.name);
    expect(retry.done).toBe(true);
    expect(retry.result.case).toBe("response");
  });

  it("delete: a retry after the vcluster is gone returns the original operation, not NOT_FOUND", async () => {
    await seedVCluster(t, "dev");
    const requestId = UUID();
    const first = await t.vclusters.deleteVCluster({ name: vcName("dev"), requestId });
    await settle(t, first.name);
    await expectCode(t.vclusters.getVCluster({ name: vcName("dev") }), Code.NotFound);
    const retry = await t.vclusters.deleteVCluster({ name: vcName("dev"), requestId });
    expect(retry.name).toBe(first.name);
  });

  it("delete snapshot: a retry returns the original operation", async () => {
    await seedSnapshot(t, "s1");
    const requestId = UUID();
    const first = await t.snapshots.deleteSnapshot({ name: snapName("s1"), requestId });
    await settle(t, first.name);
    const retry = await t.snapshots.deleteSnapshot({ name: snapName("s1"), requestId });
    expect(retry.name).toBe(first.name);
  });

  describe("the same request_id with a different request: ALREADY_EXISTS", () => {
    it("create with other labels", async () => {
      const requestId = UUID();
      await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {}, requestId });
      const err = await expectCode(
        t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: { labels: { x: "y" } }, requestId }),
        Code.AlreadyExists,
      );
      expect(err.rawMessage).toContain("request_id");
      expect(err.rawMessage).toContain(requestId);
    });

    it("create of another vcluster", async () => {
      const requestId = UUID();
      await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {}, requestId });
      const err = await expectCode(
        t.vclusters.createVCluster({ parent: PARENT, vclusterId: "prod", vcluster: {}, requestId }),
        Code.AlreadyExists,
      );
      expect(err.rawMessage).toContain("request_id");
      await expectCode(t.vclusters.getVCluster({ name: vcName("prod") }), Code.NotFound);
    });

    it("scale to other replicas", async () => {
      await seedVCluster(t, "dev");
      const requestId = UUID();
      await settle(t, (await t.vclusters.scaleVCluster({ name: vcName("dev"), replicas: 2, requestId })).name);
      const err = await expectCode(t.vclusters.scaleVCluster({ name: vcName("dev"), replicas: 3, requestId }), Code.AlreadyExists);
      expect(err.rawMessage).toContain("request_id");
      expect((await t.vclusters.getVCluster({ name: vcName("dev") })).spec?.controlPlane?.replicas).toBe(2);
    });
  });

  describe("a request_id that is not a UUID: INVALID_ARGUMENT naming request_id", () => {
    const BAD = "not-a-uuid";
    const CALLS: { rpc: string; call: (t: Target) => Promise<Operation> }[] = [
      { rpc: "CreateVCluster", call: (t) => t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {}, requestId: BAD }) },
      {
        rpc: "UpdateVCluster",
        call: (t) =>
          t.vclusters.updateVCluster({ vcluster: { name: vcName("dev"), labels: {} }, updateMask: { paths: ["labels"] }, requestId: BAD }),
      },
      { rpc: "DeleteVCluster", call: (t) => t.vclusters.deleteVCluster({ name: vcName("dev"), requestId: BAD }) },
      { rpc: "ScaleVCluster", call: (t) => t.vclusters.scaleVCluster({ name: vcName("dev"), replicas: 2, requestId: BAD }) },
      { rpc: "SuspendVCluster", call: (t) => t.vclusters.suspendVCluster({ name: vcName("dev"), requestId: BAD }) },
      { rpc: "ResumeVCluster", call: (t) => t.vclusters.resumeVCluster({ name: vcName("dev"), requestId: BAD }) },
      {
        rpc: "SnapshotVCluster",
        call: (t) => t.vclusters.snapshotVCluster({ name: vcName("dev"), storage: { kind: { case: "s3", value: { bucket: "bucket", key: "x" } } }, requestId: BAD }),
      },
      {
        rpc: "RestoreVCluster",
        call: (t) => t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: vcName("dev"), requestId: BAD }),
      },
      { rpc: "DeleteSnapshot", call: (t) => t.snapshots.deleteSnapshot({ name: snapName("s1"), requestId: BAD }) },
    ];

    it.each(CALLS)("$rpc", async ({ call }) => {
      await seedVCluster(t, "dev");
      await seedSnapshot(t, "s1");
      const err = await expectCode(call(t), Code.InvalidArgument);
      expect(err.rawMessage).toContain("request_id");
      expect(violationPaths(err)).toContain("request_id");
      expect(await listOps()).toHaveLength(0);
    });
  });

  it("request ids are per project: the same id in two projects makes two vclusters", async () => {
    const requestId = UUID();
    const a = await t.vclusters.createVCluster({ parent: "projects/alpha", vclusterId: "dev", vcluster: {}, requestId });
    const b = await t.vclusters.createVCluster({ parent: "projects/beta", vclusterId: "dev", vcluster: {}, requestId });
    expect(b.name).not.toBe(a.name);
    expect(a.name.startsWith("projects/alpha/operations/")).toBe(true);
    expect(b.name.startsWith("projects/beta/operations/")).toBe(true);
    await settle(t, a.name);
    await settle(t, b.name);
    expect(phaseName((await t.vclusters.getVCluster({ name: vcName("dev", "alpha") })).status!.phase)).toBe("RUNNING");
    expect(phaseName((await t.vclusters.getVCluster({ name: vcName("dev", "beta") })).status!.phase)).toBe("RUNNING");
    expect(await listOps("projects/alpha")).toHaveLength(1);
    expect(await listOps("projects/beta")).toHaveLength(1);
  });

  it("without a request_id, a repeated create is ALREADY_EXISTS (the vcluster, not the id)", async () => {
    await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
    const err = await expectCode(t.vclusters.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} }), Code.AlreadyExists);
    expect(err.rawMessage).toContain(vcName("dev"));
    expect(await listOps()).toHaveLength(1);
  });
});
