/**
 * Starting a server process and waiting for its readiness line, as
 * ovc-mock prints it: "... listening on http://HOST:PORT".
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { REPO_ROOT } from "./report.mjs";

const READY = /listening on (http:\/\/\S+:\d+)\n/;

/**
 * Spawns `node ...args` and resolves once a stdout line says it is listening.
 * @returns {Promise<{ child: import("node:child_process").ChildProcess, url: string, ms: number, stop: () => Promise<void> }>}
 *   ms: from just before spawn() to the line; stop() kills it (SIGKILL unless given another signal) and waits for its exit
 */
export function spawnListening(args, { timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], cwd: REPO_ROOT });
    const exited = new Promise((r) => child.once("exit", r));
    const stop = async (signal = "SIGKILL") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    };
    let out = "";
    let err = "";
    let ready = false;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`node ${args.join(" ")}: not listening after ${timeoutMs} ms\n${out}${err}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      if (ready) return;
      out += chunk;
      const m = READY.exec(out);
      if (m) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, url: m[1], ms: performance.now() - start, stop });
      }
    });
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`node ${args.join(" ")} exited (${signal ?? code}) before listening:\n${out}${err}`));
    });
  });
}
