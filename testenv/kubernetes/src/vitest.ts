// Helpers for test files running under the global setup.
import { inject } from "vitest";
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
    nodeName: "kwok-node-0",
  };
}

/** Absolute path of an admin kubeconfig for the shared test control plane. */
export function getTestKubeconfig(): string {
  return getTestControlPlane().kubeconfigPath;
}
