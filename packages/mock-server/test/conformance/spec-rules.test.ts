/**
 * The spec rules of API v1 over every transport: HA needs a backing store
 * (Create, Update, Scale), immutable fields, listed and normalized versions
 * (no downgrade, no skipped minor), values_override parsing and deny list,
 * sync and exposure rules, host namespace and host cluster, GetServerConfig
 * and HostClusterService.
 */
import { Code } from "@connectrpc/connect";
import { Exposure_Type, SyncRule_Mode, VCluster_Phase as Phase } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PARENT, expectCode, reset, seedVCluster, vcName, type SpecInit } from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const NAME = vcName("dev");
const ETCD = { store: { case: "embeddedEtcd" as const, value: {} } };

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  const createSpec = (spec: SpecInit, id = "dev") => t.vclusters.createVCluster({ parent: PARENT, vclusterId: id, vcluster: { spec } });
  const updateSpec = (spec: SpecInit, paths: string[]) => t.vclusters.updateVCluster({ vcluster: { name: NAME, spec }, updateMask: { paths } });
  const BOTH = /spec\.control_plane\.replicas.*spec\.backing_store/;

  describe("HA backing store", () => {
    it("Create with replicas > 1 on the embedded database is INVALID_ARGUMENT naming both fields", async () => {
      await expectCode(createSpec({ controlPlane: { replicas: 3 } }), Code.InvalidArgument, BOTH);
      await expectCode(createSpec({ controlPlane: { replicas: 2 }, backingStore: { store: { case: "embeddedDatabase", value: {} } } }), Code.InvalidArgument, BOTH);
    });
    it("Create with replicas > 1 on etcd succeeds", async () => {
      const op = await createSpec({ controlPlane: { replicas: 3 }, backingStore: ETCD });
      await settle(t, op.name);
      const v = await t.vclusters.getVCluster({ name: NAME });
      expect(v.status?.phase).toBe(Phase.RUNNING);
      expect(v.status?.readyReplicas).toBe(3);
    });
    it("Update to replicas > 1 without a backing store is INVALID_ARGUMENT naming both fields", async () => {
      await seedVCluster(t, "dev", Phase.RUNNING, { spec: { controlPlane: { replicas: 1 } } });
      await expectCode(updateSpec({ controlPlane: { replicas: 3 } }, ["spec.control_plane.replicas"]), Code.InvalidArgument, BOTH);
    });
    it("Scale to replicas > 1 against a stored embedded database is INVALID_ARGUMENT naming both fields; with etcd it scales", async () => {
      await seedVCluster(t, "dev", Phase.RUNNING, { spec: { controlPlane: { replicas: 1 } } });
      await expectCode(t.vclusters.scaleVCluster({ name: NAME, replicas: 3 }), Code.InvalidArgument, BOTH);
      await seedVCluster(t, "ha", Phase.RUNNING, { spec: { controlPlane: { replicas: 1 }, backingStore: ETCD } });
      const op = await t.vclusters.scaleVCluster({ name: vcName("ha"), replicas: 3 });
      await settle(t, op.name);
      expect((await t.vclusters.getVCluster({ name: vcName("ha") })).spec?.controlPlane?.replicas).toBe(3);
    });
  });

  describe("immutable fields", () => {
    const seeded: SpecInit = {
      kubernetesVersion: "v1.34.6",
      persistence: { enabled: true, size: "5Gi" },
      networking: { serviceCidr: "10.96.0.0/12", podCidr: "10.244.0.0/16" },
      backingStore: ETCD,
      hostNamespace: "team-a",
      hostCluster: "hostClusters/default",
    };
    const cases: { field: string; spec: SpecInit; paths: string[] }[] = [
      { field: "spec.persistence", spec: { persistence: { enabled: false } }, paths: ["spec.persistence"] },
      { field: "spec.persistence", spec: { persistence: { enabled: true, size: "10Gi" } }, paths: ["spec.persistence.size"] },
      { field: "spec.networking.service_cidr", spec: { networking: { serviceCidr: "10.100.0.0/16" } }, paths: ["spec.networking.service_cidr"] },
      { field: "spec.networking.pod_cidr", spec: { networking: { serviceCidr: "10.96.0.0/12", podCidr: "10.0.0.0/16" } }, paths: ["spec.networking"] },
      { field: "spec.backing_store", spec: { backingStore: { store: { case: "deployedEtcd", value: {} } } }, paths: ["spec.backing_store"] },
      { field: "spec.host_namespace", spec: { hostNamespace: "team-b" }, paths: ["spec.host_namespace"] },
      { field: "spec.host_cluster", spec: {}, paths: ["spec.host_cluster"] },
      // A whole-spec update that leaves them out changes them too.
      { field: "spec.persistence", spec: { kubernetesVersion: "v1.34.6" }, paths: ["spec"] },
    ];
    for (const c of cases) {
      it(`an update of ${c.field} by ${c.paths.join(",")} is INVALID_ARGUMENT naming it`, async () => {
        await seedVCluster(t, "dev", Phase.RUNNING, { spec: seeded });
        const err = await expectCode(updateSpec(c.spec, c.paths), Code.InvalidArgument, /immutable/);
        expect(err.rawMessage.startsWith(`${c.field}:`), err.rawMessage).toBe(true);
      });
    }
    it("`*` with the same immutable values is accepted", async () => {
      await seedVCluster(t, "dev", Phase.RUNNING, { spec: seeded });
      const op = await updateSpec({ ...seeded, kubernetesVersion: "1.35" }, ["*"]);
      await settle(t, op.name);
      expect((await t.vclusters.getVCluster({ name: NAME })).spec?.kubernetesVersion).toBe("v1.35.3");
    });
  });

  describe("versions", () => {
    it("stores the version normalized, `1.33` resolving to the newest listed patch", async () => {
      await settle(t, (await createSpec({ kubernetesVersion: "1.33" })).name);
      const v = await t.vclusters.getVCluster({ name: NAME });
      expect(v.spec?.kubernetesVersion).toBe("v1.33.10");
      expect(v.status?.kubernetesVersion).toBe("v1.33.10");
      await settle(t, (await createSpec({ kubernetesVersion: "v1.34.6" }, "other")).name);
      expect((await t.vclusters.getVCluster({ name: vcName("other") })).spec?.kubernetesVersion).toBe("v1.34.6");
    });
    it("an unset version stays unset and runs the chart default", async () => {
      await settle(t, (await createSpec({})).name);
      const v = await t.vclusters.getVCluster({ name: NAME });
      expect(v.spec?.kubernetesVersion).toBeUndefined();
      expect(v.status?.kubernetesVersion).toBe("v1.36.0");
      expect(v.status?.chartVersion).toBe("0.36.1");
    });
    it("an unlisted Kubernetes or chart version is INVALID_ARGUMENT listing the supported ones", async () => {
      await expectCode(createSpec({ kubernetesVersion: "1.30" }), Code.InvalidArgument, /spec\.kubernetes_version: .*"1\.30".*supported: v1\.36\.0, v1\.35\.3/);
      await expectCode(createSpec({ kubernetesVersion: "1.33.99" }), Code.InvalidArgument, /spec\.kubernetes_version/);
      await expectCode(createSpec({ chartVersion: "0.20.0" }), Code.InvalidArgument, /spec\.chart_version: .*"0\.20\.0".*supported: 0\.36\.1/);
    });
    it("an update may not downgrade or skip a minor, and names both versions", async () => {
      await seedVCluster(t, "dev", Phase.RUNNING, { spec: { kubernetesVersion: "v1.34.6" } });
      await expectCode(updateSpec({ kubernetesVersion: "1.33" }, ["spec.kubernetes_version"]), Code.InvalidArgument, /downgrade.*v1\.34\.6.*v1\.33\.10/);
      await expectCode(updateSpec({ kubernetesVersion: "1.36" }, ["spec.kubernetes_version"]), Code.InvalidArgument, /v1\.34\.6 to v1\.36\.0.*one minor/);
      const op = await updateSpec({ kubernetesVersion: "1.35" }, ["spec.kubernetes_version"]);
      await settle(t, op.name);
      expect((await t.vclusters.getVCluster({ name: NAME })).status?.kubernetesVersion).toBe("v1.35.3");
    });
  });

  describe("values_override", () => {
    it("malformed YAML is INVALID_ARGUMENT with line and column", async () => {
      await expectCode(createSpec({ valuesOverride: "sync:\n  toHost: [a\n" }), Code.InvalidArgument, /spec\.values_override: not valid YAML at line \d+, column \d+/);
    });
    it("a top level that is not a mapping is INVALID_ARGUMENT", async () => {
      await expectCode(createSpec({ valuesOverride: "- a\n- b\n" }), Code.InvalidArgument, /spec\.values_override: the top level must be a mapping/);
      await expectCode(createSpec({ valuesOverride: "42" }), Code.InvalidArgument, /spec\.values_override: the top level must be a mapping/);
    });
    it("a denied key, or a key under one, is INVALID_ARGUMENT naming it", async () => {
      await expectCode(createSpec({ valuesOverride: "rbac:\n  clusterRole:\n    enabled: true\n" }), Code.InvalidArgument, /key "rbac\.clusterRole"/);
      await expectCode(createSpec({ valuesOverride: '{"experimental": {"deploy": {"vcluster": {"manifests": "x"}}}}' }), Code.InvalidArgument, /key "experimental\.deploy"/);
      await seedVCluster(t, "dev", Phase.RUNNING, { spec: {} });
      await expectCode(updateSpec({ valuesOverride: "plugins:\n  x: {}\n" }, ["spec.values_override"]), Code.InvalidArgument, /key "plugins"/);
    });
    it("allowed YAML and JSON are accepted", async () => {
      await settle(t, (await createSpec({ valuesOverride: "controlPlane:\n  statefulSet:\n    resources:\n      limits:\n        memory: 2Gi\n" })).name);
      await settle(t, (await createSpec({ valuesOverride: '{"rbac": {"role": {"enabled": true}}}' }, "json")).name);
      expect((await t.vclusters.getVCluster({ name: vcName("json") })).status?.phase).toBe(Phase.RUNNING);
    });
  });

  describe("sync and exposure", () => {
    it("MODE_AUTO only for the auto kinds of from_host", async () => {
      await expectCode(createSpec({ sync: { fromHost: { nodes: { mode: SyncRule_Mode.AUTO } } } }), Code.InvalidArgument, /spec\.sync\.from_host\["nodes"\]\.mode/);
      await expectCode(createSpec({ sync: { toHost: { pods: { mode: SyncRule_Mode.AUTO } } } }), Code.InvalidArgument, /spec\.sync\.to_host\["pods"\]\.mode/);
      await settle(t, (await createSpec({ sync: { fromHost: { csiDrivers: { mode: SyncRule_Mode.AUTO } } } })).name);
    });
    it("a selector only for the selector kinds of from_host", async () => {
      await expectCode(createSpec({ sync: { fromHost: { events: { mode: SyncRule_Mode.ENABLED, selector: { a: "b" } } } } }), Code.InvalidArgument, /spec\.sync\.from_host\["events"\]\.selector/);
      await settle(t, (await createSpec({ sync: { fromHost: { nodes: { mode: SyncRule_Mode.ENABLED, selector: { pool: "a" } } } } })).name);
    });
    it("ingress fields only with TYPE_INGRESS; service annotations not with it", async () => {
      await expectCode(createSpec({ exposure: { type: Exposure_Type.LOAD_BALANCER, ingressClass: "nginx" } }), Code.InvalidArgument, /spec\.exposure\.ingress_class/);
      await expectCode(createSpec({ exposure: { type: Exposure_Type.NODE_PORT, ingressTlsSecret: "tls" } }), Code.InvalidArgument, /spec\.exposure\.ingress_tls_secret/);
      await expectCode(
        createSpec({ exposure: { type: Exposure_Type.INGRESS, ingressHost: "a.example.com", serviceAnnotations: { x: "y" } } }),
        Code.InvalidArgument,
        /spec\.exposure\.service_annotations/,
      );
    });
  });

  describe("names and placement", () => {
    it("derives host namespaces that cannot collide and fit 63 characters; status has cluster and release", async () => {
      const long = `a${"b".repeat(50)}`;
      const created = [
        { project: "a-b", id: "c" },
        { project: "a", id: "b-c" },
        { project: "p", id: long },
      ];
      for (const c of created) {
        await settle(t, (await t.vclusters.createVCluster({ parent: `projects/${c.project}`, vclusterId: c.id, vcluster: {} })).name);
      }
      const got = await Promise.all(created.map((c) => t.vclusters.getVCluster({ name: vcName(c.id, c.project) })));
      const namespaces = got.map((v) => v.status?.hostNamespace ?? "");
      expect(new Set(namespaces).size).toBe(3);
      for (const ns of namespaces) {
        expect(ns.length).toBeLessThanOrEqual(63);
        expect(ns).toMatch(/^vc-[a-z0-9-]*-[0-9a-f]{10}$/);
      }
      expect(got[2]?.status?.release).toBe(long);
      expect(got[2]?.status?.hostCluster).toBe("hostClusters/default");
      expect(got[2]?.status?.apiServerEndpoint).toContain(namespaces[2]);
    });
    it("spec.host_namespace is used as given", async () => {
      await settle(t, (await createSpec({ hostNamespace: "team-a" })).name);
      expect((await t.vclusters.getVCluster({ name: NAME })).status?.hostNamespace).toBe("team-a");
    });
    it("an unknown host cluster is NOT_FOUND naming spec.host_cluster", async () => {
      await expectCode(createSpec({ hostCluster: "hostClusters/nope" }), Code.NotFound, /spec\.host_cluster: host cluster "hostClusters\/nope" not found/);
    });
  });

  describe("GetServerConfig and HostClusterService", () => {
    it("GetServerConfig lists the chart releases, defaults and denied keys", async () => {
      const c = await t.vclusters.getServerConfig({ name: "serverConfig" });
      expect(c.name).toBe("serverConfig");
      expect(c.defaultChartVersion).toBe("0.36.1");
      const release = c.chartReleases.find((r) => r.chartVersion === "0.36.1");
      expect(release?.defaultKubernetesVersion).toBe("v1.36.0");
      expect(release?.kubernetesVersions[0]).toBe("v1.36.0");
      for (const v of release?.kubernetesVersions ?? []) expect(v).toMatch(/^v1\.\d+\.\d+$/);
      expect(c.deniedValuesKeys).toContain("rbac.clusterRole");
      expect(c.backingStores).toContain("embedded_etcd");
      expect(c.storageTypes).toEqual(["s3", "oci", "azure", "container"]);
      expect(c.exposureTypes).toContain(Exposure_Type.NODE_PORT);
      expect(c.defaultHostCluster).toBe("hostClusters/default");
      await expectCode(t.vclusters.getServerConfig({ name: "other" }), Code.InvalidArgument, /name/);
    });
    it("GetHostCluster and ListHostClusters show the default host cluster", async () => {
      const h = await t.hostClusters.getHostCluster({ name: "hostClusters/default" });
      expect(h.default).toBe(true);
      expect(h.reachable).toBe(true);
      expect(h.driver).toBe("in-memory");
      const page = await t.hostClusters.listHostClusters({ pageSize: 1 });
      expect(page.hostClusters.map((x) => x.name)).toEqual(["hostClusters/default"]);
      expect(page.nextPageToken).toBe("");
      await expectCode(t.hostClusters.getHostCluster({ name: "hostClusters/nope" }), Code.NotFound);
      await expectCode(t.hostClusters.listHostClusters({ pageToken: "garbage" }), Code.InvalidArgument, /page_token/);
    });
  });
});
