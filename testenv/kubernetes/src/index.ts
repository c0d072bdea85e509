// Public entry: start a real control plane in-process, or point vitest at
// globalSetupPath to get one per test run (read it in tests with
// getTestKubeconfig() from "@open-vcluster/testenv-kubernetes/vitest").
import { fileURLToPath } from "node:url";

export { startControlPlane, FAKE_NODE_NAME, SERVICE_CIDR, POD_CIDR } from "./controlplane.js";
export type { ControlPlane, ControlPlaneOptions } from "./controlplane.js";
export { locateBinaries, buildScript } from "./binaries.js";
export type { Binaries } from "./binaries.js";
export { kubeconfigYaml } from "./kubeconfig.js";
export { ENV_KUBECONFIG, ENV_HELM, ENV_TOKEN, ENV_SERVER } from "./env.js";

/** Absolute path of the vitest global setup module (use in vitest.config `test.globalSetup`). */
export const globalSetupPath = fileURLToPath(new URL("./global-setup.ts", import.meta.url));
