#!/usr/bin/env node
/**
 * CreateVCluster against ovc-server over HTTP (Connect, HTTP/1.1), on the
 * SQLite store next to the memory store in the same run, batches
 * interleaved so both see the same machine load. Every create is answered
 * after its transaction commits (synchronous=FULL: on disk), while the
 * simulated driver's steps keep writing progress in the background, as in
 * production. Reports creates/s (per batch, median) and the latency
 * percentiles of single calls.
 *
 * No target yet (issue 9 asks for the numbers); not part of `make test`.
 *
 *   node bench/server-create-sqlite.mjs [--rounds 5] [--calls 400] [--concurrency 8] [--latency 50]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { importEsm } from "./lib/deps.mjs";
import { fmt, parseOptions, progress, report, REPO_ROOT } from "./lib/report.mjs";
import { breathe, interleave } from "./lib/runner.mjs";
import { median, summarize } from "./lib/stats.mjs";

const opts = parseOptions({ rounds: 5, warmup: 1, calls: 400, concurrency: 8, latency: 50 });

const SERVER = path.join(REPO_ROOT, "packages/server");
const FROM = path.join(SERVER, "node_modules");
const { createClient } = await importEsm("@connectrpc/connect", FROM);
const { createConnectTransport } = await importEsm("@connectrpc/connect-node", FROM);
const { VClusterService } = await importEsm("@open-vcluster/sdk", FROM);
const { startServer } = await import(pathToFileURL(path.join(SERVER, "dist/esm/index.js")).href);

const dataDir = mkdtempSync(path.join(tmpdir(), "ovc-bench-sqlite-"));
const servers = {
  sqlite: await startServer({ port: 0, store: "sqlite", dataDir, latencyMs: opts.latency }),
  memory: await startServer({ port: 0, store: "memory", latencyMs: opts.latency }),
};

let next = 0;
/** One batch: `calls` creates from `concurrency` clients at once; each call timed (µs). */
function batch(server) {
  const client = createClient(VClusterService, createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }));
  return async () => {
    const times = [];
    let left = opts.calls;
    const started = performance.now();
    const worker = async () => {
      while (left-- > 0) {
        const t0 = performance.now();
        await client.createVCluster({ parent: "projects/default", vclusterId: `vc-${++next}`, vcluster: {} });
        times.push((performance.now() - t0) * 1000);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const perSecond = opts.calls / ((performance.now() - started) / 1000);
    await breathe();
    return { times, perSecond };
  };
}

const LABEL = { sqlite: "CreateVCluster, SQLite store (WAL, synchronous=FULL)", memory: "CreateVCluster, memory store" };
const batches = await interleave(
  { [LABEL.sqlite]: batch(servers.sqlite), [LABEL.memory]: batch(servers.memory) },
  { rounds: opts.rounds, warmup: opts.warmup, onRound: (r) => progress(`round ${r + 1}/${opts.rounds}`) },
);
for (const s of Object.values(servers)) await s.close();
rmSync(dataDir, { recursive: true, force: true });

const rows = Object.values(LABEL).map((label) => {
  const t = summarize(batches[label].flatMap((b) => b.times));
  return [label, fmt(median(batches[label].map((b) => b.perSecond)), "/s", 0), fmt(t.median / 1000, "ms", 2), fmt(t.p99 / 1000, "ms", 2), String(t.n)];
});
report({
  title: "CreateVCluster throughput: SQLite vs memory store",
  what: `${opts.calls} creates per batch from ${opts.concurrency} concurrent clients, ${opts.rounds} interleaved rounds; simulated driver latency ${opts.latency} ms.`,
  headers: ["", "creates/s (median batch)", "median", "p99", "calls"],
  rows,
  targets: [],
  notes: ["No target yet: the numbers are reported for issue 9."],
  check: opts.check,
});
