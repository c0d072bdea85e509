// The harness itself: a second control plane runs beside the shared one (own
// ports and dir), stop() leaves no process and no temp dir behind, and if the
// owning process is SIGKILLed (no chance to clean up) the reaper does it.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startControlPlane } from "../src/index.js";
import { apiRequest } from "../src/api.js";
import { env, eventually } from "./helpers.js";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// concurrent: each test starts its own control plane; together they take one start, not two
describe.concurrent("harness lifecycle", () => {
  it("starts a second, independent control plane and stop() cleans up everything", async () => {
    const cp = await startControlPlane();
    let stopped = false;
    try {
      expect(cp.server).not.toBe(env.server);
      const res = await apiRequest({ server: cp.server, token: cp.adminToken, ca: cp.caPem }, "GET", "/readyz");
      expect(res.status).toBe(200);
      const pids = Object.values(cp.pids);
      expect(Object.keys(cp.pids).sort()).toEqual(
        ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok"].sort(),
      );
      expect(pids.every(alive)).toBe(true);
      await cp.stop();
      stopped = true;
      expect(pids.filter(alive)).toEqual([]);
      expect(existsSync(cp.dir)).toBe(false);
    } finally {
      if (!stopped) await cp.stop();
    }
  });

  it("a SIGKILLed owner's processes and temp dir are reaped", async () => {
    const pkg = fileURLToPath(new URL("..", import.meta.url));
    const child = spawn(join(pkg, "node_modules/.bin/tsx"), ["bin/k8s-env.ts"], {
      cwd: pkg,
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      const kubeconfig = await eventually("KUBECONFIG line", async () => /^KUBECONFIG=(.+)$/m.exec(out)?.[1], 60_000);
      const dir = dirname(kubeconfig);
      const pgids = readFileSync(join(dir, "pgids"), "utf8").trim().split("\n").map(Number);
      expect(pgids).toHaveLength(5);
      expect(pgids.every(alive)).toBe(true);
      // kill the node process running the harness (tsx's child), not just tsx
      const harness = await eventually("harness pid", async () => findChildPid(child.pid!));
      process.kill(harness, "SIGKILL");
      await eventually("components reaped", async () => pgids.every((p) => !alive(p)), 15_000);
      await eventually("temp dir removed", async () => !existsSync(dir), 5_000);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

/** The first child of pid (via /proc), i.e. the node process tsx started. */
async function findChildPid(pid: number): Promise<number | undefined> {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}
