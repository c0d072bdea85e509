// Public entry: start a real control plane in-process, or point vitest at
// globalSetupPath to get one per test run (read it in tests with
// getTestKubeconfig() from "@open-vcluster/testenv-kubernetes/vitest").
export { startControlPlane, FAKE_NODE_NAME, SERVICE_CIDR, POD_CIDR, STORAGE_CLASS } from "./controlplane.js";
export type { ControlPlane, ControlPlaneOptions } from "./controlplane.js";
export { locateBinaries, buildScript } from "./binaries.js";
export type { Binaries } from "./binaries.js";
export { kubeconfigYaml } from "./kubeconfig.js";
export { ENV_KUBECONFIG, ENV_HELM, ENV_TOKEN, ENV_SERVER } from "./env.js";
// Absolute path of the vitest global setup module. In a vitest.config.ts import
// it from "@open-vcluster/testenv-kubernetes/global-setup-path" (plain JS).
export { globalSetupPath } from "./global-setup-path.js";
