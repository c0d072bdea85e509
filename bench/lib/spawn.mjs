/**
 * Starting a server process and waiting for its readiness line, as
 * ovc-mock prints it: "... listening on http://HOST:PORT".
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { REPO_ROOT } from "./report.mjs";

const READY = /listening on (http:\/\/\S+:\d+)\n/;

/**
 * Spawns `node ...args` and resolves once a stdout line says it is listening.
 * @returns {Promise<{ child: import("node:child_process").ChildProcess, url: string, ms: number, cpuMs: number, stop: () => Promise<void> }>}
 *   ms: wall time from just before spawn() to the line; cpuMs: the CPU time the
 *   process had used by then, all threads (Linux only, else NaN), which a busy
 *   machine inflates much less than wall time; stop() kills it (SIGKILL unless
 *   given another signal) and waits for its exit
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
        const ms = performance.now() - start;
        resolve({ child, url: m[1], ms, cpuMs: cpuTimeMs(child.pid), stop });
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

/** CPU time used so far by every thread of process `pid`, in ms, from /proc/PID/task/TID/schedstat (ns on CPU); NaN where there is no /proc. */
export function cpuTimeMs(pid) {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    }
    return ns / 1e6;
  } catch {
    return NaN;
  }
}
