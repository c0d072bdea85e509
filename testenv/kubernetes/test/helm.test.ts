// helm upgrade --install of the project's fixture chart (the vcluster chart's
// object shape) and helm uninstall, against the real API server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORAGE_CLASS } from "../src/index.js";
import { createNamespace, eventually, helmIn, kubeConfig, statusCode } from "./helpers.js";

const chart = fileURLToPath(new URL("../fixtures/chart", import.meta.url));
const kc = kubeConfig();
const core = kc.makeApiClient(k8s.CoreV1Api);
const apps = kc.makeApiClient(k8s.AppsV1Api);
const release = "vc1";

describe("helm with the fixture chart", () => {
  let namespace: string;
  let home: string;
  let helm: ReturnType<typeof helmIn>;

  beforeAll(async () => {
    namespace = await createNamespace(core, "smoke-helm");
    home = mkdtempSync(join(tmpdir(), "ovc-helm-"));
    helm = helmIn(home);
  });

  afterAll(async () => {
    if (namespace) await core.deleteNamespace({ name: namespace });
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("upgrade --install creates the vcluster-shaped objects and waits for them", async () => {
    await helm(
      "upgrade", "--install", release, chart,
      "--namespace", namespace,
      "--set", "controlPlane.statefulSet.highAvailability.replicas=1",
      "--wait", "--timeout", "60s",
    );
    const sts = await apps.listNamespacedStatefulSet({ namespace, labelSelector: `app=vcluster,release=${release}` });
    expect(sts.items.map((s) => s.metadata?.name)).toEqual([release]);
    expect(sts.items[0]?.status?.readyReplicas).toBe(1);
    const services = (await core.listNamespacedService({ namespace })).items.map((s) => s.metadata?.name).sort();
    expect(services).toEqual([release, `${release}-headless`]);
    const svc = await core.readNamespacedService({ name: release, namespace });
    expect(svc.spec?.clusterIP).toMatch(/^10\.0\.0\./);
    expect(svc.spec?.ports?.[0]).toMatchObject({ port: 443, targetPort: 8443 });
    await core.readNamespacedServiceAccount({ name: `vc-${release}`, namespace });
    const secret = await core.readNamespacedSecret({ name: `vc-config-${release}`, namespace });
    const config = Buffer.from(secret.data?.["config.yaml"] ?? "", "base64").toString("utf8");
    expect(config).toContain("highAvailability");
    const pod = await core.readNamespacedPod({ name: `${release}-0`, namespace });
    expect(pod.status?.phase).toBe("Running");
    expect(pod.spec?.serviceAccountName).toBe(`vc-${release}`);
    // persistence on (the chart default): PVC data-<name>-0 from the default StorageClass
    const pvc = await core.readNamespacedPersistentVolumeClaim({ name: `data-${release}-0`, namespace });
    expect(pvc.status?.phase).toBe("Bound");
    expect(pvc.spec?.storageClassName).toBe(STORAGE_CLASS);

    const list = JSON.parse(await helm("list", "--namespace", namespace, "--output", "json")) as {
      name: string;
      status: string;
      revision: string;
    }[];
    expect(list).toMatchObject([{ name: release, status: "deployed", revision: "1" }]);
  });

  it("a second upgrade --install changes the release in place", async () => {
    await helm(
      "upgrade", "--install", release, chart,
      "--namespace", namespace,
      "--set", "controlPlane.statefulSet.highAvailability.replicas=2",
      "--wait", "--timeout", "60s",
    );
    const sts = await apps.readNamespacedStatefulSet({ name: release, namespace });
    expect(sts.spec?.replicas).toBe(2);
    expect(sts.status?.readyReplicas).toBe(2);
    const history = JSON.parse(await helm("history", release, "--namespace", namespace, "--output", "json")) as unknown[];
    expect(history).toHaveLength(2);
  });

  it("uninstall removes every object of the release", async () => {
    await helm("uninstall", release, "--namespace", namespace, "--wait", "--timeout", "60s");
    const gone = async (read: () => Promise<unknown>) => {
      try {
        await read();
        return false;
      } catch (err) {
        if (statusCode(err) === 404) return true;
        throw err;
      }
    };
    await eventually("release objects deleted", async () =>
      (
        await Promise.all([
          gone(() => apps.readNamespacedStatefulSet({ name: release, namespace })),
          gone(() => core.readNamespacedService({ name: release, namespace })),
          gone(() => core.readNamespacedService({ name: `${release}-headless`, namespace })),
          gone(() => core.readNamespacedServiceAccount({ name: `vc-${release}`, namespace })),
          gone(() => core.readNamespacedSecret({ name: `vc-config-${release}`, namespace })),
        ])
      ).every(Boolean),
    );
    // as with the real chart, the StatefulSet's PVCs outlive the release
    const pvcs = await core.listNamespacedPersistentVolumeClaim({ namespace });
    expect(pvcs.items.map((p) => p.metadata?.name).sort()).toEqual([`data-${release}-0`, `data-${release}-1`]);
    // helm's own release record (a Secret sh.helm.release.v1.*) is gone too
    const secrets = await core.listNamespacedSecret({ namespace, labelSelector: "owner=helm" });
    expect(secrets.items).toEqual([]);
    expect(JSON.parse(await helm("list", "--namespace", namespace, "--output", "json"))).toEqual([]);
  });
});
