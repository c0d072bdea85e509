// Authentication and RBAC are real: a ServiceAccount token (issued by the
// TokenRequest API, signed with the harness's key) is denied until a Role
// grants it; an unknown token is rejected outright.
import * as k8s from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNamespace, eventually, kubeConfig, kubeConfigWithToken, statusCode } from "./helpers.js";

const kc = kubeConfig();
const core = kc.makeApiClient(k8s.CoreV1Api);
const rbac = kc.makeApiClient(k8s.RbacAuthorizationV1Api);

async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    const code = statusCode(err);
    if (code === undefined) throw err;
    return code;
  }
}

describe("RBAC", () => {
  let namespace: string;
  let token: string;

  beforeAll(async () => {
    namespace = await createNamespace(core, "smoke-rbac");
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: "nobody" } } });
    const tr = await core.createNamespacedServiceAccountToken({
      name: "nobody",
      namespace,
      body: { spec: { audiences: [], expirationSeconds: 600 } },
    });
    token = tr.status?.token ?? "";
    expect(token).not.toBe("");
  });

  afterAll(async () => {
    if (namespace) await core.deleteNamespace({ name: namespace });
  });

  it("authenticates the token but denies it without rights (403)", async () => {
    const asNobody = kubeConfigWithToken(token).makeApiClient(k8s.CoreV1Api);
    expect(await codeOf(asNobody.listNamespacedPod({ namespace }))).toBe(403);
    expect(await codeOf(asNobody.listNamespacedSecret({ namespace: "kube-system" }))).toBe(403);
    expect(await codeOf(asNobody.createNamespace({ body: { metadata: { name: "not-allowed" } } }))).toBe(403);
  });

  it("allows exactly what a RoleBinding grants", async () => {
    await rbac.createNamespacedRole({
      namespace,
      body: {
        metadata: { name: "pod-reader" },
        rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["list"] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: "nobody-reads-pods" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" },
        subjects: [{ kind: "ServiceAccount", name: "nobody", namespace }],
      },
    });
    const asNobody = kubeConfigWithToken(token).makeApiClient(k8s.CoreV1Api);
    // RBAC is served from an informer cache: allow a moment for the binding.
    await eventually("pods list allowed", async () => (await codeOf(asNobody.listNamespacedPod({ namespace }))) === 200, 15_000);
    expect(await codeOf(asNobody.listNamespacedSecret({ namespace }))).toBe(403);
    expect(await codeOf(asNobody.listNamespacedPod({ namespace: "kube-system" }))).toBe(403);
  });

  it("rejects an unknown token (401)", async () => {
    const asStranger = kubeConfigWithToken("not-a-valid-token").makeApiClient(k8s.CoreV1Api);
    expect(await codeOf(asStranger.listNamespacedPod({ namespace }))).toBe(401);
  });
});
