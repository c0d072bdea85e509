/**
 * ovc-server's store flags as a process: state survives a graceful restart
 * in --data-dir, --store memory keeps nothing, and a database from a newer
 * ovc-server stops the start with a message saying what to do.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { VClusterService } from "@open-vcluster/sdk";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../src/store/migrations.js";
import { runServerToExit, startServerProcess, type ServerProcess } from "./support/server-process.js";

const dirs: string[] = [];
const running: ServerProcess[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) {
    p.child.kill("SIGKILL");
    await p.exited;
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "ovc-data-"));
  dirs.push(dir);
  return dir;
}

async function start(args: string[]): Promise<ServerProcess> {
  const p = await startServerProcess(["--port", "0", "--latency", "10", ...args]);
  running.push(p);
  return p;
}

async function stop(p: ServerProcess): Promise<void> {
  p.child.kill("SIGTERM");
  expect(await p.exited).toBe(0);
  running.splice(running.indexOf(p), 1);
}

const vclusters = (p: ServerProcess) => createClient(VClusterService, createConnectTransport({ baseUrl: p.url, httpVersion: "1.1" }));

describe("ovc-server --store / --data-dir", () => {
  it("keeps vclusters across a restart in --data-dir (sqlite, the default) but not with --store memory", async () => {
    const dir = tempDir();
    const first = await start(["--data-dir", dir]);
    await vclusters(first).createVCluster({ parent: "projects/default", vclusterId: "kept", vcluster: {} });
    await stop(first);
    const second = await start(["--data-dir", dir]);
    expect((await vclusters(second).getVCluster({ name: "projects/default/vclusters/kept" })).name).toBe("projects/default/vclusters/kept");
    await stop(second);

    const memory = await start(["--store", "memory", "--data-dir", dir]);
    expect((await vclusters(memory).listVClusters({ parent: "projects/default" })).vclusters).toEqual([]);
  });

  it("refuses a database written by a newer ovc-server, exiting 1 with what to do", async () => {
    const dir = tempDir();
    await stop(await start(["--data-dir", dir]));
    const db = new Database(join(dir, "ovc-server.db"));
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const { code, stderr } = await runServerToExit(["--port", "0", "--data-dir", dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`schema version ${MIGRATIONS.length + 5}`);
    expect(stderr).toContain("written by a newer ovc-server");
    expect(stderr).toContain("--data-dir");
  });

  it("rejects an unknown --store", async () => {
    const { code, stderr } = await runServerToExit(["--store", "postgres"]);
    expect(code).toBe(2);
    expect(stderr).toContain('--store: "postgres" is not one of sqlite, memory');
  });
});
