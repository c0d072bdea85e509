/**
 * Snapshots: SnapshotVCluster and the Snapshot it creates at once, default
 * ids, duplicates, storage URIs, restore in place and into a new vcluster,
 * restores from unusable snapshots, snapshots outliving their vcluster,
 * SnapshotService (get, list, delete) and expiry by TTL.
 */
import { equals } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import {
  OperationVerb,
  Snapshot_Phase,
  VClusterSpecSchema,
  VCluster_Phase as Phase,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  PARENT,
  expectCode,
  hold,
  ms,
  phaseName,
  phaseOf,
  release,
  reset,
  seedSnapshot,
  seedVCluster,
  snapName,
  vcName,
  violationPaths,
} from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const NAME = vcName("dev");
const snapPhase = (s: Snapshot) => Snapshot_Phase[s.phase];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  /** A real (created, not seeded) running vcluster with a non-default spec. */
  async function running(id = "dev"): Promise<VCluster> {
    const op = await t.vclusters.createVCluster({
      parent: PARENT,
      vclusterId: id,
      vcluster: { spec: { kubernetesVersion: "1.32", controlPlane: { replicas: 2 }, persistence: { size: "10Gi" } } },
    });
    const done = await settle(t, op.name);
    if (done.result.case !== "response") throw new Error("create failed");
    return t.vclusters.getVCluster({ name: vcName(id) });
  }

  async function snapshot(id: string, extra: { ttlSeconds?: bigint; vcluster?: string } = {}): Promise<Snapshot> {
    const op = await t.vclusters.snapshotVCluster({
      name: extra.vcluster ?? NAME,
      snapshotId: id,
      storageUri: `s3://bucket/${id}`,
      ...(extra.ttlSeconds ? { ttl: { seconds: extra.ttlSeconds } } : {}),
    });
    const done = await settle(t, op.name);
    if (done.result.case !== "response") throw new Error(`snapshot failed: ${done.result.value?.message}`);
    return t.snapshots.getSnapshot({ name: snapName(id) });
  }

  describe("SnapshotVCluster", () => {
    it("creates the Snapshot at once; its phase follows the operation to SUCCEEDED", async () => {
      const v = await running();
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({
        name: NAME,
        snapshotId: "s1",
        storageUri: "s3://bucket/s1",
        labels: { kind: "nightly" },
      });
      expect(op.metadata?.verb).toBe(OperationVerb.SNAPSHOT);
      expect(op.done).toBe(false);

      const early = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(["PENDING", "RUNNING"]).toContain(snapPhase(early));
      expect(early.uid).toMatch(UUID_RE);
      expect(early.sourceVcluster).toBe(NAME);
      expect(early.sourceVclusterUid).toBe(v.uid);
      expect(early.storageUri).toBe("s3://bucket/s1");
      expect(early.labels).toEqual({ kind: "nightly" });
      expect(early.sizeBytes).toBe(0n);
      expect(early.completeTime).toBeUndefined();
      expect(early.createTime).toBeDefined();
      expect(early.expireTime).toBeUndefined();
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("SNAPSHOTTING");

      await release(t);
      const done = await settle(t, op.name);
      expect(done.result.case === "response" && done.result.value.resource.case).toBe("snapshot");
      const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(snapPhase(s)).toBe("SUCCEEDED");
      expect(s.sizeBytes).toBeGreaterThan(0n);
      expect(s.completeTime).toBeDefined();
      expect(ms(s.completeTime)).toBeGreaterThanOrEqual(ms(s.createTime));
      expect(s.error).toBe("");
      expect(equals(VClusterSpecSchema, s.vclusterSpec!, v.spec!)).toBe(true);
      expect(s.chartVersion).toBe(v.status?.chartVersion);
      expect(s.kubernetesVersion).toBe(v.status?.kubernetesVersion);
      if (done.result.case === "response" && done.result.value.resource.case === "snapshot") {
        expect(done.result.value.resource.value.name).toBe(snapName("s1"));
        expect(snapPhase(done.result.value.resource.value)).toBe("SUCCEEDED");
      }
      const after = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(after.status!.phase)).toBe("RUNNING");
      expect(after.status?.lastSnapshot).toBe(snapName("s1"));
    });

    it("a failed snapshot is FAILED with an error, and does not become last_snapshot", async () => {
      await running();
      await snapshot("good");
      await t.control.failNextStep({ verb: OperationVerb.SNAPSHOT, message: "bucket unreachable" });
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "bad", storageUri: "s3://bucket/bad" });
      const done = await settle(t, op.name);
      expect(done.result.case).toBe("error");
      const s = await t.snapshots.getSnapshot({ name: snapName("bad") });
      expect(snapPhase(s)).toBe("FAILED");
      expect(s.error).toContain("bucket unreachable");
      const v = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.lastSnapshot).toBe(snapName("good"));
    });

    it("defaults the id to <vcluster>-<timestamp>", async () => {
      await seedVCluster(t, "dev");
      const op = await t.vclusters.snapshotVCluster({ name: NAME, storageUri: "s3://bucket/x" });
      await settle(t, op.name);
      const list = await t.snapshots.listSnapshots({ parent: PARENT });
      expect(list.snapshots).toHaveLength(1);
      const id = list.snapshots[0]!.name.split("/").pop()!;
      expect(id).toMatch(/^dev-[0-9]{8,}$/);
    });

    it("a default id stays a DNS label for a 63-character vcluster id", async () => {
      const long = `v${"x".repeat(61)}9`;
      await seedVCluster(t, long);
      const op = await t.vclusters.snapshotVCluster({ name: vcName(long), storageUri: "s3://bucket/x" });
      expect((await settle(t, op.name)).result.case).toBe("response");
      const id = (await t.snapshots.listSnapshots({ parent: PARENT })).snapshots[0]!.name.split("/").pop()!;
      expect(id.length).toBeLessThanOrEqual(63);
      expect(id).toMatch(DNS_LABEL);
    });

    it("sets expire_time from the ttl", async () => {
      await seedVCluster(t, "dev");
      const s = await snapshot("s1", { ttlSeconds: 3600n });
      expect(ms(s.expireTime) - ms(s.createTime)).toBe(3_600_000);
    });

    it("ALREADY_EXISTS for a taken snapshot id, and the vcluster is left alone", async () => {
      await seedVCluster(t, "dev");
      await seedVCluster(t, "other");
      await snapshot("s1");
      const ops = (await t.operations.listOperations({ parent: PARENT })).operations.length;
      for (const name of [NAME, vcName("other")]) {
        const err = await expectCode(
          t.vclusters.snapshotVCluster({ name, snapshotId: "s1", storageUri: "s3://bucket/again" }),
          Code.AlreadyExists,
        );
        expect(err.rawMessage).toContain(snapName("s1"));
        expect(phaseName((await phaseOf(t, name))!)).toBe("RUNNING");
      }
      expect((await t.operations.listOperations({ parent: PARENT })).operations).toHaveLength(ops);
      expect((await t.snapshots.getSnapshot({ name: snapName("s1") })).storageUri).toBe("s3://bucket/s1");
    });

    const BAD_URIS = [
      "",
      "http://bucket/key",
      "ftp://bucket/key",
      "s3://",
      "s3://B/key",
      "oci://registry-only",
      "container://relative/path",
      "/just/a/path",
    ];
    it.each(BAD_URIS)("INVALID_ARGUMENT naming storage_uri for %j", async (uri) => {
      await seedVCluster(t, "dev");
      const err = await expectCode(t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storageUri: uri }), Code.InvalidArgument);
      expect(err.rawMessage).toContain("storage_uri");
      expect(violationPaths(err)).toContain("storage_uri");
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s1") }), Code.NotFound);
    });

    const GOOD_URIS = ["s3://bucket/key", "s3://my.bucket-1", "oci://registry.example.com/team/snaps:v1", "container:///data/snap.tar.gz"];
    it.each(GOOD_URIS)("accepts %j", async (uri) => {
      await seedVCluster(t, "dev");
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storageUri: uri });
      expect((await settle(t, op.name)).result.case).toBe("response");
      expect((await t.snapshots.getSnapshot({ name: snapName("s1") })).storageUri).toBe(uri);
    });
  });

  describe("RestoreVCluster in place", () => {
    const FROM = [Phase.RUNNING, Phase.SUSPENDED].map((p) => ({ p, from: phaseName(p) }));
    it.each(FROM)("from $from: RESTORING, then back to $from", async ({ p }) => {
      await seedVCluster(t, "dev", p);
      await seedSnapshot(t, "s1", Snapshot_Phase.SUCCEEDED, NAME);
      await hold(t);
      const op = await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), target: { case: "name", value: NAME } });
      expect(op.metadata?.verb).toBe(OperationVerb.RESTORE);
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("RESTORING");
      await release(t);
      const done = await settle(t, op.name);
      expect(done.result.case).toBe("response");
      expect(phaseName((await phaseOf(t, NAME))!)).toBe(phaseName(p));
    });

    it("from a snapshot of another project: INVALID_ARGUMENT", async () => {
      await seedVCluster(t, "dev", Phase.RUNNING, { project: "other" });
      await seedSnapshot(t, "s1");
      await expectCode(
        t.vclusters.restoreVCluster({ snapshot: snapName("s1"), target: { case: "name", value: vcName("dev", "other") } }),
        Code.InvalidArgument,
      );
    });
  });

  describe("RestoreVCluster into a new vcluster (clone)", () => {
    it("creates it RESTORING, then RUNNING with the snapshot's spec", async () => {
      const source = await running();
      const s = await snapshot("s1");
      const sourceEtag = (await t.vclusters.getVCluster({ name: NAME })).etag;
      await hold(t);
      const op = await t.vclusters.restoreVCluster({
        snapshot: snapName("s1"),
        target: { case: "newVcluster", value: { parent: PARENT, vclusterId: "copy", displayName: "Copy", labels: { from: "s1" } } },
      });
      expect(op.metadata?.verb).toBe(OperationVerb.RESTORE);
      expect(op.metadata?.target).toBe(vcName("copy"));
      const during = await t.vclusters.getVCluster({ name: vcName("copy") });
      expect(phaseName(during.status!.phase)).toBe("RESTORING");
      await release(t);
      const done = await settle(t, op.name);
      expect(done.result.case).toBe("response");
      const copy = await t.vclusters.getVCluster({ name: vcName("copy") });
      expect(phaseName(copy.status!.phase)).toBe("RUNNING");
      expect(equals(VClusterSpecSchema, copy.spec!, s.vclusterSpec!)).toBe(true);
      expect(copy.status?.readyReplicas).toBe(2);
      expect(copy.displayName).toBe("Copy");
      expect(copy.labels).toEqual({ from: "s1" });
      expect(copy.uid).not.toBe(source.uid);
      expect(copy.uid).toMatch(UUID_RE);
      // The source is untouched.
      const after = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(after.status!.phase)).toBe("RUNNING");
      expect(after.etag).toBe(sourceEtag);
    });

    it("ALREADY_EXISTS when the new name is taken", async () => {
      await seedVCluster(t, "dev");
      await seedSnapshot(t, "s1", Snapshot_Phase.SUCCEEDED, NAME);
      const err = await expectCode(
        t.vclusters.restoreVCluster({ snapshot: snapName("s1"), target: { case: "newVcluster", value: { parent: PARENT, vclusterId: "dev" } } }),
        Code.AlreadyExists,
      );
      expect(err.rawMessage).toContain(NAME);
    });

    it("into another project: INVALID_ARGUMENT", async () => {
      await seedSnapshot(t, "s1");
      await expectCode(
        t.vclusters.restoreVCluster({
          snapshot: snapName("s1"),
          target: { case: "newVcluster", value: { parent: "projects/other", vclusterId: "copy" } },
        }),
        Code.InvalidArgument,
      );
      await expectCode(t.vclusters.getVCluster({ name: vcName("copy", "other") }), Code.NotFound);
    });
  });

  describe("restoring from a snapshot that is not SUCCEEDED: FAILED_PRECONDITION", () => {
    const UNUSABLE = [Snapshot_Phase.FAILED, Snapshot_Phase.PENDING, Snapshot_Phase.RUNNING, Snapshot_Phase.DELETING].map((p) => ({
      p,
      phase: Snapshot_Phase[p],
    }));
    it.each(UNUSABLE)("$phase, in place and as a clone", async ({ p, phase }) => {
      await seedVCluster(t, "dev");
      await seedSnapshot(t, "s1", p, NAME);
      const inPlace = await expectCode(
        t.vclusters.restoreVCluster({ snapshot: snapName("s1"), target: { case: "name", value: NAME } }),
        Code.FailedPrecondition,
      );
      expect(inPlace.rawMessage).toContain(phase);
      await expectCode(
        t.vclusters.restoreVCluster({ snapshot: snapName("s1"), target: { case: "newVcluster", value: { parent: PARENT, vclusterId: "copy" } } }),
        Code.FailedPrecondition,
      );
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("RUNNING");
      await expectCode(t.vclusters.getVCluster({ name: vcName("copy") }), Code.NotFound);
    });
  });

  it("deleting a vcluster keeps its snapshots, which can still be restored", async () => {
    await running();
    await snapshot("s1");
    await settle(t, (await t.vclusters.deleteVCluster({ name: NAME })).name);
    await expectCode(t.vclusters.getVCluster({ name: NAME }), Code.NotFound);
    const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
    expect(snapPhase(s)).toBe("SUCCEEDED");
    expect(s.sourceVcluster).toBe(NAME);
    const op = await t.vclusters.restoreVCluster({
      snapshot: snapName("s1"),
      target: { case: "newVcluster", value: { parent: PARENT, vclusterId: "dev" } },
    });
    expect((await settle(t, op.name)).result.case).toBe("response");
    expect(phaseName((await phaseOf(t, NAME))!)).toBe("RUNNING");
  });

  describe("GetSnapshot and ListSnapshots", () => {
    it("gets a snapshot", async () => {
      const seeded = await seedSnapshot(t, "s1");
      const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(s.name).toBe(snapName("s1"));
      expect(s.uid).toBe(seeded.uid);
      expect(snapPhase(s)).toBe("SUCCEEDED");
    });

    it("NOT_FOUND naming the snapshot", async () => {
      const err = await expectCode(t.snapshots.getSnapshot({ name: snapName("missing") }), Code.NotFound);
      expect(err.rawMessage).toContain(snapName("missing"));
    });

    it("lists the project's snapshots, filtered", async () => {
      await seedSnapshot(t, "b", Snapshot_Phase.SUCCEEDED, vcName("one"));
      await seedSnapshot(t, "a", Snapshot_Phase.FAILED, vcName("two"));
      await t.control.seed({ snapshots: [{ name: snapName("c", "other"), sourceVcluster: vcName("one", "other") }] });
      const all = await t.snapshots.listSnapshots({ parent: PARENT });
      expect(all.snapshots.map((s) => s.name)).toEqual([snapName("a"), snapName("b")]);
      expect(all.totalSize).toBe(2);
      const one = await t.snapshots.listSnapshots({ parent: PARENT, filter: `source_vcluster = "${vcName("one")}"` });
      expect(one.snapshots.map((s) => s.name)).toEqual([snapName("b")]);
      const ok = await t.snapshots.listSnapshots({ parent: PARENT, filter: "phase = SUCCEEDED" });
      expect(ok.snapshots.map((s) => s.name)).toEqual([snapName("b")]);
      expect((await t.snapshots.listSnapshots({ parent: "projects/empty" })).snapshots).toHaveLength(0);
    });
  });

  describe("DeleteSnapshot", () => {
    it("removes the snapshot", async () => {
      await seedSnapshot(t, "s1");
      const op = await t.snapshots.deleteSnapshot({ name: snapName("s1") });
      expect(op.metadata?.verb).toBe(OperationVerb.DELETE_SNAPSHOT);
      const done = await settle(t, op.name);
      expect(done.result.case === "response" && done.result.value.resource.case).toBe("empty");
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s1") }), Code.NotFound);
      expect((await t.snapshots.listSnapshots({ parent: PARENT })).snapshots).toHaveLength(0);
    });

    it("removes a FAILED snapshot", async () => {
      await seedSnapshot(t, "s1", Snapshot_Phase.FAILED);
      await settle(t, (await t.snapshots.deleteSnapshot({ name: snapName("s1") })).name);
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s1") }), Code.NotFound);
    });

    it("is refused while the snapshot is being taken", async () => {
      await seedVCluster(t, "dev");
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storageUri: "s3://bucket/s1" });
      const err = await expectCode(t.snapshots.deleteSnapshot({ name: snapName("s1") }), Code.FailedPrecondition);
      expect(err.rawMessage).toMatch(/PENDING|RUNNING/);
      await release(t);
      expect((await settle(t, op.name)).result.case).toBe("response");
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("s1") }))).toBe("SUCCEEDED");
    });

    it("is refused while a restore from it runs", async () => {
      await seedVCluster(t, "dev");
      await seedSnapshot(t, "s1", Snapshot_Phase.SUCCEEDED, NAME);
      await hold(t);
      await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), target: { case: "name", value: NAME } });
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("s1") }), Code.FailedPrecondition);
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("s1") }))).toBe("SUCCEEDED");
    });

    it("NOT_FOUND", async () => {
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("missing") }), Code.NotFound);
    });
  });

  describe("TTL", () => {
    async function gone(name: string): Promise<boolean> {
      for (let i = 0; i < 50; i++) {
        try {
          await t.snapshots.getSnapshot({ name });
        } catch {
          return true;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    }

    it("an expired snapshot is deleted by the next sweep; one without a ttl is kept", async () => {
      await seedVCluster(t, "dev");
      await t.control.freezeClock({});
      const short = await snapshot("short", { ttlSeconds: 120n });
      await snapshot("forever");
      expect(ms(short.expireTime) - ms(short.createTime)).toBe(120_000);

      // Before it expires, sweeps leave it alone.
      await t.control.advanceClock({ duration: { seconds: 119n } });
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("short") }))).toBe("SUCCEEDED");

      // Past expire_time plus one sweep interval (60 s).
      await t.control.advanceClock({ duration: { seconds: 62n } });
      expect(await gone(snapName("short"))).toBe(true);
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("forever") }))).toBe("SUCCEEDED");
    });

    it("an expired snapshot in use by a restore is kept until the restore is done", async () => {
      await seedVCluster(t, "dev");
      await t.control.freezeClock({});
      await snapshot("s1", { ttlSeconds: 60n });
      await hold(t);
      const restore = await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), target: { case: "name", value: NAME } });
      // Well past expiry (and several sweeps), but the restore still runs: the snapshot stays.
      await t.control.advanceClock({ duration: { seconds: 300n } });
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("s1") }))).toBe("SUCCEEDED");
      expect((await t.operations.getOperation({ name: restore.name })).done).toBe(false);
      await release(t);
      expect((await settle(t, restore.name)).result.case).toBe("response");
      await t.control.advanceClock({ duration: { seconds: 61n } });
      expect(await gone(snapName("s1"))).toBe(true);
    });

    it("a seeded snapshot past its expire_time is deleted too", async () => {
      const frozen = await t.control.freezeClock({});
      await t.control.seed({
        snapshots: [{ name: snapName("old"), sourceVcluster: NAME, expireTime: { seconds: frozen.now!.seconds - 10n, nanos: 0 } }],
      });
      await t.control.advanceClock({ duration: { seconds: 61n } });
      expect(await gone(snapName("old"))).toBe(true);
    });
  });
});
