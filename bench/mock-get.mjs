#!/usr/bin/env node
/**
 * GetVCluster in-process: a client on `createMockTransport()` (Connect's
 * router transport serving core + the mock's interceptors, with full
 * serialization) asks for one seeded vcluster, many times; the time of each
 * call is recorded.
 *
 * Baseline, interleaved batch by batch: `createRouterTransport` from
 * @connectrpc/connect serving a trivial GetVCluster that returns a constant
 * VCluster (the same one, so the same bytes on the wire). The ratio is what
 * our core (validation, store lookup, interceptors) adds over Connect itself.
 *
 * Target (issue 3): median <= 100 µs per call.
 *
 *   node bench/mock-get.mjs [--rounds 30] [--calls 2000] [--target-us 100] [--check]
 */
import { importEsm, importMockServer } from "./lib/deps.mjs";
import { benchVCluster } from "./lib/fixtures.mjs";
import { fmt, parseOptions, progress, ratio, report } from "./lib/report.mjs";
import { breathe, interleave, timeCalls } from "./lib/runner.mjs";
import { summarize } from "./lib/stats.mjs";

const opts = parseOptions({ rounds: 30, warmup: 3, calls: 2000, targetUs: 100 });

const { createClient, createRouterTransport } = await importEsm("@connectrpc/connect");
const { VClusterService } = await importEsm("@open-vcluster/sdk");
const { createMockTransport } = await importMockServer();

const mockTransport = createMockTransport();
const [seeded] = (await mockTransport.control.seed({ vclusters: [benchVCluster(1)] })).vclusters ?? [];
const name = benchVCluster(1).name;
const mockClient = createClient(VClusterService, mockTransport);
const constant = await mockClient.getVCluster({ name });
if (!seeded || constant.name !== name) throw new Error("seeding the mock failed");

const baselineTransport = createRouterTransport((router) => {
  router.service(VClusterService, { getVCluster: () => constant });
});
const baselineClient = createClient(VClusterService, baselineTransport);
if ((await baselineClient.getVCluster({ name })).uid !== constant.uid) throw new Error("baseline returned something else");

/** One batch: `calls` sequential calls, each timed (µs), and the CPU time per call. */
function batch(client) {
  return async () => {
    const result = await timeCalls(() => client.getVCluster({ name }), opts.calls);
    await breathe();
    return result;
  };
}

const LABEL_MOCK = "GetVCluster via createMockTransport";
const LABEL_BASE = "baseline: createRouterTransport, constant handler";
const batches = await interleave(
  { [LABEL_MOCK]: batch(mockClient), [LABEL_BASE]: batch(baselineClient) },
  { rounds: opts.rounds, warmup: opts.warmup, onRound: (r) => r % 5 === 4 && progress(`round ${r + 1}/${opts.rounds}`) },
);
await mockTransport.close();

const perCall = (name) => batches[name].flatMap((b) => Array.from(b.times));
const cpuPerCall = (name) => summarize(batches[name].map((b) => b.cpuUsPerCall));
const mock = summarize(perCall(LABEL_MOCK));
const base = summarize(perCall(LABEL_BASE));
const rows = [LABEL_MOCK, LABEL_BASE].map((label) => {
  const s = summarize(perCall(label));
  const c = cpuPerCall(label);
  return [label, s.n, fmt(s.median, "µs"), fmt(s.p99, "µs"), ratio(s.median, base.median), fmt(c.median, "µs"), ratio(c.median, cpuPerCall(LABEL_BASE).median)];
});
report({
  title: "mock-get: GetVCluster in-process",
  what: `${opts.rounds} rounds x ${opts.calls} sequential calls per side, interleaved (after ${opts.warmup} warm-up rounds); one vcluster seeded.`,
  headers: ["transport", "calls", "median", "p99", "median vs baseline", "CPU per call (median of batches)", "CPU vs baseline"],
  rows,
  targets: [{ name: "mock median per call", measured: fmt(mock.median, "µs"), limit: `<= ${opts.targetUs} µs`, pass: mock.median <= opts.targetUs }],
  notes: [
    `core + mock interceptors add ${fmt(mock.median - base.median, "µs")} per call (median wall) and ${fmt(cpuPerCall(LABEL_MOCK).median - cpuPerCall(LABEL_BASE).median, "µs")} (CPU) over Connect's router transport.`,
    "CPU per call: process.cpuUsage() over a batch / calls, all threads (so GC helpers count too); less sensitive than wall time to other load on the machine.",
  ],
  check: opts.check,
});
