// Finds the control-plane binaries that build/build.sh put in the cache.
// build.sh owns the cache key (versions + wrapper-module hash), so we ask it
// for the directory instead of recomputing the key here.
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = fileURLToPath(new URL("..", import.meta.url));
export const buildScript = join(packageDir, "build", "build.sh");

export interface Binaries {
  binDir: string;
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kwok: string;
  helm: string;
  /** kwok's stages (node-initialize, heartbeat, pod-ready/complete/delete), written by build.sh. */
  kwokConfig: string;
}

/** OVC_K8S_BIN_DIR overrides the cache lookup (e.g. binaries built elsewhere). */
export function locateBinaries(binDir = process.env.OVC_K8S_BIN_DIR): Binaries {
  const dir =
    binDir ??
    (() => {
      try {
        return execFileSync("bash", [buildScript, "--print-bin-dir"], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        }).trim();
      } catch (err) {
        const stderr = (err as { stderr?: string }).stderr ?? String(err);
        throw new Error(`cannot locate the test control plane binaries: ${stderr.trim()}`);
      }
    })();
  const bins: Binaries = {
    binDir: dir,
    etcd: join(dir, "etcd"),
    kubeApiserver: join(dir, "kube-apiserver"),
    kubeControllerManager: join(dir, "kube-controller-manager"),
    kubeScheduler: join(dir, "kube-scheduler"),
    kwok: join(dir, "kwok"),
    helm: join(dir, "helm"),
    kwokConfig: join(dir, "..", "etc", "kwok.yaml"),
  };
  for (const [name, path] of Object.entries(bins)) {
    if (name === "binDir") continue;
    accessSync(path, name === "kwokConfig" ? constants.R_OK : constants.X_OK);
  }
  return bins;
}
