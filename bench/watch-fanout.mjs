#!/usr/bin/env node
/**
 * Watch fan-out latency: N concurrent watchers, each awaiting next() in a
 * `for await` loop, and U updates published one after another. For every
 * (update, watcher) pair it records the time from just before publish() to
 * the watcher's loop body running with that event, and reports median / p99 /
 * max, plus the synchronous cost of publish() itself.
 *
 * Scenarios:
 *   paced    - publish, wait until every watcher has it, publish the next
 *   burst    - all updates published back to back in one task (queueing shows)
 *   filtered - paced, half the watchers filter on a label that half the items carry
 *
 * Run from the repo root (tsx loads the TypeScript sources directly):
 *   node --import tsx bench/watch-fanout.mjs [watchers=1000] [updates=200]
 */
import { performance } from "node:perf_hooks";
import { WatchHub } from "../packages/core/src/watch/index.ts";

const WATCHERS = Number(process.argv[2] ?? 1000);
const UPDATES = Number(process.argv[3] ?? 200);

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values) {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

const fmt = (ms) => `${ms.toFixed(3)} ms`;

async function scenario(name, { burst = false, filtered = false }) {
  const hub = new WatchHub({ retention: 10_000, defaultBufferSize: 1024 });
  const publishedAt = new Map(); // version -> performance.now() before publish()
  const latencies = [];
  let received = 0;
  let expected = 0;
  let onProgress = () => {};

  const watchers = [];
  for (let i = 0; i < WATCHERS; i++) {
    const predicate = filtered && i % 2 === 0 ? (item) => item.labels.tier === "gold" : undefined;
    const subscription = hub.subscribe({ resumeVersion: hub.currentVersion(), predicate });
    watchers.push(
      (async () => {
        for await (const event of subscription) {
          latencies.push(performance.now() - publishedAt.get(event.version));
          received++;
          if (received === expected) onProgress();
        }
      })(),
    );
  }
  // Let every watcher reach its first pending next().
  await new Promise((resolve) => setImmediate(resolve));

  const publishCost = [];
  const publishOne = (i) => {
    const item = { name: `projects/p/vclusters/v${i % 50}`, labels: { tier: i % 2 === 0 ? "gold" : "silver" }, rev: i };
    const version = String(Number(hub.currentVersion()) + 1);
    const t0 = performance.now();
    publishedAt.set(version, t0);
    hub.publish({ type: "modified", key: item.name, item, previous: item });
    publishCost.push(performance.now() - t0);
    // Unfiltered watchers get every update; filtered ones only the gold ones.
    expected += filtered ? WATCHERS / 2 + (i % 2 === 0 ? WATCHERS / 2 : 0) : WATCHERS;
  };
  const allReceived = () =>
    received === expected ? Promise.resolve() : new Promise((resolve) => (onProgress = resolve));

  const start = performance.now();
  if (burst) {
    for (let i = 0; i < UPDATES; i++) publishOne(i);
    await allReceived();
  } else {
    for (let i = 0; i < UPDATES; i++) {
      publishOne(i);
      await allReceived();
    }
  }
  const elapsed = performance.now() - start;
  hub.close();
  await Promise.all(watchers);
  if (hub.subscriberCount() !== 0) throw new Error("leaked subscribers");

  const lat = summary(latencies);
  const cost = summary(publishCost);
  console.log(
    `${name.padEnd(8)} deliveries=${lat.n} delivery latency: median ${fmt(lat.median)}, p99 ${fmt(lat.p99)}, max ${fmt(lat.max)} | ` +
      `publish() call: median ${fmt(cost.median)}, p99 ${fmt(cost.p99)} | total ${fmt(elapsed)}`,
  );
  return lat;
}

console.log(`node ${process.version}, ${WATCHERS} watchers, ${UPDATES} updates`);
await scenario("warmup", {}); // JIT warm-up, not reported as a result
const paced = await scenario("paced", {});
await scenario("burst", { burst: true });
await scenario("filtered", { filtered: true });
if (paced.p99 > 50) {
  console.error(`FAIL: paced p99 ${fmt(paced.p99)} exceeds the 50 ms target`);
  process.exitCode = 1;
}
