// The control plane itself: version (set by the build's ldflags), the fake
// node, namespaces.
import { rootCertificates } from "node:tls";
import * as k8s from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { apiRequest } from "../src/api.js";
import { createNamespace, env, kubeConfig } from "./helpers.js";

const kc = kubeConfig();
const core = kc.makeApiClient(k8s.CoreV1Api);

describe("control plane", () => {
  it("reports the pinned Kubernetes version, not v0.0.0", async () => {
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.major).toBe("1");
    expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    expect(version.gitVersion).toMatch(new RegExp(`^v1\\.${version.minor}\\.`));
  });

  it("serves TLS that the published CA verifies, and is ready", async () => {
    const res = await apiRequest({ server: env.server, token: env.adminToken, ca: env.caPem }, "GET", "/readyz");
    expect(res.status).toBe(200);
    // a valid but unrelated CA must not verify it
    await expect(
      apiRequest({ server: env.server, token: env.adminToken, ca: rootCertificates[0]! }, "GET", "/readyz"),
    ).rejects.toThrow(/certificate/i);
  });

  it("has one Ready, schedulable kwok node", async () => {
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual([env.nodeName]);
    const node = nodes.items[0]!;
    expect(node.metadata?.annotations?.["kwok.x-k8s.io/node"]).toBe("fake");
    expect(node.status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("True");
    expect(node.spec?.taints ?? []).toEqual([]);
  });

  it("creates and deletes a namespace", async () => {
    const name = await createNamespace(core, "smoke-ns");
    const ns = await core.readNamespace({ name });
    expect(ns.status?.phase).toBe("Active");
    // the root-CA publisher in kube-controller-manager fills new namespaces
    await expect
      .poll(async () => (await core.listNamespacedConfigMap({ namespace: name })).items.map((c) => c.metadata?.name), {
        timeout: 30_000,
      })
      .toContain("kube-root-ca.crt");
    await core.deleteNamespace({ name });
  });
});
