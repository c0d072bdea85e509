/**
 * What every Store must do, whatever keeps the data: one suite, run against
 * MemoryStore and SqliteStore (store.test.ts). `reopen` is the same data seen
 * by a new store instance (a restart); a store that keeps nothing has none.
 */
import { create } from "@bufbuild/protobuf";
import type { Store } from "@open-vcluster/core";
import { OperationSchema, ProjectSchema, SnapshotSchema, VClusterSchema, VCluster_Phase } from "@open-vcluster/sdk";
import { describe, expect, it } from "vitest";

export interface StoreFactory {
  open(): Store;
  reopen?: () => Store;
}

const vc = (project: string, id: string, phase = VCluster_Phase.RUNNING) =>
  create(VClusterSchema, { name: `projects/${project}/vclusters/${id}`, etag: `e-${id}`, status: { phase }, spec: { controlPlane: { replicas: 1 } } });
const snap = (project: string, id: string, expire?: bigint) =>
  create(SnapshotSchema, { name: `projects/${project}/snapshots/${id}`, ...(expire !== undefined ? { expireTime: { seconds: expire } } : {}) });
const op = (project: string, id: string, done = false) => ({
  operation: create(OperationSchema, { name: `projects/${project}/operations/${id}`, done, metadata: { target: `projects/${project}/vclusters/x` } }),
  internal: { priorPhase: 2, snapshot: `projects/${project}/snapshots/s`, clone: true },
});

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    it("gets, lists by project sorted by name, replaces and deletes vclusters", () => {
      const s = factory.open();
      for (const id of ["c", "a", "b"]) s.putVCluster(vc("p1", id));
      s.putVCluster(vc("p2", "z"));
      expect(s.listVClusters("p1").map((v) => v.name.split("/").pop())).toEqual(["a", "b", "c"]);
      s.putVCluster(vc("p1", "b", VCluster_Phase.UPDATING));
      expect(s.getVCluster("projects/p1/vclusters/b")?.status?.phase).toBe(VCluster_Phase.UPDATING);
      s.deleteVCluster("projects/p1/vclusters/a");
      expect(s.getVCluster("projects/p1/vclusters/a")).toBeUndefined();
      expect(s.listVClusters("p1")).toHaveLength(2);
      expect(s.listVClusters("p2")).toHaveLength(1);
      expect(s.listVClusters("nope")).toEqual([]);
    });

    it("keeps projects sorted and snapshots with their expiring subset", () => {
      const s = factory.open();
      for (const id of ["b", "a"]) s.putProject(create(ProjectSchema, { name: `projects/${id}`, displayName: id }));
      expect(s.listProjects().map((p) => p.name)).toEqual(["projects/a", "projects/b"]);
      s.deleteProject("projects/a");
      expect(s.getProject("projects/a")).toBeUndefined();
      expect(s.getProject("projects/b")?.displayName).toBe("b");
      s.putSnapshot(snap("p", "s2", 100n));
      s.putSnapshot(snap("p", "s1"));
      expect(s.listSnapshots("p").map((x) => x.name)).toEqual(["projects/p/snapshots/s1", "projects/p/snapshots/s2"]);
      expect(s.listExpiringSnapshots().map((x) => x.name)).toEqual(["projects/p/snapshots/s2"]);
      s.putSnapshot(snap("p", "s2")); // the expire time cleared
      expect(s.listExpiringSnapshots()).toEqual([]);
      s.deleteSnapshot("projects/p/snapshots/s1");
      expect(s.listSnapshots("p")).toHaveLength(1);
    });

    it("lists operations oldest first, keeps their place on update, and finds the unfinished ones", () => {
      const s = factory.open();
      for (const id of ["o3", "o1", "o2"]) s.putOperation(op("p", id));
      s.putOperation(op("p", "o1", true));
      expect(s.listOperations("p").map((o) => o.operation.name.split("/").pop())).toEqual(["o3", "o1", "o2"]);
      expect(s.getOperation("projects/p/operations/o3")?.internal).toEqual({ priorPhase: 2, snapshot: "projects/p/snapshots/s", clone: true });
      expect(s.listUnfinishedOperations().map((o) => o.operation.name).sort()).toEqual(["projects/p/operations/o2", "projects/p/operations/o3"]);
    });

    it("remembers request ids until they expire, and the watch version", () => {
      const s = factory.open();
      s.putIdempotency({ key: "k1", fingerprint: "f", operation: "projects/p/operations/o", expireTime: 1_000 });
      s.putIdempotency({ key: "k2", fingerprint: "g", operation: "projects/p/operations/q", expireTime: 3_000 });
      expect(s.getIdempotency("k1")).toEqual({ key: "k1", fingerprint: "f", operation: "projects/p/operations/o", expireTime: 1_000 });
      s.purgeIdempotency(2_000);
      expect(s.getIdempotency("k1")).toBeUndefined();
      expect(s.getIdempotency("k2")?.fingerprint).toBe("g");
      s.setWatchVersion(41n);
      s.setWatchVersion(42n);
      expect(s.getWatchVersion()).toBe(42n);
    });

    it("rolls back every write of a transaction that throws, and keeps a committed one", () => {
      const s = factory.open();
      s.putVCluster(vc("p", "keep"));
      s.transaction(() => s.putVCluster(vc("p", "committed")));
      expect(() =>
        s.transaction(() => {
          s.putVCluster(vc("p", "keep", VCluster_Phase.FAILED));
          s.deleteVCluster("projects/p/vclusters/committed");
          s.putSnapshot(snap("p", "s"));
          s.putOperation(op("p", "o"));
          s.putIdempotency({ key: "k", fingerprint: "f", operation: "o", expireTime: 1 });
          s.transaction(() => s.putProject(create(ProjectSchema, { name: "projects/p" }))); // nested: part of the outer one
          throw new Error("boom");
        }),
      ).toThrow("boom");
      expect(s.getVCluster("projects/p/vclusters/keep")?.status?.phase).toBe(VCluster_Phase.RUNNING);
      expect(s.getVCluster("projects/p/vclusters/committed")).toBeDefined();
      expect(s.listSnapshots("p")).toEqual([]);
      expect(s.listOperations("p")).toEqual([]);
      expect(s.getIdempotency("k")).toBeUndefined();
      expect(s.getProject("projects/p")).toBeUndefined();
    });

    it("clear forgets every resource", () => {
      const s = factory.open();
      s.putVCluster(vc("p", "a"));
      s.putOperation(op("p", "o"));
      s.putProject(create(ProjectSchema, { name: "projects/p" }));
      s.clear();
      expect(s.listVClusters("p")).toEqual([]);
      expect(s.listOperations("p")).toEqual([]);
      expect(s.listProjects()).toEqual([]);
    });

    const reopen = factory.reopen;
    if (reopen) it("hands back after a restart exactly what it held", () => {
      const s = factory.open();
      const v = vc("p", "a");
      s.putVCluster(v);
      s.putOperation(op("p", "o"));
      s.putIdempotency({ key: "k", fingerprint: "f", operation: "projects/p/operations/o", expireTime: 9 });
      s.setWatchVersion(7n);
      const again = reopen();
      expect(again.getVCluster(v.name)).toEqual(v);
      expect(again.listUnfinishedOperations().map((o) => o.operation.name)).toEqual(["projects/p/operations/o"]);
      expect(again.getIdempotency("k")?.operation).toBe("projects/p/operations/o");
      expect(again.getWatchVersion()).toBe(7n);
    });
  });
}
