// Names under which the global setup publishes the control plane to test
// workers, both via vitest's provide/inject and as environment variables
// (the latter also reach child processes a test spawns, e.g. a server).
export const ENV_KUBECONFIG = "OVC_TEST_KUBECONFIG";
export const ENV_HELM = "OVC_TEST_HELM";
export const ENV_TOKEN = "OVC_TEST_ADMIN_TOKEN";
export const ENV_SERVER = "OVC_TEST_K8S_SERVER";

export interface TestControlPlaneInfo {
  kubeconfigPath: string;
  server: string;
  adminToken: string;
  helmPath: string;
  nodeName: string;
  /** PEM that verifies the API server (e.g. for kubeconfigYaml() with another token). */
  caPem: string;
}
