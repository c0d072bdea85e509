#!/usr/bin/env node
/**
 * WatchVClusters end to end through the API: W concurrent watch streams on
 * project `projects/bench`, one vcluster updated U times (a label change via
 * UpdateVCluster, which is metadata: no driver step). For every (update,
 * watcher) pair: the time from just before the UpdateVCluster call to that
 * watcher's `for await` body running with the MODIFIED event. The next update
 * is sent once every watcher has the previous one.
 *
 * Two transports:
 *   in-process  createMockTransport(), W streams on it
 *   http        `ovc-mock --port 0` in a child process, reached with
 *               createConnectTransport({ httpVersion: "2" }) (Connect protocol,
 *               h2c); ovc-mock allows 250 concurrent streams per HTTP/2
 *               connection, so the W streams are spread over W / per-connection
 *               transports (one connection each), plus one for the updates
 *
 * Baseline, update by update interleaved with the mock on the same transport
 * kind: Connect serving a trivial UpdateVCluster / WatchVClusters that pushes
 * a constant MODIFIED event onto each stream's queue (bench/lib/watch-baseline.mjs;
 * over HTTP in its own child process, bench/lib/watch-baseline-server.mjs).
 *
 * Target (issue 3): p99 <= 50 ms.
 *
 *   node bench/mock-watch.mjs [--watchers 1000] [--updates 50] [--transport both|in-process|http] [--per-connection 200] [--check]
 */
import { setMaxListeners } from "node:events";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { OVC_MOCK_BIN, importEsm, importMockServer } from "./lib/deps.mjs";
import { PROJECT, benchVCluster } from "./lib/fixtures.mjs";
import { REPO_ROOT, fmt, parseOptions, progress, ratio, report } from "./lib/report.mjs";
import { breathe, interleave } from "./lib/runner.mjs";
import { cpuTimeMs, spawnListening } from "./lib/spawn.mjs";
import { summarize } from "./lib/stats.mjs";
import { baselineWatchRoutes } from "./lib/watch-baseline.mjs";

const opts = parseOptions({ watchers: 1000, updates: 50, warmup: 3, transport: "both", perConnection: 200, targetP99Ms: 50, timeoutMs: 30_000 });
if (!["both", "in-process", "http"].includes(opts.transport)) throw new Error(`--transport: "${opts.transport}" is not both, in-process or http`);

const protobuf = await importEsm("@bufbuild/protobuf");
const { createClient, createRouterTransport } = await importEsm("@connectrpc/connect");
const { createConnectTransport } = await importEsm("@connectrpc/connect-node");
const sdk = await importEsm("@open-vcluster/sdk");
const { MockControlService } = await importEsm("@open-vcluster/sdk/mock");
const { VClusterService, WatchVClustersResponse_EventType: EventType } = sdk;

const TARGET = benchVCluster(1);

/**
 * One side of the benchmark: W watchers opened on `watchTransports` (spread
 * evenly), updates sent with `updateClient`. `round(seq)` sends update `seq`
 * and resolves with the W latencies (ms) once every watcher has it.
 */
async function openSide(label, { watchTransports, updateTransport, serverPid }) {
  const updateClient = createClient(VClusterService, updateTransport);
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per stream
  const state = { seq: -1, sentAt: 0, latencies: [], onAll: () => {} };
  let synced = 0;
  let onSynced;
  const allSynced = new Promise((resolve) => (onSynced = resolve));
  const failures = [];
  const loops = [];
  for (let i = 0; i < opts.watchers; i++) {
    const client = createClient(VClusterService, watchTransports[i % watchTransports.length]);
    loops.push(
      (async () => {
        for await (const event of client.watchVClusters({ parent: PROJECT }, { signal: abort.signal })) {
          if (event.type === EventType.SYNCED) {
            if (++synced === opts.watchers) onSynced();
          } else if (event.type === EventType.MODIFIED && event.vcluster?.labels.seq === String(state.seq)) {
            state.latencies.push(performance.now() - state.sentAt);
            if (state.latencies.length === opts.watchers) state.onAll();
          }
        }
      })().catch((err) => {
        if (!abort.signal.aborted) failures.push(err);
      }),
    );
  }
  const opened = performance.now();
  await withTimeout(allSynced, `${label}: ${synced}/${opts.watchers} watchers synced`, () => failures);
  progress(`${label}: ${opts.watchers} watchers synced in ${(performance.now() - opened).toFixed(0)} ms`);

  const updateMs = [];
  return {
    label,
    updateMs,
    async round(seq) {
      state.seq = seq;
      state.latencies = [];
      const all = new Promise((resolve) => (state.onAll = resolve));
      const cpu0 = process.cpuUsage();
      const serverCpu0 = serverPid ? cpuTimeMs(serverPid) : 0;
      state.sentAt = performance.now();
      await updateClient.updateVCluster({
        vcluster: { name: TARGET.name, labels: { ...TARGET.labels, seq: String(seq) } },
        updateMask: { paths: ["labels"] },
      });
      updateMs.push(performance.now() - state.sentAt);
      await withTimeout(all, `${label}: update ${seq} reached ${state.latencies.length}/${opts.watchers} watchers`, () => failures);
      const cpu = process.cpuUsage(cpu0);
      const serverCpuMs = serverPid ? cpuTimeMs(serverPid) - serverCpu0 : 0;
      const latencies = state.latencies;
      await breathe();
      return { latencies, clientCpuMs: (cpu.user + cpu.system) / 1000, serverCpuMs };
    },
    async close() {
      abort.abort();
      await Promise.all(loops);
    },
  };
}

function withTimeout(promise, what, failures) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const f = failures();
      reject(new Error(`timed out after ${opts.timeoutMs} ms: ${what}${f.length ? `; first stream error: ${f[0]}` : ""}`));
    }, opts.timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the mock side and the baseline side update by update, interleaved. */
async function compare(kind, mockSide, baseSide) {
  const seqs = { [mockSide.label]: 0, [baseSide.label]: 0 };
  const sides = Object.fromEntries(
    [mockSide, baseSide].map((s) => [s.label, () => s.round(++seqs[s.label])]),
  );
  const rounds = await interleave(sides, {
    rounds: opts.updates,
    warmup: opts.warmup,
    onRound: (r) => r % 10 === 9 && progress(`${kind}: update ${r + 1}/${opts.updates}`),
  });
  return [mockSide, baseSide].map((s) => ({
    kind,
    label: s.label,
    latency: summarize(rounds[s.label].flatMap((r) => r.latencies)),
    cpu: summarize(rounds[s.label].map((r) => r.clientCpuMs + r.serverCpuMs)),
    serverCpu: summarize(rounds[s.label].map((r) => r.serverCpuMs)),
    clientCpu: summarize(rounds[s.label].map((r) => r.clientCpuMs)),
    update: summarize(s.updateMs.slice(opts.warmup)),
    isMock: s === mockSide,
  }));
}

const results = [];
const notes = [
  `CPU per update: CPU time (all threads; over HTTP this process plus the server process) from the update call until every watcher had the event, i.e. the cost of one fan-out to ${opts.watchers} streams.`,
];

if (opts.transport !== "http") {
  const { createMockTransport } = await importMockServer();
  const mock = createMockTransport();
  await mock.control.seed({ vclusters: [TARGET] });
  const base = createRouterTransport(baselineWatchRoutes({ ...protobuf, ...sdk }, TARGET));
  const mockSide = await openSide("in-process: createMockTransport", { watchTransports: [mock], updateTransport: mock });
  const baseSide = await openSide("in-process baseline: createRouterTransport, trivial handlers", { watchTransports: [base], updateTransport: base });
  results.push(...(await compare("in-process", mockSide, baseSide)));
  await Promise.all([mockSide.close(), baseSide.close()]);
  await mock.close();
}

if (opts.transport !== "in-process") {
  const connections = Math.ceil(opts.watchers / opts.perConnection);
  const servers = await Promise.all([
    spawnListening([OVC_MOCK_BIN, "--port", "0"]),
    spawnListening([path.join(REPO_ROOT, "bench/lib/watch-baseline-server.mjs")]),
  ]);
  try {
    const [mockServer, baseServer] = servers;
    const h2 = (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "2" });
    await createClient(MockControlService, h2(mockServer.url)).seed({ vclusters: [TARGET] });
    const mockSide = await openSide("http: ovc-mock, Connect over h2c", {
      watchTransports: Array.from({ length: connections }, () => h2(mockServer.url)),
      updateTransport: h2(mockServer.url),
      serverPid: mockServer.child.pid,
    });
    const baseSide = await openSide("http baseline: connectNodeAdapter on http2, trivial handlers", {
      watchTransports: Array.from({ length: connections }, () => h2(baseServer.url)),
      updateTransport: h2(baseServer.url),
      serverPid: baseServer.child.pid,
    });
    results.push(...(await compare("http", mockSide, baseSide)));
    await Promise.all([mockSide.close(), baseSide.close()]);
    notes.push(
      `http: ${opts.watchers} streams over ${connections} HTTP/2 connections (${opts.perConnection} streams each; ovc-mock allows 250 per connection) plus one connection for the updates; servers in child processes, watchers and timer in this process.`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const rows = results.map((r) => {
  const base = results.find((b) => b.kind === r.kind && !b.isMock);
  return [
    r.label,
    r.latency.n,
    fmt(r.latency.median, "ms"),
    fmt(r.latency.p99, "ms"),
    fmt(r.latency.max, "ms"),
    fmt(r.update.median, "ms"),
    ratio(r.latency.median, base.latency.median),
    ratio(r.latency.p99, base.latency.p99),
    r.kind === "http" ? `${fmt(r.cpu.median, "ms")} (server ${fmt(r.serverCpu.median, "ms")}, client ${fmt(r.clientCpu.median, "ms")})` : fmt(r.cpu.median, "ms"),
    ratio(r.cpu.median, base.cpu.median),
  ];
});
report({
  title: `mock-watch: ${opts.watchers} WatchVClusters streams, update to event`,
  what: `${opts.updates} label updates of one vcluster per side (after ${opts.warmup} warm-up updates), mock and baseline interleaved update by update; latency = just before UpdateVCluster to each watcher's MODIFIED event.`,
  headers: [
    "transport",
    "events",
    "median",
    "p99",
    "max",
    "UpdateVCluster call (median)",
    "median vs baseline",
    "p99 vs baseline",
    "CPU per update (median)",
    "CPU vs baseline",
  ],
  rows,
  targets: results
    .filter((r) => r.isMock)
    .map((r) => ({ name: `${r.kind} p99`, measured: fmt(r.latency.p99, "ms"), limit: `<= ${opts.targetP99Ms} ms`, pass: r.latency.p99 <= opts.targetP99Ms })),
  notes,
  check: opts.check,
});
