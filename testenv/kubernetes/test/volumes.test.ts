// PersistentVolumeClaims are real: the default StorageClass provisions a
// volume (kube-controller-manager's hostPath provisioner), the claim binds,
// survives scaling to 0, and deleting it deletes the volume (reclaim Delete).
import { existsSync } from "node:fs";
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORAGE_CLASS } from "../src/index.js";
import { createNamespace, eventually, kubeConfig, statusCode } from "./helpers.js";

const kc = kubeConfig();
const core = kc.makeApiClient(k8s.CoreV1Api);
const apps = kc.makeApiClient(k8s.AppsV1Api);
const storage = kc.makeApiClient(k8s.StorageV1Api);

describe("persistent volumes", () => {
  let namespace: string;

  beforeAll(async () => {
    namespace = await createNamespace(core, "smoke-pv");
  });

  afterAll(async () => {
    if (namespace) await core.deleteNamespace({ name: namespace });
  });

  it("has a default StorageClass", async () => {
    const sc = await storage.readStorageClass({ name: STORAGE_CLASS });
    expect(sc.metadata?.annotations?.["storageclass.kubernetes.io/is-default-class"]).toBe("true");
  });

  it("binds a StatefulSet's claim, keeps it at 0 replicas, deletes the volume with the claim", async () => {
    await apps.createNamespacedStatefulSet({
      namespace,
      body: {
        metadata: { name: "db" },
        spec: {
          replicas: 1,
          serviceName: "db",
          selector: { matchLabels: { app: "db" } },
          template: {
            metadata: { labels: { app: "db" } },
            spec: {
              containers: [
                { name: "c", image: "example.invalid/never-pulled:1", volumeMounts: [{ name: "data", mountPath: "/data" }] },
              ],
            },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: "data" },
              spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } } },
            },
          ],
        },
      },
    });
    const pod = await eventually("db-0 Running", async () => {
      const p = await core.readNamespacedPod({ name: "db-0", namespace });
      return p.status?.phase === "Running" ? p : undefined;
    });
    expect(pod.spec?.volumes?.find((v) => v.name === "data")?.persistentVolumeClaim?.claimName).toBe("data-db-0");
    const pvc = await core.readNamespacedPersistentVolumeClaim({ name: "data-db-0", namespace });
    expect(pvc.status?.phase).toBe("Bound");
    expect(pvc.spec?.storageClassName).toBe(STORAGE_CLASS);
    const pvName = pvc.spec?.volumeName ?? "";
    const pv = await core.readPersistentVolume({ name: pvName });
    expect(pv.spec?.capacity?.storage).toBe("5Gi");
    expect(pv.spec?.persistentVolumeReclaimPolicy).toBe("Delete");
    const hostDir = pv.spec?.hostPath?.path ?? "";
    expect(existsSync(hostDir)).toBe(true);

    await apps.patchNamespacedStatefulSet(
      { name: "db", namespace, body: { spec: { replicas: 0 } } },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch),
    );
    await eventually("db-0 gone", async () => (await core.listNamespacedPod({ namespace })).items.length === 0);
    expect((await core.readNamespacedPersistentVolumeClaim({ name: "data-db-0", namespace })).status?.phase).toBe("Bound");

    await core.deleteNamespacedPersistentVolumeClaim({ name: "data-db-0", namespace });
    await eventually("volume deleted", async () => {
      try {
        await core.readPersistentVolume({ name: pvName });
        return false;
      } catch (err) {
        return statusCode(err) === 404;
      }
    });
    expect(existsSync(hostDir)).toBe(false);
  });
});
