/**
 * Snapshots: SnapshotVCluster and the Snapshot it creates at once, default
 * ids, duplicates, storage URIs, restore in place and into a new vcluster,
 * restores from unusable snapshots, snapshots outliving their vcluster,
 * SnapshotService (get, list, delete) and expiry by TTL.
 */
import { equals, type MessageInitShape } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import {
  Condition_Status,
  OperationVerb,
  Snapshot_Phase,
  type VClusterSchema,
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
type VClusterInit = MessageInitShape<typeof VClusterSchema>;
const snapPhase = (s: Snapshot) => Snapshot_Phase[s.phase];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const s3 = (key: string) => ({ kind: { case: "s3" as const, value: { bucket: "bucket", key } } });
const container = (path: string) => ({ kind: { case: "container" as const, value: { path } } });

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
      vcluster: {
        spec: {
          kubernetesVersion: "v1.33.4",
          controlPlane: { replicas: 2 },
          backingStore: { store: { case: "embeddedEtcd", value: {} } },
          persistence: { size: "10Gi" },
        },
      },
    });
    const done = await settle(t, op.name);
    if (done.result.case !== "response") throw new Error("create failed");
    return t.vclusters.getVCluster({ name: vcName(id) });
  }

  async function snapshot(id: string, extra: { ttlSeconds?: bigint; vcluster?: string } = {}): Promise<Snapshot> {
    const op = await t.vclusters.snapshotVCluster({
      name: extra.vcluster ?? NAME,
      snapshotId: id,
      storage: s3(id),
      ...(extra.ttlSeconds ? { ttl: { seconds: extra.ttlSeconds } } : {}),
    });
    const done = await settle(t, op.name);
    if (done.result.case !== "response") throw new Error(`snapshot failed: ${done.result.value?.message}`);
    return t.snapshots.getSnapshot({ name: snapName(id) });
  }

  /** CreateVCluster from a snapshot (a clone). */
  const cloneOf = (snapshot: string, id = "copy", vcluster: VClusterInit = {}, parent = PARENT) =>
    t.vclusters.createVCluster({ parent, vclusterId: id, vcluster, sourceSnapshot: snapshot });

  describe("SnapshotVCluster", () => {
    it("creates the Snapshot at once; its phase follows the operation to SUCCEEDED", async () => {
      const v = await running();
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({
        name: NAME,
        snapshotId: "s1",
        storage: s3("s1"),
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
      // The vcluster keeps its phase; the Snapshotting condition names the snapshot.
      const busy = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(busy.status!.phase)).toBe("RUNNING");
      expect(busy.status?.currentOperation).toBe("");
      const cond = busy.status?.conditions.find((c) => c.type === "Snapshotting");
      expect(cond?.status).toBe(Condition_Status.TRUE);
      expect(cond?.message).toContain(snapName("s1"));

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
      expect(after.status?.conditions.find((c) => c.type === "Snapshotting")?.status).toBe(Condition_Status.FALSE);
      expect(s.durable).toBe(true);
      expect(s.storage?.kind.case).toBe("s3");
    });

    it("a failed snapshot is FAILED with an error, and does not become last_snapshot", async () => {
      await running();
      await snapshot("good");
      await t.control.failNextStep({ verb: OperationVerb.SNAPSHOT, message: "bucket unreachable" });
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "bad", storage: s3("bad") });
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
      const op = await t.vclusters.snapshotVCluster({ name: NAME, storage: s3("x") });
      await settle(t, op.name);
      const list = await t.snapshots.listSnapshots({ parent: PARENT });
      expect(list.snapshots).toHaveLength(1);
      const id = list.snapshots[0]!.name.split("/").pop()!;
      expect(id).toMatch(/^dev-[0-9]{8,}$/);
    });

    it("a default id stays a DNS label for the longest (51-character) vcluster id", async () => {
      const long = `v${"x".repeat(49)}9`;
      await seedVCluster(t, long);
      const op = await t.vclusters.snapshotVCluster({ name: vcName(long), storage: s3("x") });
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
          t.vclusters.snapshotVCluster({ name, snapshotId: "s1", storage: s3("again") }),
          Code.AlreadyExists,
        );
        expect(err.rawMessage).toContain(snapName("s1"));
        expect(phaseName((await phaseOf(t, name))!)).toBe("RUNNING");
      }
      expect((await t.operations.listOperations({ parent: PARENT })).operations).toHaveLength(ops);
      expect((await t.snapshots.getSnapshot({ name: snapName("s1") })).storageUri).toBe("s3://bucket/s1");
    });

    const BAD_STORAGE = [
      { what: "no storage", storage: undefined, path: "storage" },
      { what: "an s3 bucket without a key", storage: { kind: { case: "s3" as const, value: { bucket: "bucket", key: "" } } }, path: "storage.s3.key" },
      { what: "an upper-case bucket", storage: { kind: { case: "s3" as const, value: { bucket: "B", key: "k" } } }, path: "storage.s3.bucket" },
      { what: "a key with ?", storage: { kind: { case: "s3" as const, value: { bucket: "bucket", key: "k?region=x" } } }, path: "storage.s3.key" },
      { what: "an oci registry without repository", storage: { kind: { case: "oci" as const, value: { repository: "registry-only" } } }, path: "storage.oci.repository" },
      { what: "a relative container path", storage: container("relative/path"), path: "storage.container.path" },
    ];
    it.each(BAD_STORAGE)("INVALID_ARGUMENT naming the field for $what", async ({ storage, path }) => {
      await seedVCluster(t, "dev");
      const err = await expectCode(
        t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", ...(storage ? { storage } : {}) }),
        Code.InvalidArgument,
      );
      expect(violationPaths(err).join(" ")).toContain(path);
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s1") }), Code.NotFound);
    });

    const GOOD_STORAGE = [
      { storage: s3("vclusters/dev.tar.gz"), uri: "s3://bucket/vclusters/dev.tar.gz", durable: true },
      {
        storage: { kind: { case: "s3" as const, value: { bucket: "my.bucket-1", key: "k", region: "eu-west-1", endpoint: "https://minio:9000", credentials: { name: "aws" } } } },
        uri: "s3://my.bucket-1/k",
        durable: true,
      },
      { storage: { kind: { case: "oci" as const, value: { repository: "registry.example.com/team/snaps", tag: "v1" } } }, uri: "oci://registry.example.com/team/snaps:v1", durable: true },
      { storage: { kind: { case: "oci" as const, value: { repository: "ghcr.io/acme/snaps" } } }, uri: "oci://ghcr.io/acme/snaps:s1", durable: true },
      { storage: { kind: { case: "azure" as const, value: { account: "acct1", container: "snaps", blob: "dev/s1.tar.gz" } } }, uri: "azure://acct1/snaps/dev/s1.tar.gz", durable: true },
      { storage: container("/data/snap.tar.gz"), uri: "container:///data/snap.tar.gz", durable: false },
    ];
    it.each(GOOD_STORAGE)("accepts $uri (durable: $durable) and echoes the storage", async ({ storage, uri, durable }) => {
      await seedVCluster(t, "dev");
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage });
      expect((await settle(t, op.name)).result.case).toBe("response");
      const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(s.storageUri).toBe(uri);
      expect(s.durable).toBe(durable);
      expect(s.storage?.kind.case).toBe(storage.kind.case);
      expect(s.storage?.kind.value).toMatchObject(storage.kind.value);
    });

    it("is legal while SUSPENDED, which the vcluster stays", async () => {
      await seedVCluster(t, "dev", Phase.SUSPENDED);
      const s = await snapshot("s1");
      expect(snapPhase(s)).toBe("SUCCEEDED");
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("SUSPENDED");
    });

    it("one snapshot at a time: a second is FAILED_PRECONDITION naming the first", async () => {
      await seedVCluster(t, "dev");
      await hold(t);
      const first = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: s3("s1") });
      const err = await expectCode(t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s2", storage: s3("s2") }), Code.FailedPrecondition);
      expect(err.rawMessage).toContain(snapName("s1"));
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s2") }), Code.NotFound);
      await release(t);
      expect((await settle(t, first.name)).result.case).toBe("response");
      await snapshot("s2");
    });

    it("does not block Scale, Update or Suspend, and its end keeps the phase they set", async () => {
      await running();
      await hold(t);
      const snap = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: s3("s1") });
      const scale = await t.vclusters.scaleVCluster({ name: NAME, replicas: 3 });
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("SCALING");
      await release(t);
      expect((await settle(t, snap.name)).result.case).toBe("response");
      expect((await settle(t, scale.name)).result.case).toBe("response");
      const v = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.spec?.controlPlane?.replicas).toBe(3);
      expect(v.status?.lastSnapshot).toBe(snapName("s1"));

      await hold(t);
      const snap2 = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s2", storage: s3("s2") });
      const update = await t.vclusters.updateVCluster({ vcluster: { name: NAME, spec: { controlPlane: { replicas: 1 } } }, updateMask: { paths: ["spec.control_plane.replicas"] } });
      await release(t);
      await settle(t, update.name);
      await settle(t, snap2.name);
      await hold(t);
      const snap3 = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s3", storage: s3("s3") });
      const suspend = await t.vclusters.suspendVCluster({ name: NAME });
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("SUSPENDING");
      await release(t);
      expect((await settle(t, suspend.name)).result.case).toBe("response");
      await settle(t, snap3.name);
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("SUSPENDED");
    });

    it("a cancelled snapshot is FAILED and leaves the vcluster's phase alone", async () => {
      await seedVCluster(t, "dev");
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: s3("s1") });
      await t.operations.cancelOperation({ name: op.name });
      await release(t);
      await settle(t, op.name);
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("s1") }))).toBe("FAILED");
      const v = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(v.status!.phase)).toBe("RUNNING");
      expect(v.status?.conditions.find((c) => c.type === "Snapshotting")?.status).toBe(Condition_Status.FALSE);
    });

    it("DeleteVCluster while a snapshot uploads: FAILED_PRECONDITION, and a forced delete makes the snapshot FAILED", async () => {
      await seedVCluster(t, "dev");
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: s3("s1") });
      const err = await expectCode(t.vclusters.deleteVCluster({ name: NAME }), Code.FailedPrecondition);
      expect(err.rawMessage).toContain(snapName("s1"));
      const del = await t.vclusters.deleteVCluster({ name: NAME, force: true });
      await release(t);
      await settle(t, del.name);
      const done = await settle(t, op.name);
      expect(done.result.case).toBe("error");
      const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(snapPhase(s)).toBe("FAILED");
      expect(s.error).toContain("forced delete");
    });
  });

  describe("RestoreVCluster in place", () => {
    const FROM = [Phase.RUNNING, Phase.SUSPENDED].map((p) => ({ p, from: phaseName(p) }));
    it.each(FROM)("from $from: RESTORING, then back to $from", async ({ p }) => {
      await seedVCluster(t, "dev", p);
      await seedSnapshot(t, "s1", Snapshot_Phase.SUCCEEDED, NAME);
      await hold(t);
      const op = await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: NAME });
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
        t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: vcName("dev", "other") }),
        Code.InvalidArgument,
      );
    });
  });

  describe("CreateVCluster with source_snapshot (clone)", () => {

    it("creates it RESTORING, then RUNNING with the snapshot's spec and the request's fields over it", async () => {
      const source = await running();
      const s = await snapshot("s1");
      const sourceEtag = (await t.vclusters.getVCluster({ name: NAME })).etag;
      await hold(t);
      const op = await cloneOf(snapName("s1"), "copy", { displayName: "Copy", labels: { from: "s1" }, spec: { controlPlane: { replicas: 1 } } });
      expect(op.metadata?.verb).toBe(OperationVerb.CREATE);
      expect(op.metadata?.target).toBe(vcName("copy"));
      const during = await t.vclusters.getVCluster({ name: vcName("copy") });
      expect(phaseName(during.status!.phase)).toBe("RESTORING");
      await release(t);
      const done = await settle(t, op.name);
      expect(done.result.case === "response" && done.result.value.resource.case).toBe("vcluster");
      const copy = await t.vclusters.getVCluster({ name: vcName("copy") });
      expect(phaseName(copy.status!.phase)).toBe("RUNNING");
      expect(copy.spec?.controlPlane?.replicas).toBe(1);
      expect(copy.spec?.backingStore?.store.case).toBe("embeddedEtcd");
      expect(copy.spec?.kubernetesVersion).toBe(s.vclusterSpec?.kubernetesVersion);
      expect(copy.spec?.persistence?.size).toBe("10Gi");
      expect(copy.displayName).toBe("Copy");
      expect(copy.labels).toEqual({ from: "s1" });
      expect(copy.uid).not.toBe(source.uid);
      expect(copy.uid).toMatch(UUID_RE);
      const after = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(after.status!.phase)).toBe("RUNNING");
      expect(after.etag).toBe(sourceEtag);
    });

    it("without spec fields the clone's spec is the snapshot's", async () => {
      await running();
      const s = await snapshot("s1");
      expect((await settle(t, (await cloneOf(snapName("s1"))).name)).result.case).toBe("response");
      const copy = await t.vclusters.getVCluster({ name: vcName("copy") });
      expect(equals(VClusterSpecSchema, copy.spec!, s.vclusterSpec!)).toBe(true);
    });

    it("validate_only answers without creating anything", async () => {
      await seedSnapshot(t, "s1");
      const op = await t.vclusters.createVCluster({ parent: PARENT, vclusterId: "copy", vcluster: {}, sourceSnapshot: snapName("s1"), validateOnly: true });
      expect(op.done).toBe(true);
      expect(op.name).toBe("");
      await expectCode(t.vclusters.getVCluster({ name: vcName("copy") }), Code.NotFound);
    });

    it("ALREADY_EXISTS when the new name is taken", async () => {
      await seedVCluster(t, "dev");
      await seedSnapshot(t, "s1", Snapshot_Phase.SUCCEEDED, NAME);
      const err = await expectCode(cloneOf(snapName("s1"), "dev"), Code.AlreadyExists);
      expect(err.rawMessage).toContain(NAME);
    });

    it("NOT_FOUND for a missing snapshot", async () => {
      const err = await expectCode(cloneOf(snapName("missing")), Code.NotFound);
      expect(err.rawMessage).toContain(snapName("missing"));
      await expectCode(t.vclusters.getVCluster({ name: vcName("copy") }), Code.NotFound);
    });

    it("from a snapshot of another project: INVALID_ARGUMENT naming source_snapshot", async () => {
      await seedSnapshot(t, "s1");
      const err = await expectCode(cloneOf(snapName("s1"), "copy", {}, "projects/other"), Code.InvalidArgument);
      expect(err.rawMessage).toContain("source_snapshot");
      await expectCode(t.vclusters.getVCluster({ name: vcName("copy", "other") }), Code.NotFound);
    });

    it("from a container snapshot: FAILED_PRECONDITION (not durable)", async () => {
      await seedVCluster(t, "dev");
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: container("/data/s1.tar.gz") });
      await settle(t, op.name);
      const err = await expectCode(cloneOf(snapName("s1")), Code.FailedPrecondition);
      expect(err.rawMessage).toContain("container");
      await expectCode(t.vclusters.getVCluster({ name: vcName("copy") }), Code.NotFound);
    });

    it("a cancelled clone is FAILED", async () => {
      await seedSnapshot(t, "s1");
      await hold(t);
      const op = await cloneOf(snapName("s1"));
      await t.operations.cancelOperation({ name: op.name });
      await release(t);
      await settle(t, op.name);
      expect(phaseName((await phaseOf(t, vcName("copy")))!)).toBe("FAILED");
    });

    it("the snapshot cannot be deleted while a clone from it runs", async () => {
      await seedSnapshot(t, "s1");
      await hold(t);
      await cloneOf(snapName("s1"));
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("s1") }), Code.FailedPrecondition);
    });
  });

  describe("container snapshots", () => {
    it("restore in place only into their own vcluster: FAILED_PRECONDITION for another", async () => {
      await seedVCluster(t, "dev");
      await seedVCluster(t, "other");
      await settle(t, (await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: container("/data/s1") })).name);
      const err = await expectCode(t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: vcName("other") }), Code.FailedPrecondition);
      expect(err.rawMessage).toContain("container");
      expect((await settle(t, (await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: NAME })).name)).result.case).toBe("response");
    });

    it("are deleted with their vcluster; durable ones are kept", async () => {
      await seedVCluster(t, "dev");
      await settle(t, (await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "local", storage: container("/data/l") })).name);
      await snapshot("remote");
      await settle(t, (await t.vclusters.deleteVCluster({ name: NAME })).name);
      await expectCode(t.snapshots.getSnapshot({ name: snapName("local") }), Code.NotFound);
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("remote") }))).toBe("SUCCEEDED");
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
      const inPlace = await expectCode(t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: NAME }), Code.FailedPrecondition);
      expect(inPlace.rawMessage).toContain(phase);
      const asClone = await expectCode(cloneOf(snapName("s1")), Code.FailedPrecondition);
      expect(asClone.rawMessage).toContain(phase);
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("RUNNING");
      await expectCode(t.vclusters.getVCluster({ name: vcName("copy") }), Code.NotFound);
    });
  });

  it("deleting a vcluster keeps its durable snapshots, which can still seed a new one", async () => {
    await running();
    await snapshot("s1");
    await settle(t, (await t.vclusters.deleteVCluster({ name: NAME })).name);
    await expectCode(t.vclusters.getVCluster({ name: NAME }), Code.NotFound);
    const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
    expect(snapPhase(s)).toBe("SUCCEEDED");
    expect(s.sourceVcluster).toBe(NAME);
    const op = await cloneOf(snapName("s1"), "dev");
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

    it("validate_only checks and deletes nothing", async () => {
      await seedSnapshot(t, "s1");
      const op = await t.snapshots.deleteSnapshot({ name: snapName("s1"), validateOnly: true });
      expect(op.done).toBe(true);
      expect(op.name).toBe("");
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("s1") }))).toBe("SUCCEEDED");
      await seedSnapshot(t, "s2", Snapshot_Phase.RUNNING);
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("s2"), validateOnly: true }), Code.FailedPrecondition);
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("missing"), validateOnly: true }), Code.NotFound);
    });

    it("removes a FAILED snapshot", async () => {
      await seedSnapshot(t, "s1", Snapshot_Phase.FAILED);
      await settle(t, (await t.snapshots.deleteSnapshot({ name: snapName("s1") })).name);
      await expectCode(t.snapshots.getSnapshot({ name: snapName("s1") }), Code.NotFound);
    });

    it("is refused while the snapshot is being taken", async () => {
      await seedVCluster(t, "dev");
      await hold(t);
      const op = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: s3("s1") });
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
      await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: NAME });
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("s1") }), Code.FailedPrecondition);
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("s1") }))).toBe("SUCCEEDED");
    });

    it("NOT_FOUND", async () => {
      await expectCode(t.snapshots.deleteSnapshot({ name: snapName("missing") }), Code.NotFound);
    });
  });

  describe("UpdateSnapshot", () => {
    it("changes labels and expire_time (mask implied from the set fields), refreshing etag and update_time", async () => {
      const frozen = await t.control.freezeClock({});
      const before = await seedSnapshot(t, "s1");
      await t.control.advanceClock({ duration: { seconds: 5n } });
      const expire = { seconds: frozen.now!.seconds + 3600n, nanos: 0 };
      const out = await t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), labels: { keep: "yes" }, expireTime: expire } });
      expect(out.labels).toEqual({ keep: "yes" });
      expect(out.expireTime?.seconds).toBe(expire.seconds);
      expect(out.etag).not.toBe(before.etag);
      expect(ms(out.updateTime)).toBeGreaterThan(ms(before.updateTime ?? before.createTime));
      const got = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(got.labels).toEqual({ keep: "yes" });
      expect(got.etag).toBe(out.etag);
    });

    it("an explicit mask changes only its fields; clearing expire_time keeps the snapshot", async () => {
      const frozen = await t.control.freezeClock({});
      await seedSnapshot(t, "s1");
      await t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), labels: { a: "1" }, expireTime: { seconds: frozen.now!.seconds + 120n, nanos: 0 } } });
      const out = await t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), labels: { b: "2" } }, updateMask: { paths: ["expire_time"] } });
      expect(out.expireTime).toBeUndefined();
      expect(out.labels).toEqual({ a: "1" });
      await t.control.advanceClock({ duration: { seconds: 300n } });
      expect(snapPhase(await t.snapshots.getSnapshot({ name: snapName("s1") }))).toBe("SUCCEEDED");
    });

    it("a new expire_time is followed by the sweeper", async () => {
      const frozen = await t.control.freezeClock({});
      await seedSnapshot(t, "s1");
      await t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), expireTime: { seconds: frozen.now!.seconds + 30n, nanos: 0 } } });
      await t.control.advanceClock({ duration: { seconds: 61n } });
      let gone = false;
      for (let i = 0; i < 50 && !gone; i++) {
        gone = await t.snapshots.getSnapshot({ name: snapName("s1") }).then(() => false, () => true);
        if (!gone) await new Promise((r) => setTimeout(r, 20));
      }
      expect(gone).toBe(true);
    });

    it("INVALID_ARGUMENT for an expire_time in the past, another mask path, or nothing to update", async () => {
      const frozen = await t.control.freezeClock({});
      await seedSnapshot(t, "s1");
      const past = await expectCode(
        t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), expireTime: { seconds: frozen.now!.seconds - 1n, nanos: 0 } } }),
        Code.InvalidArgument,
      );
      expect(past.rawMessage).toContain("expire_time");
      const path = await expectCode(
        t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), storageUri: "s3://x/y" }, updateMask: { paths: ["storage_uri"] } }),
        Code.InvalidArgument,
      );
      expect(path.rawMessage).toContain("update_mask");
      await expectCode(t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1") } }), Code.InvalidArgument);
    });

    it("ABORTED for a stale etag, NOT_FOUND for a missing snapshot, FAILED_PRECONDITION while DELETING", async () => {
      await seedSnapshot(t, "s1");
      await expectCode(t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), etag: "stale", labels: { a: "1" } } }), Code.Aborted);
      await expectCode(t.snapshots.updateSnapshot({ snapshot: { name: snapName("missing"), labels: { a: "1" } } }), Code.NotFound);
      await seedSnapshot(t, "s2", Snapshot_Phase.DELETING);
      const err = await expectCode(t.snapshots.updateSnapshot({ snapshot: { name: snapName("s2"), labels: { a: "1" } } }), Code.FailedPrecondition);
      expect(err.rawMessage).toContain("DELETING");
    });

    it("validate_only returns the result and changes nothing", async () => {
      const before = await seedSnapshot(t, "s1");
      const out = await t.snapshots.updateSnapshot({ snapshot: { name: snapName("s1"), labels: { a: "1" } }, validateOnly: true });
      expect(out.labels).toEqual({ a: "1" });
      const got = await t.snapshots.getSnapshot({ name: snapName("s1") });
      expect(got.labels).toEqual(before.labels);
      expect(got.etag).toBe(before.etag);
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
      const restore = await t.vclusters.restoreVCluster({ snapshot: snapName("s1"), name: NAME });
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
