/**
 * 1,000 concurrent watchers at core's API layer: each one a WatchVClusters
 * handler stream of core (request validation, the filter, one response
 * message per event) — what ovc-server and ovc-mock both run under their
 * transport. One vcluster's labels are updated through core's UpdateVCluster
 * handler; latency is from just before the update call to each watcher
 * receiving its MODIFIED event. Target (issue 3): p99 <= 50 ms.
 *
 * Side by side, interleaved: the bare WatchHub with the same 1,000
 * subscribers (what the API layer adds over the watch log itself).
 * End to end through Connect, see mock-watch.mjs.
 *
 *   node bench/core-watch.mjs [--watchers 1000] [--updates 50] [--check]
 */
import { performance } from "node:perf_hooks";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { importEsm } from "./lib/deps.mjs";
import { benchVCluster, PROJECT } from "./lib/fixtures.mjs";
import { fmt, parseOptions, progress, ratio, report, REPO_ROOT } from "./lib/report.mjs";
import { breathe, interleave } from "./lib/runner.mjs";
import { summarize } from "./lib/stats.mjs";

const opts = parseOptions({ watchers: 1000, updates: 50, check: false });
const core = await import(pathToFileURL(path.join(REPO_ROOT, "packages/core/dist/esm/index.js")).href);
const { create } = await importEsm("@bufbuild/protobuf");
const sdk = await importEsm("@open-vcluster/sdk");

const api = new core.Core({ driver: new core.InMemoryDriver() });
const [target] = api.seed({ vclusters: [create(sdk.VClusterSchema, benchVCluster(0))] }).vclusters;
const controller = new AbortController();
const context = { signal: controller.signal };

/** Starts `n` consumers of `streams`, each recording when a MODIFIED arrives; returns the arrival lists. */
function consume(streams, isModified) {
  const arrivals = streams.map(() => []);
  streams.forEach(async (stream, i) => {
    for await (const event of stream) if (isModified(event)) arrivals[i].push(performance.now());
  });
  return arrivals;
}

// The API layer: core's WatchVClusters handler, as a transport would call it.
const apiStreams = Array.from({ length: opts.watchers }, () =>
  api.vclusters.watchVClusters(create(sdk.WatchVClustersRequestSchema, { parent: PROJECT }), context),
);
const apiArrivals = consume(apiStreams, (e) => e.type === sdk.WatchVClustersResponse_EventType.MODIFIED);
// The watch log alone.
const hub = new core.WatchHub();
const hubStreams = Array.from({ length: opts.watchers }, () => hub.subscribe({ initial: () => ({ items: [], version: hub.currentVersion() }) }));
const hubArrivals = consume(hubStreams, (e) => e.type === "modified");
await new Promise((r) => setTimeout(r, 200)); // initial state delivered everywhere

let n = 0;
async function measure(arrivals, update) {
  const before = arrivals.map((a) => a.length);
  const start = performance.now();
  update();
  while (arrivals.some((a, i) => a.length === before[i])) await breathe();
  return arrivals.map((a) => (a.at(-1) ?? start) - start);
}

const latencies = { api: [], hub: [] };
await interleave(
  {
    api: async () => {
      const ms = await measure(apiArrivals, () =>
        api.vclusters.updateVCluster(
          create(sdk.UpdateVClusterRequestSchema, {
            vcluster: { name: target.name, labels: { n: String(++n) } },
            updateMask: { paths: ["labels"] },
          }),
          context,
        ),
      );
      latencies.api.push(...ms);
      return 0;
    },
    hub: async () => {
      const ms = await measure(hubArrivals, () => hub.publish({ type: "modified", key: "k", item: { n: ++n } }));
      latencies.hub.push(...ms);
      return 0;
    },
  },
  { rounds: opts.updates, warmup: 3, onRound: (r) => r % 10 === 9 && progress(`core-watch: ${r + 1}/${opts.updates}`) },
);
controller.abort();
hub.close();
await api.close();

const a = summarize(latencies.api);
const h = summarize(latencies.hub);
report({
  title: `core watch fan-out: ${opts.watchers} watchers × ${opts.updates} updates`,
  what: "latency from the update call to each watcher's MODIFIED event (ms)",
  headers: ["side", "median", "p99", "max"],
  rows: [
    ["core WatchVClusters handlers (API layer)", fmt(a.median, "ms", 2), fmt(a.p99, "ms", 2), fmt(a.max, "ms", 2)],
    ["bare WatchHub (baseline)", fmt(h.median, "ms", 2), fmt(h.p99, "ms", 2), fmt(h.max, "ms", 2)],
    ["ratio", ratio(a.median, h.median), ratio(a.p99, h.p99), ""],
  ],
  targets: [{ name: "p99 at the API layer", measured: fmt(a.p99, "ms", 1), limit: "<= 50 ms", pass: a.p99 <= 50 }],
  notes: ["end to end through a Connect transport: bench/mock-watch.mjs"],
  check: opts.check,
});
