// Starts and stops the control-plane processes. Each one runs in its own
// process group (detached) with its output in <dir>/logs/<name>.log, so a
// stop can signal the whole group, and a log tail can explain a failure.
// Three layers make sure nothing outlives us:
//   1. stop(): SIGTERM, then SIGKILL after a grace period (normal path);
//   2. a synchronous SIGKILL of every group on process 'exit';
//   3. a detached reaper shell that polls our pid and, once we are gone
//      (even after SIGKILL), kills the groups and removes the temp dir.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Managed {
  name: string;
  child: ChildProcess;
  logPath: string;
  exited: Promise<number | null>;
  exitCode: number | null | undefined;
}

export class ProcessGroup {
  readonly procs: Managed[] = [];
  private reaper: ChildProcess | undefined;
  private sampler: NodeJS.Timeout | undefined;
  /** Peak resident memory (KiB) of the sum of all processes, and of each, sampled every second. */
  readonly peakRssKiB: { total: number; byName: Record<string, number> } = { total: 0, byName: {} };
  private readonly exitHook = () => this.killAllSync();

  constructor(
    private readonly dir: string,
    private readonly logsDir: string,
  ) {
    process.once("exit", this.exitHook);
  }

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Managed {
    const logPath = join(this.logsDir, `${name}.log`);
    const fd = openSync(logPath, "a");
    const child = spawn(command, args, {
      detached: true,
      stdio: ["ignore", fd, fd],
      env: { ...process.env, ...env },
    });
    closeSync(fd);
    const managed: Managed = {
      name,
      child,
      logPath,
      exitCode: undefined,
      exited: new Promise((resolve) => {
        child.once("exit", (code, signal) => {
          managed.exitCode = code ?? (signal ? -1 : null);
          resolve(code);
        });
        child.once("error", (err) => {
          writeFileSync(logPath, `spawn failed: ${err.message}\n`, { flag: "a" });
          managed.exitCode = -1;
          resolve(-1);
        });
      }),
    };
    this.procs.push(managed);
    this.updateReaper();
    this.sampler ??= setInterval(() => this.sampleRss(), 1000).unref();
    return managed;
  }

  /** Throws with the log tail if any process has exited (used while waiting for readiness). */
  assertAlive(): void {
    for (const p of this.procs) {
      if (p.exitCode !== undefined) {
        throw new Error(`${p.name} exited (code ${p.exitCode}) during startup:\n${logTail(p.logPath)}`);
      }
    }
  }

  private sampleRss(): void {
    let total = 0;
    for (const p of this.procs) {
      if (p.exitCode !== undefined || p.child.pid === undefined) continue;
      const kib = rssKiB(p.child.pid);
      total += kib;
      this.peakRssKiB.byName[p.name] = Math.max(this.peakRssKiB.byName[p.name] ?? 0, kib);
    }
    this.peakRssKiB.total = Math.max(this.peakRssKiB.total, total);
  }

  /** Graceful stop in reverse start order: SIGTERM the group, SIGKILL after graceMs. */
  async stopAll(graceMs = 5000): Promise<void> {
    this.sampleRss();
    clearInterval(this.sampler);
    for (const p of [...this.procs].reverse()) {
      if (p.child.pid === undefined) continue;
      if (p.exitCode === undefined) {
        signalGroup(p.child.pid, "SIGTERM");
        const timer = setTimeout(() => signalGroup(p.child.pid!, "SIGKILL"), graceMs);
        await p.exited;
        clearTimeout(timer);
      }
      // the leader is gone; make sure nothing it forked survives either
      signalGroup(p.child.pid, "SIGKILL");
    }
    // Fail loudly rather than leak: every group must be empty now. If one is
    // not, keep the exit hook and the reaper so it still dies with us.
    const alive = () => this.procs.filter((p) => p.child.pid !== undefined && groupAlive(p.child.pid));
    for (let i = 0; i < 20 && alive().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    const survivors = alive();
    if (survivors.length > 0) {
      throw new Error(`processes survived stop: ${survivors.map((p) => `${p.name} (pgid ${p.child.pid})`).join(", ")}`);
    }
    this.stopReaper();
    process.removeListener("exit", this.exitHook);
  }

  killAllSync(): void {
    clearInterval(this.sampler);
    for (const p of this.procs) if (p.child.pid !== undefined) signalGroup(p.child.pid, "SIGKILL");
    this.stopReaper();
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // best effort while exiting
    }
  }

  private updateReaper(): void {
    const pgids = this.procs.map((p) => p.child.pid).filter((pid): pid is number => pid !== undefined);
    const listFile = join(this.dir, "pgids");
    writeFileSync(listFile, pgids.join("\n") + "\n");
    if (this.reaper) return;
    // The reaper reads the pgid list when it fires, so it only needs starting once.
    const script = `
      parent="$1"; dir="$2"
      while kill -0 "$parent" 2>/dev/null; do sleep 1; done
      for pg in $(cat "$dir/pgids" 2>/dev/null); do kill -KILL -- "-$pg" 2>/dev/null; done
      rm -rf "$dir"`;
    this.reaper = spawn("bash", ["-c", script, "ovc-k8s-reaper", String(process.pid), this.dir], {
      detached: true,
      stdio: "ignore",
    });
    this.reaper.unref();
  }

  private stopReaper(): void {
    if (this.reaper?.pid !== undefined && this.reaper.exitCode === null) {
      signalGroup(this.reaper.pid, "SIGKILL");
    }
    this.reaper = undefined;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function rssKiB(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function logTail(path: string, lines = 30): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
