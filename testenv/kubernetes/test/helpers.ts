// Shared test helpers: API clients for the shared control plane, unique
// namespaces, polling, and running helm.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import * as k8s from "@kubernetes/client-node";
import { getTestControlPlane } from "../src/vitest.js";

export const env = getTestControlPlane();

export function kubeConfig(): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(env.kubeconfigPath);
  return kc;
}

/** A KubeConfig for the same cluster but a different bearer token. */
export function kubeConfigWithToken(token: string): k8s.KubeConfig {
  const admin = kubeConfig();
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: admin.clusters,
    users: [{ name: "other", token }],
    contexts: [{ name: "other", cluster: admin.getCurrentCluster()!.name, user: "other" }],
    currentContext: "other",
  });
  return kc;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

export async function createNamespace(core: k8s.CoreV1Api, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await core.createNamespace({ body: { metadata: { name } } });
  return name;
}

/** Polls fn until it returns a truthy value; returns it. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function statusCode(err: unknown): number | undefined {
  return (err as { code?: number }).code;
}

const run = promisify(execFile);

/**
 * A helm runner for the helm binary from the build cache, pointed at the test
 * cluster, with its cache/config/data under home (the caller removes it).
 */
export function helmIn(home: string): (...args: string[]) => Promise<string> {
  return async (...args) => {
    const { stdout } = await run(env.helmPath, ["--kubeconfig", env.kubeconfigPath, ...args], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        HELM_CACHE_HOME: join(home, "cache"),
        HELM_CONFIG_HOME: join(home, "config"),
        HELM_DATA_HOME: join(home, "data"),
      },
      timeout: 120_000,
    });
    return stdout;
  };
}
