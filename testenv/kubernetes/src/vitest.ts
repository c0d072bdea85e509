// Helpers for test files running under the global setup.
import { inject } from "vitest";
import { readFileSync } from "node:fs";
import { FAKE_NODE_NAME } from "./controlplane.js";
import { ENV_HELM, ENV_KUBECONFIG, ENV_SERVER, ENV_TOKEN, type TestControlPlaneInfo } from "./env.js";
import "./global-setup.js"; // for the ProvidedContext type augmentation

export type { TestControlPlaneInfo } from "./env.js";

/** The shared test control plane; throws if the global setup did not run. */
export function getTestControlPlane(): TestControlPlaneInfo {
  const provided = inject("ovcK8s") as TestControlPlaneInfo | undefined;
  if (provided) return provided;
  const kubeconfigPath = process.env[ENV_KUBECONFIG];
  if (!kubeconfigPath) {
    throw new Error(
      "no test control plane: add globalSetupPath from @open-vcluster/testenv-kubernetes to vitest's test.globalSetup",
    );
  }
  return {
    kubeconfigPath,
    server: process.env[ENV_SERVER] ?? "",
    adminToken: process.env[ENV_TOKEN] ?? "",
    helmPath: process.env[ENV_HELM] ?? "helm",
    nodeName: FAKE_NODE_NAME,
    caPem: caFromKubeconfig(kubeconfigPath),
  };
}

function caFromKubeconfig(path: string): string {
  // the harness writes JSON (valid YAML) kubeconfigs
  const kc = JSON.parse(readFileSync(path, "utf8")) as {
    clusters: { cluster: { "certificate-authority-data": string } }[];
  };
  return Buffer.from(kc.clusters[0]?.cluster["certificate-authority-data"] ?? "", "base64").toString("utf8");
}

/** Absolute path of an admin kubeconfig for the shared test control plane. */
export function getTestKubeconfig(): string {
  return getTestControlPlane().kubeconfigPath;
}
