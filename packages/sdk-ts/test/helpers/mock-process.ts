/**
 * A real ovc-mock process on a free port, as users run it: the CLI the
 * mock-server build produces, spawned with node, its URL read from the one
 * line it prints. The SDK cannot depend on @open-vcluster/mock-server (that
 * package depends on the SDK: a cycle turbo refuses), so the built file is
 * found by path; build it first (`pnpm turbo run build --filter=@open-vcluster/mock-server...`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const OVC_MOCK = `${REPO_ROOT}packages/mock-server/dist/bin/ovc-mock.mjs`;
const OVC_SERVER = `${REPO_ROOT}packages/server/dist/esm/bin/ovc-server.js`;
const START_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** ovc-mock on 127.0.0.1 and a free port. */
export function startMockProcess(args: string[] = []): Promise<ServerProcess> {
  return startProcess(OVC_MOCK, args, /ovc-mock listening on (http:\/\/\S+)/);
}

/** ovc-server (simulated driver) on 127.0.0.1 and a free port. */
export function startServerProcess(args: string[] = []): Promise<ServerProcess> {
  return startProcess(OVC_SERVER, args, /listening on (http:\/\/\S+)/);
}

function startProcess(script: string, args: string[], line: RegExp): Promise<ServerProcess> {
  if (!existsSync(script)) throw new Error(`${script} is missing: build it first (pnpm turbo run build)`);
  const child = spawn(process.execPath, [script, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not start in ${START_TIMEOUT_MS} ms; stderr: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${String(code)}; stderr: ${stderr}`));
    });
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      const m = line.exec(stdout);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => stop(child) });
      }
    });
  });
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
