// StatefulSet lifecycle on the kwok node: 2 replicas -> 2 Running, ready pods
// (scheduler binds them, kwok reports them Running); merge-patch replicas to 0
// (what pause does) -> pods go away; a watch sees all of it.
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNamespace, env, eventually, kubeConfig } from "./helpers.js";

const kc = kubeConfig();
const core = kc.makeApiClient(k8s.CoreV1Api);
const apps = kc.makeApiClient(k8s.AppsV1Api);

interface Seen {
  type: string;
  name: string;
  phase: string | undefined;
  ready: boolean;
}

describe("StatefulSet on the fake node", () => {
  let namespace: string;
  const events: Seen[] = [];
  let watch: AbortController | undefined;
  let watchError: unknown;

  beforeAll(async () => {
    namespace = await createNamespace(core, "smoke-sts");
    watch = await new k8s.Watch(kc).watch(
      `/api/v1/namespaces/${namespace}/pods`,
      {},
      (type, obj: k8s.V1Pod) =>
        events.push({
          type,
          name: obj.metadata?.name ?? "",
          phase: obj.status?.phase,
          ready: obj.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
        }),
      (err) => {
        if (err && (err as { name?: string }).name !== "AbortError") watchError = err;
      },
    );
  });

  afterAll(async () => {
    watch?.abort();
    if (namespace) await core.deleteNamespace({ name: namespace });
  });

  it("runs 2 replicas as Running, ready pods on the kwok node", async () => {
    await apps.createNamespacedStatefulSet({
      namespace,
      body: {
        metadata: { name: "web", labels: { app: "vcluster", release: "web" } },
        spec: {
          replicas: 2,
          serviceName: "web-headless",
          podManagementPolicy: "Parallel",
          selector: { matchLabels: { app: "vcluster", release: "web" } },
          template: {
            metadata: { labels: { app: "vcluster", release: "web" } },
            spec: { containers: [{ name: "c", image: "example.invalid/never-pulled:1" }] },
          },
        },
      },
    });
    const pods = await eventually("2 running, ready pods", async () => {
      const list = await core.listNamespacedPod({ namespace, labelSelector: "app=vcluster,release=web" });
      const running = list.items.filter(
        (p) =>
          p.status?.phase === "Running" &&
          p.status.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
      );
      return running.length === 2 ? running : undefined;
    });
    expect(pods.map((p) => p.metadata?.name).sort()).toEqual(["web-0", "web-1"]);
    for (const p of pods) {
      expect(p.spec?.nodeName).toBe(env.nodeName);
      expect(p.status?.podIP).toMatch(/^10\.244\./);
    }
    const sts = await eventually("statefulset status.readyReplicas=2", async () => {
      const s = await apps.readNamespacedStatefulSet({ name: "web", namespace });
      return s.status?.readyReplicas === 2 ? s : undefined;
    });
    expect(sts.status?.replicas).toBe(2);
  });

  it("scales to 0 with a merge patch and the pods go away", async () => {
    await apps.patchNamespacedStatefulSet(
      { name: "web", namespace, body: { spec: { replicas: 0 }, metadata: { annotations: { "loft.sh/paused": "true" } } } },
      k8s.setHeaderOptions("Content-Type", k8s.PatchStrategy.MergePatch),
    );
    await eventually("no pods left", async () => {
      const list = await core.listNamespacedPod({ namespace });
      return list.items.length === 0;
    });
    const sts = await eventually("statefulset status.replicas=0", async () => {
      const s = await apps.readNamespacedStatefulSet({ name: "web", namespace });
      return (s.status?.replicas ?? 0) === 0 ? s : undefined;
    });
    expect(sts.metadata?.annotations?.["loft.sh/paused"]).toBe("true");
  });

  it("a watch saw the pods added, become Running and ready, and get deleted", async () => {
    await eventually("DELETED events for both pods", async () =>
      ["web-0", "web-1"].every((n) => events.some((e) => e.name === n && e.type === "DELETED")),
    );
    expect(watchError).toBeUndefined();
    for (const name of ["web-0", "web-1"]) {
      const mine = events.filter((e) => e.name === name);
      expect(mine[0]?.type).toBe("ADDED");
      expect(mine.some((e) => e.type === "MODIFIED" && e.phase === "Running" && e.ready)).toBe(true);
      expect(mine.at(-1)?.type).toBe("DELETED");
    }
  });
});
