/**
 * ProjectService (create, get, list, update, delete and their error paths)
 * and the NOT_FOUND of an unknown project: with auto-creation off (as on
 * ovc-server) every service names the project; with it on (ovc-mock's
 * default) a mutation creates it and a read sees it as empty.
 */
import { Code } from "@connectrpc/connect";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectCode, reset } from "./phases.js";
import { TARGETS, createRunning, settle, type Target } from "./targets.js";

describe.each(TARGETS)("$name", (kind) => {
  describe("ProjectService", () => {
    let t: Target;
    beforeAll(async () => {
      t = await kind.start();
    });
    afterAll(() => t.close());
    beforeEach(() => reset(t));

    it("creates, gets, lists, updates and deletes a project", async () => {
      const created = await t.projects.createProject({
        projectId: "demo",
        project: { displayName: "Demo", labels: { team: "a" }, quota: { maxVclusters: 3 } },
      });
      expect(created.name).toBe("projects/demo");
      expect(created.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.displayName).toBe("Demo");
      expect(created.quota?.maxVclusters).toBe(3);
      expect(created.usage).toMatchObject({ vclusters: 0, controlPlaneCpu: "0", controlPlaneMemory: "0", snapshots: 0 });
      expect(created.etag).not.toBe("");
      const got = await t.projects.getProject({ name: "projects/demo" });
      expect(got.etag).toBe(created.etag);
      expect(got.createTime).toEqual(created.createTime);

      // No mask: the fields set in the request change, the rest stays.
      const renamed = await t.projects.updateProject({ project: { name: "projects/demo", displayName: "Renamed" } });
      expect(renamed.displayName).toBe("Renamed");
      expect(renamed.labels).toEqual({ team: "a" });
      expect(renamed.quota?.maxVclusters).toBe(3);
      expect(renamed.etag).not.toBe(created.etag);
      // A mask path inside the quota changes that limit only; labels can be cleared by naming them.
      const masked = await t.projects.updateProject({
        project: { name: "projects/demo", quota: { maxSnapshots: 5 } },
        updateMask: { paths: ["quota.max_snapshots", "labels"] },
      });
      expect(masked.quota).toMatchObject({ maxVclusters: 3, maxSnapshots: 5 });
      expect(masked.labels).toEqual({});

      await t.projects.deleteProject({ name: "projects/demo", etag: masked.etag });
      await expectCode(t.projects.getProject({ name: "projects/demo" }), Code.NotFound, /^project "projects\/demo" not found$/);
    });

    it("refuses a taken id, an unknown project, a stale etag and a bad mask", async () => {
      const p = await t.projects.createProject({ projectId: "demo" });
      expect(p.displayName).toBe("demo");
      await expectCode(t.projects.createProject({ projectId: "demo" }), Code.AlreadyExists, /project "projects\/demo" already exists/);
      await expectCode(t.projects.createProject({ projectId: "Bad_Id" }), Code.InvalidArgument, /project_id/);
      await expectCode(t.projects.createProject({ projectId: "x", project: { quota: { maxControlPlaneCpu: "lots" } } }), Code.InvalidArgument, /max_control_plane_cpu/);
      await expectCode(t.projects.getProject({ name: "projects/nope" }), Code.NotFound, /project "projects\/nope" not found/);
      await expectCode(t.projects.updateProject({ project: { name: "projects/nope", displayName: "x" } }), Code.NotFound);
      await expectCode(t.projects.deleteProject({ name: "projects/nope" }), Code.NotFound);
      await expectCode(t.projects.updateProject({ project: { name: "projects/demo", displayName: "x", etag: "stale" } }), Code.Aborted, /etag/);
      await expectCode(t.projects.deleteProject({ name: "projects/demo", etag: "stale" }), Code.Aborted, /etag/);
      await expectCode(
        t.projects.updateProject({ project: { name: "projects/demo" }, updateMask: { paths: ["uid"] } }),
        Code.InvalidArgument,
        /update_mask: "uid" cannot be updated/,
      );
      await expectCode(
        t.projects.updateProject({ project: { name: "projects/demo" }, updateMask: { paths: ["quota.nope"] } }),
        Code.InvalidArgument,
        /update_mask: unknown field "nope"/,
      );
      expect((await t.projects.getProject({ name: "projects/demo" })).etag).toBe(p.etag);
    });

    it("validate_only checks everything and changes nothing", async () => {
      const would = await t.projects.createProject({ projectId: "demo", project: { displayName: "D" }, validateOnly: true });
      expect(would.name).toBe("projects/demo");
      expect(would.displayName).toBe("D");
      await expectCode(t.projects.getProject({ name: "projects/demo" }), Code.NotFound);
      const p = await t.projects.createProject({ projectId: "demo" });
      await expectCode(t.projects.createProject({ projectId: "demo", validateOnly: true }), Code.AlreadyExists);
      const updated = await t.projects.updateProject({ project: { name: "projects/demo", displayName: "New" }, validateOnly: true });
      expect(updated.displayName).toBe("New");
      expect((await t.projects.getProject({ name: "projects/demo" })).displayName).toBe("demo");
      await t.projects.deleteProject({ name: "projects/demo", validateOnly: true });
      expect((await t.projects.getProject({ name: "projects/demo" })).etag).toBe(p.etag);
      await createRunning(t, "dev", "demo");
      await expectCode(t.projects.deleteProject({ name: "projects/demo", validateOnly: true }), Code.FailedPrecondition);
    });

    it("refuses to delete a project with vclusters or snapshots", async () => {
      await t.projects.createProject({ projectId: "demo" });
      await createRunning(t, "dev", "demo");
      await expectCode(
        t.projects.deleteProject({ name: "projects/demo" }),
        Code.FailedPrecondition,
        /cannot delete project "projects\/demo": it still has 1 vcluster\(s\) and 0 snapshot\(s\)/,
      );
      // Durable storage: a `container` snapshot would be deleted with its vcluster (DeleteVCluster).
      const snap = await t.vclusters.snapshotVCluster({ name: "projects/demo/vclusters/dev", snapshotId: "s1", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "s1" } } } });
      await settle(t, snap.name);
      await settle(t, (await t.vclusters.deleteVCluster({ name: "projects/demo/vclusters/dev" })).name);
      await expectCode(t.projects.deleteProject({ name: "projects/demo" }), Code.FailedPrecondition, /0 vcluster\(s\) and 1 snapshot\(s\)/);
      await settle(t, (await t.snapshots.deleteSnapshot({ name: "projects/demo/snapshots/s1" })).name);
      await t.projects.deleteProject({ name: "projects/demo" });
    });

    it("lists projects by name, filtered and a page at a time", async () => {
      for (const id of ["c", "a", "b", "d"]) {
        await t.projects.createProject({ projectId: id, project: { labels: { tier: id < "c" ? "low" : "high" } } });
      }
      const first = await t.projects.listProjects({ pageSize: 3 });
      expect(first.projects.map((p) => p.name)).toEqual(["projects/a", "projects/b", "projects/c"]);
      expect(first.nextPageToken).not.toBe("");
      const second = await t.projects.listProjects({ pageSize: 3, pageToken: first.nextPageToken });
      expect(second.projects.map((p) => p.name)).toEqual(["projects/d"]);
      expect(second.nextPageToken).toBe("");
      const high = await t.projects.listProjects({ filter: "labels.tier = high" });
      expect(high.projects.map((p) => p.name)).toEqual(["projects/c", "projects/d"]);
      const named = await t.projects.listProjects({ filter: 'display_name = "b"' });
      expect(named.projects.map((p) => p.name)).toEqual(["projects/b"]);
      await expectCode(t.projects.listProjects({ filter: "phase = RUNNING" }), Code.InvalidArgument, /filter/);
      await expectCode(t.projects.listProjects({ pageSize: 3, pageToken: first.nextPageToken, filter: "labels.tier = high" }), Code.InvalidArgument, /page_token/);
    });
  });

  describe("unknown projects, auto-creation off", () => {
    let t: Target;
    beforeAll(async () => {
      t = await kind.start({ autoCreateProjects: false });
    });
    afterAll(() => t.close());
    beforeEach(() => reset(t));

    it("answers NOT_FOUND naming the project on every service", async () => {
      const missing = /^project "projects\/typo" not found$/;
      await expectCode(t.vclusters.createVCluster({ parent: "projects/typo", vclusterId: "dev", vcluster: {} }), Code.NotFound, missing);
      await expectCode(t.vclusters.createVCluster({ parent: "projects/typo", vclusterId: "dev", vcluster: {}, validateOnly: true }), Code.NotFound, missing);
      await expectCode(t.vclusters.getVCluster({ name: "projects/typo/vclusters/dev" }), Code.NotFound, missing);
      await expectCode(t.vclusters.listVClusters({ parent: "projects/typo" }), Code.NotFound, missing);
      await expectCode(t.vclusters.deleteVCluster({ name: "projects/typo/vclusters/dev" }), Code.NotFound, missing);
      await expectCode(t.vclusters.scaleVCluster({ name: "projects/typo/vclusters/dev", replicas: 1 }), Code.NotFound, missing);
      await expectCode(t.vclusters.getVClusterUsage({ name: "projects/typo/vclusters/dev/usage" }), Code.NotFound, missing);
      await expectCode(t.snapshots.getSnapshot({ name: "projects/typo/snapshots/s" }), Code.NotFound, missing);
      await expectCode(t.snapshots.listSnapshots({ parent: "projects/typo" }), Code.NotFound, missing);
      await expectCode(t.operations.getOperation({ name: "projects/typo/operations/op-1" }), Code.NotFound, missing);
      await expectCode(t.operations.listOperations({ parent: "projects/typo" }), Code.NotFound, missing);
      const stream = t.vclusters.watchVClusters({ parent: "projects/typo" });
      await expectCode(async () => {
        for await (const _ of stream) void _;
      }, Code.NotFound, missing);
      expect((await t.projects.listProjects({})).projects).toEqual([]);
    });

    it("works once the project exists, and a seed brings its projects", async () => {
      await t.projects.createProject({ projectId: "real" });
      const v = await createRunning(t, "dev", "real");
      expect(v.name).toBe("projects/real/vclusters/dev");
      await t.control.seed({ vclusters: [{ name: "projects/seeded/vclusters/web" }] });
      expect((await t.vclusters.getVCluster({ name: "projects/seeded/vclusters/web" })).name).toBe("projects/seeded/vclusters/web");
      expect((await t.projects.getProject({ name: "projects/seeded" })).displayName).toBe("seeded");
    });
  });

  describe("unknown projects, auto-creation on (ovc-mock's default)", () => {
    let t: Target;
    beforeAll(async () => {
      t = await kind.start();
    });
    afterAll(() => t.close());
    beforeEach(() => reset(t));

    it("creates a project on its first mutation; reads see an empty project", async () => {
      expect((await t.vclusters.listVClusters({ parent: "projects/fresh" })).vclusters).toEqual([]);
      await expectCode(t.vclusters.getVCluster({ name: "projects/fresh/vclusters/dev" }), Code.NotFound, /vcluster "projects\/fresh\/vclusters\/dev" not found/);
      await expectCode(t.projects.getProject({ name: "projects/fresh" }), Code.NotFound);
      // validate_only changes nothing, so it creates no project either.
      await t.vclusters.createVCluster({ parent: "projects/fresh", vclusterId: "dev", vcluster: {}, validateOnly: true });
      await expectCode(t.projects.getProject({ name: "projects/fresh" }), Code.NotFound);
      await createRunning(t, "dev", "fresh");
      const p = await t.projects.getProject({ name: "projects/fresh" });
      expect(p.displayName).toBe("fresh");
      expect(p.usage).toMatchObject({ vclusters: 1, controlPlaneCpu: "200m", controlPlaneMemory: "256Mi" });
    });
  });
});
