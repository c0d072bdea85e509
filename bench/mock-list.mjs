#!/usr/bin/env node
/**
 * ListVClusters in-process (createMockTransport, full serialization), one
 * page of 100 in the default order (name), with 1k and with 100k vclusters
 * in the project. Also measured: the second page (with the first page's
 * next_page_token) and a filtered first page (`labels.env = "prod"`, which
 * one vcluster in ten carries).
 *
 * The baseline is the same request on the 1k mock: all six cases run
 * interleaved, batch by batch. Seeding goes through `mock.core.seed(...)`
 * directly, in batches, for speed.
 *
 * Target (issue 3): the 100k first page <= 1.5x the 1k first page (median),
 * i.e. a page costs what it returns, not what the project holds.
 *
 *   node bench/mock-list.mjs [--rounds 20] [--calls 50] [--small 1000] [--large 100000] [--target-ratio 1.5] [--check]
 */
import { performance } from "node:perf_hooks";
import { importEsm, importMockServer } from "./lib/deps.mjs";
import { PROJECT, benchVCluster } from "./lib/fixtures.mjs";
import { fmt, parseOptions, progress, ratio, report } from "./lib/report.mjs";
import { breathe, interleave, timeCalls } from "./lib/runner.mjs";
import { summarize } from "./lib/stats.mjs";

const opts = parseOptions({ rounds: 20, warmup: 2, calls: 50, small: 1000, large: 100_000, seedBatch: 5000, pageSize: 100, targetRatio: 1.5 });

const { createClient } = await importEsm("@connectrpc/connect");
const { create } = await importEsm("@bufbuild/protobuf");
const { VClusterService, VClusterSchema } = await importEsm("@open-vcluster/sdk");
const { createMockTransport } = await importMockServer();

const FILTER = 'labels.env = "prod"';
const fmtUs = (us) => (us >= 1000 ? fmt(us / 1000, "ms") : fmt(us, "µs"));

async function seeded(count) {
  const transport = createMockTransport();
  const start = performance.now();
  for (let from = 0; from < count; from += opts.seedBatch) {
    const batch = [];
    for (let i = from; i < Math.min(count, from + opts.seedBatch); i++) batch.push(create(VClusterSchema, benchVCluster(i)));
    transport.mock.core.seed({ vclusters: batch });
    await breathe();
  }
  progress(`seeded ${count} vclusters in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const client = createClient(VClusterService, transport);
  const first = await client.listVClusters({ parent: PROJECT, pageSize: opts.pageSize });
  if (first.totalSize !== count || first.vclusters.length !== Math.min(count, opts.pageSize)) {
    throw new Error(`${count} seeded but List says total_size ${first.totalSize} with ${first.vclusters.length} on the page`);
  }
  const filtered = await client.listVClusters({ parent: PROJECT, pageSize: opts.pageSize, filter: FILTER });
  if (filtered.vclusters.some((v) => v.labels.env !== "prod")) throw new Error("the filter let a non-prod vcluster through");
  return { transport, client, token: first.nextPageToken };
}

const sizes = { small: await seeded(opts.small), large: await seeded(opts.large) };

function batch(size, kind) {
  const { client, token } = sizes[size];
  const req =
    kind === "first"
      ? { parent: PROJECT, pageSize: opts.pageSize }
      : kind === "second"
        ? { parent: PROJECT, pageSize: opts.pageSize, pageToken: token }
        : { parent: PROJECT, pageSize: opts.pageSize, filter: FILTER };
  return async () => {
    const result = await timeCalls(async () => {
      const res = await client.listVClusters(req);
      if (res.vclusters.length === 0) throw new Error(`empty page for ${size}/${kind}`);
    }, opts.calls);
    await breathe();
    return result;
  };
}

const KINDS = { first: "first page", second: "second page (page_token)", filtered: `first page, filter ${FILTER}` };
const sides = {};
for (const kind of Object.keys(KINDS)) for (const size of ["small", "large"]) sides[`${size}/${kind}`] = batch(size, kind);
const batches = await interleave(sides, {
  rounds: opts.rounds,
  warmup: opts.warmup,
  onRound: (r) => r % 5 === 4 && progress(`round ${r + 1}/${opts.rounds}`),
});
await Promise.all(Object.values(sizes).map((s) => s.transport.close()));

const stats = Object.fromEntries(Object.entries(batches).map(([k, b]) => [k, summarize(b.flatMap((x) => Array.from(x.times)))]));
const cpu = Object.fromEntries(Object.entries(batches).map(([k, b]) => [k, summarize(b.map((x) => x.cpuUsPerCall))]));
const count = (size) => (size === "small" ? opts.small : opts.large).toLocaleString("en-US");
const rows = Object.entries(KINDS).map(([kind, label]) => {
  const s = stats[`small/${kind}`];
  const l = stats[`large/${kind}`];
  const sc = cpu[`small/${kind}`];
  const lc = cpu[`large/${kind}`];
  return [label, fmtUs(s.median), fmtUs(s.p99), fmtUs(l.median), fmtUs(l.p99), ratio(l.median, s.median), `${fmtUs(sc.median)} / ${fmtUs(lc.median)}`, ratio(lc.median, sc.median)];
});
const headline = stats["large/first"].median / stats["small/first"].median;
report({
  title: "mock-list: ListVClusters, one page of 100, in-process",
  what: `${opts.rounds} rounds x ${opts.calls} sequential calls per case, the six cases interleaved (after ${opts.warmup} warm-up rounds); page_size ${opts.pageSize}, default order.`,
  headers: [
    "request",
    `${count("small")}: median`,
    `${count("small")}: p99`,
    `${count("large")}: median`,
    `${count("large")}: p99`,
    `${count("large")} / ${count("small")}`,
    "CPU per call (small / large)",
    "CPU large / small",
  ],
  rows,
  targets: [
    {
      name: `first page, ${count("large")} vs ${count("small")} (median)`,
      measured: `${headline.toFixed(2)}x`,
      limit: `<= ${opts.targetRatio}x`,
      pass: headline <= opts.targetRatio,
    },
  ],
  notes: [
    "CPU per call: process.cpuUsage() over a batch / calls (median of batches), all threads; less sensitive than wall time to other load on the machine.",
    "The response carries total_size (matches over all pages), so a filtered List evaluates the filter on every vcluster of the project: linear by design, no target.",
  ],
  check: opts.check,
});
