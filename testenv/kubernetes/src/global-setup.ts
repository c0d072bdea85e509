// Vitest global setup: one control plane per test run, shared by every test
// file. Tests get it through inject("ovcK8s") (see ./vitest.ts) or the
// OVC_TEST_* environment variables. The returned teardown stops it; the
// process-exit hook and the reaper in processes.ts cover crashes and Ctrl-C.
import type { TestProject } from "vitest/node";
import { startControlPlane } from "./controlplane.js";
import { ENV_HELM, ENV_KUBECONFIG, ENV_SERVER, ENV_TOKEN, type TestControlPlaneInfo } from "./env.js";

declare module "vitest" {
  export interface ProvidedContext {
    ovcK8s: TestControlPlaneInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const cp = await startControlPlane({
    log: (m) => process.stderr.write(`[k8s-env] ${m}\n`),
  });
  process.stderr.write(`[k8s-env] KUBECONFIG=${cp.kubeconfigPath} (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  const info: TestControlPlaneInfo = {
    kubeconfigPath: cp.kubeconfigPath,
    server: cp.server,
    adminToken: cp.adminToken,
    helmPath: cp.binaries.helm,
    nodeName: cp.nodeName,
    caPem: cp.caPem,
  };
  project.provide("ovcK8s", info);
  process.env[ENV_KUBECONFIG] = cp.kubeconfigPath;
  process.env[ENV_HELM] = cp.binaries.helm;
  process.env[ENV_TOKEN] = cp.adminToken;
  process.env[ENV_SERVER] = cp.server;
  return async () => {
    await cp.stop();
    const rss = cp.peakRssKiB();
    const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
    process.stderr.write(
      `[k8s-env] stopped; peak RSS of the control plane ${mib(rss.total)} (` +
        Object.entries(rss.byName)
          .map(([name, kib]) => `${name} ${mib(kib)}`)
          .join(", ") +
        ")\n",
    );
  };
}
