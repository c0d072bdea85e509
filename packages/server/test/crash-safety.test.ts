/**
 * Crash safety, measured: the real ovc-server on the SQLite store is killed
 * with SIGKILL at seeded random points of a stream of mutations, then
 * restarted on the same data directory. After each restart:
 *   - every acknowledged operation, vcluster and snapshot is still there;
 *   - every unfinished operation resumes and ends;
 *   - a request_id retry of an acknowledged mutation answers with the
 *     original operation (and one cut off by the kill gets a single answer);
 *   - the etag of a vcluster nothing touched is unchanged;
 *   - watch versions never go back, and resuming from the last version a
 *     client saw either fails with OUT_OF_RANGE or replays exactly the
 *     changes that lead to what List now shows.
 * OVC_CRASH_SEED picks another sequence of kill points.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { OperationService, SnapshotService, VClusterService, WatchVClustersResponse_EventType, type Operation } from "@open-vcluster/sdk";
import { afterAll, expect, it } from "vitest";
import { DATABASE_FILE, SqliteStore } from "../src/store/sqlite-store.js";
import { startServerProcess, type ServerProcess } from "./support/server-process.js";

const SEED = Number(process.env.OVC_CRASH_SEED ?? 20261202);
const KILLS = 24;
const PARENT = "projects/default";

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Clients = ReturnType<typeof clientsFor>;
function clientsFor(url: string) {
  const transport = createConnectTransport({ baseUrl: url, httpVersion: "1.1" });
  return {
    vclusters: createClient(VClusterService, transport),
    snapshots: createClient(SnapshotService, transport),
    operations: createClient(OperationService, transport),
  };
}

/** A mutation that can be sent again: same request, same request_id. */
interface Mutation {
  send: (c: Clients) => Promise<Operation>;
  /** The vcluster it acts on. */
  target: string;
  kind: "create" | "snapshot" | "delete";
  snapshot?: string;
}

interface Observed {
  version: string;
  etags: Map<string, string>;
}

const dir = mkdtempSync(join(tmpdir(), "ovc-crash-"));
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) {
    server.child.kill("SIGKILL");
    await server.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Clients> {
  server = await startServerProcess(["--port", "0", "--data-dir", dir, "--latency", "15"]);
  return clientsFor(server.url);
}

/** SIGKILL, then what the dead process left unfinished, read through the store itself. */
async function kill(): Promise<string[]> {
  server?.child.kill("SIGKILL");
  await server?.exited;
  server = undefined;
  const store = new SqliteStore(join(dir, DATABASE_FILE));
  try {
    return store.listUnfinishedOperations().map((o) => o.operation.name);
  } finally {
    store.close();
  }
}

/** Every operation of the project, through all pages. */
async function operationNames(c: Clients): Promise<Set<string>> {
  const names = new Set<string>();
  let pageToken = "";
  do {
    const page = await c.operations.listOperations({ parent: PARENT, pageSize: 500, pageToken });
    for (const op of page.operations) names.add(op.name);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return names;
}

async function list(c: Clients): Promise<Observed> {
  const res = await c.vclusters.listVClusters({ parent: PARENT, pageSize: 1000 });
  return { version: res.version, etags: new Map(res.vclusters.map((v) => [v.name, v.etag])) };
}

/** Polls until the operation is done (30 s at most): a resumed operation must end. */
async function awaitDone(c: Clients, name: string): Promise<Operation> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const op = await c.operations.getOperation({ name });
    if (op.done) return op;
    if (Date.now() > deadline) throw new Error(`${name} did not end within 30 s of the restart`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resumes a watch at `from` and checks it: OUT_OF_RANGE, or events that turn `from`'s state into List's. */
async function checkResume(c: Clients, from: Observed): Promise<"replayed" | "out-of-range"> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 30_000);
  try {
    const stream = c.vclusters.watchVClusters({ parent: PARENT, resumeVersion: from.version }, { signal: abort.signal })[Symbol.asyncIterator]();
    // Ask for the first message before listing, so the stream starts from
    // `from` while List reads the current state; read events only up to List's version.
    const first = stream.next();
    first.catch(() => {}); // handled below; this only keeps an early rejection from counting as unhandled
    const now = await list(c);
    expect(BigInt(now.version) >= BigInt(from.version), `watch version went back: ${from.version} -> ${now.version}`).toBe(true);
    const state = new Map(from.etags);
    let at = BigInt(from.version);
    let next = first;
    while (at < BigInt(now.version)) {
      let r;
      try {
        r = await next;
      } catch (err) {
        const code = ConnectError.from(err).code;
        expect(code, `resume from ${from.version}: ${String(err)}`).toBe(Code.OutOfRange);
        return "out-of-range";
      }
      if (r.done) throw new Error(`watch from ${from.version} ended before version ${now.version}`);
      const ev = r.value;
      if (ev.type === WatchVClustersResponse_EventType.BOOKMARK || ev.type === WatchVClustersResponse_EventType.SYNCED) {
        next = stream.next();
        continue;
      }
      const version = BigInt(ev.version);
      expect(version, "events are consecutive").toBe(at + 1n);
      at = version;
      const v = ev.vcluster!;
      if (ev.type === WatchVClustersResponse_EventType.DELETED) state.delete(v.name);
      else state.set(v.name, v.etag);
      next = stream.next();
    }
    expect(state, `replaying the watch from ${from.version} to ${now.version} gives List's state`).toEqual(now.etags);
    // Nothing to replay: the resume must still be accepted (`from` is the newest
    // version); an error would come at once, so a short wait tells.
    if (at === BigInt(from.version)) {
      next.catch(() => {});
      const error = await Promise.race([next.then(() => undefined, (err: unknown) => err), new Promise((r) => setTimeout(r, 200))]);
      expect(error, `resume from the current version ${from.version}`).toBeUndefined();
    }
    return "replayed";
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

it(`loses nothing acknowledged across ${KILLS} SIGKILLs (seed ${SEED})`, { timeout: 180_000 }, async () => {
  const random = prng(SEED);
  const acked = new Map<string, Mutation>(); // operation name -> the mutation that started it
  const inFlight: Mutation[] = []; // sent, unanswered when the process died
  const vclusters = new Set<string>(); // acknowledged creates
  const deleted = new Set<string>(); // acknowledged deletes
  const withSnapshots = new Set<string>();
  const snapshots = new Map<string, string>(); // acknowledged snapshot -> its vcluster
  let settledEtags = new Map<string, string>();
  let touched = new Set<string>();
  let lastSeen: Observed | undefined;
  let counter = 0;
  let unfinishedAtCrash: string[] = [];
  const stats = { acked: 0, resumedUnfinished: 0, retriedInFlight: 0, retriedAcked: 0, replayed: 0, outOfRange: 0, etagsKept: 0 };

  for (let round = 0; round <= KILLS; round++) {
    const c = await start();

    // 1. What a client knew before the kill is still right.
    if (lastSeen) {
      const verdict = await checkResume(c, lastSeen);
      stats[verdict === "replayed" ? "replayed" : "outOfRange"]++;
    }
    for (const m of inFlight.splice(0)) {
      // Cut off by the kill: the retry gets the original operation if it committed, else a new one; once.
      const again = await m.send(c).catch(() => undefined);
      if (!again) continue;
      stats.retriedInFlight++;
      expect((await m.send(c)).name, "a second retry answers like the first").toBe(again.name);
      record(m, again);
    }
    for (const name of unfinishedAtCrash) await awaitDone(c, name);
    stats.resumedUnfinished += unfinishedAtCrash.length;
    const stored = await operationNames(c);
    for (const name of acked.keys()) expect(stored.has(name), `acknowledged ${name} is there`).toBe(true);
    const ackedList = [...acked];
    for (let i = 0; i < 4 && ackedList.length > 0; i++) {
      const [name, m] = ackedList[Math.floor(random() * ackedList.length)]!;
      expect((await m.send(c)).name, `request_id retry of ${name}`).toBe(name);
      stats.retriedAcked++;
    }
    const now = await list(c);
    for (const v of vclusters) if (!deleted.has(v)) expect(now.etags.has(v), `acknowledged ${v} is there`).toBe(true);
    for (const [s, source] of snapshots) {
      // Container snapshots go with their vcluster; no test deletes a vcluster with snapshots, so all stay.
      expect(deleted.has(source)).toBe(false);
      expect((await c.snapshots.getSnapshot({ name: s })).name, `acknowledged ${s} is there`).toBe(s);
    }
    for (const [name, etag] of settledEtags) {
      if (touched.has(name)) continue;
      expect(now.etags.get(name), `untouched ${name} keeps its etag`).toBe(etag);
      stats.etagsKept++;
    }
    if (round === KILLS) break;

    // 2. A stream of mutations, cut by SIGKILL at a random point.
    const settled = await list(c);
    settledEtags = settled.etags;
    lastSeen = settled;
    touched = new Set();
    let dead = false;
    const killAt = 40 + Math.floor(random() * 260);
    const killer = new Promise<void>((resolve) =>
      setTimeout(() => {
        dead = true;
        void kill().then((names) => {
          unfinishedAtCrash = names;
          resolve();
        });
      }, killAt),
    );
    const worker = async () => {
      while (!dead) {
        const m = pick();
        if (!m) {
          try {
            const seen = await list(c);
            if (!dead) lastSeen = seen;
          } catch {
            // killed mid-list: nothing was learned
          }
          continue;
        }
        touched.add(m.target);
        try {
          const op = await m.send(c);
          record(m, op);
        } catch (err) {
          // Refused by the API (e.g. the vcluster is busy) before the kill: nothing happened.
          // After it: unknown, retried after the restart.
          if (dead || ConnectError.from(err).code === Code.Unavailable) inFlight.push(m);
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), killer]);
  }

  function record(m: Mutation, op: Operation): void {
    if (!acked.has(op.name)) stats.acked++;
    acked.set(op.name, m);
    if (m.kind === "create") vclusters.add(m.target);
    if (m.kind === "delete") deleted.add(m.target);
    if (m.kind === "snapshot" && m.snapshot) {
      snapshots.set(m.snapshot, m.target);
      withSnapshots.add(m.target);
    }
  }

  function pick(): Mutation | undefined {
    const r = random();
    const live = [...vclusters].filter((v) => !deleted.has(v));
    const requestId = randomUUID();
    if (r < 0.5 || live.length === 0) {
      const id = `vc-${++counter}`;
      return {
        kind: "create",
        target: `${PARENT}/vclusters/${id}`,
        send: (c) => c.vclusters.createVCluster({ parent: PARENT, vclusterId: id, vcluster: {}, requestId }),
      };
    }
    const target = live[Math.floor(random() * live.length)]!;
    if (r < 0.8) {
      const snapshotId = `s-${++counter}`;
      const snapshot = `${PARENT}/snapshots/${snapshotId}`;
      return { kind: "snapshot", target, snapshot, send: (c) => c.vclusters.snapshotVCluster({ name: target, snapshotId, requestId }) };
    }
    if (r < 0.9 && !withSnapshots.has(target)) {
      return { kind: "delete", target, send: (c) => c.vclusters.deleteVCluster({ name: target, requestId }) };
    }
    return undefined;
  }

  console.log(`crash-safety seed ${SEED}: ${KILLS} kills, ${JSON.stringify(stats)}`);
  expect(stats.acked).toBeGreaterThan(KILLS);
  expect(stats.resumedUnfinished, "some kills left operations unfinished, and they resumed").toBeGreaterThan(0);
  expect(stats.etagsKept).toBeGreaterThan(0);
});
